/**
 * What a value that is no object is, for a format's message: "null", "an array", "undefined", "a number", … (no
 * other typeof begins with a vowel; objects are what the readers take, so never told here).
 */
export function valueKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return value === undefined ? "undefined" : `a ${typeof value}`;
}
