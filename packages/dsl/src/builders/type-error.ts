declare const typeError: unique symbol;

/**
 * Stands where a method would be until the builder is ready, so that calling it fails to compile with the message
 * in the error: `Type 'EmrTypeError<"Call .jar(uri) before .build(): a step needs its jar">' has no call signatures`.
 */
export interface EmrTypeError<Message extends string> {
  readonly [typeError]: Message;
}
