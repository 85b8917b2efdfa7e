import { randomInt } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** An id like EMR's: `j-` or `s-` and 13 upper-case letters and digits (the length EMR shows; undocumented). */
export function newId(prefix: "j" | "s"): string {
  let id = `${prefix}-`;
  for (let i = 0; i < 13; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}
