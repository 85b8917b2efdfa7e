import type { NumberFormat } from "../ir/types.js";

/**
 * The values an integer shape holds, by format (Smithy simple types: smithy.io/2.0/spec/simple-types.html). A
 * `long` is 64-bit in the model, but the SDK types it as a JavaScript number, which holds integers exactly only up
 * to 2^53 − 1: beyond that a value is silently another number, so a long must be a safe integer. A `bigInteger` is
 * any integer. The validators and the JSON Schema both take their bounds from here.
 */
export const INTEGER_WIDTHS: Partial<Record<NumberFormat, { readonly min: number; readonly max: number }>> = {
  byte: { min: -128, max: 127 },
  short: { min: -32768, max: 32767 },
  integer: { min: -2147483648, max: 2147483647 },
  long: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
};
