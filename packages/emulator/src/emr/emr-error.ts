/** An error as EMR answers it: HTTP status and a JSON body `{"__type", "Message"}` naming EMR's own error. */
export class EmrError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const invalidRequest = (message: string) => new EmrError("InvalidRequestException", message);
export const validationError = (message: string) => new EmrError("ValidationException", message);
