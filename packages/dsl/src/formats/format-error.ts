import { redact } from "../secrets/secret.js";

/** A value a format cannot express or read: says which format, where, and why; secrets in it show as ***. */
export class FormatError extends Error {
  override readonly name = "FormatError";

  constructor(message: string) {
    super(redact(message));
  }
}

/** The input of a format reader as plain data: JSON text is parsed, anything else taken as it is. */
export function parsed(api: string, input: unknown): unknown {
  if (typeof input !== "string") return input;
  try {
    return JSON.parse(input) as unknown;
  } catch (error) {
    throw new FormatError(`${api}: the input is not JSON (${(error as Error).message})`);
  }
}
