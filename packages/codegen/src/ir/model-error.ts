/** A model the generator cannot read. Says which file and, where it knows, which shape; never a stack trace. */
export class ModelError extends Error {
  override readonly name = "ModelError";
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly shape?: string,
  ) {
    super(`${file}${shape ? ` (shape ${shape})` : ""}: ${detail}`);
  }
}
