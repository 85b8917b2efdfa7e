import { createHash, randomInt } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/**
 * An id like EMR's: `j-` (cluster), `s-` (step), `ig-` (instance group) or `if-` (instance fleet) and 13 upper-case
 * letters and digits (the length EMR shows; undocumented).
 */
export function newId(prefix: "j" | "s" | "ig" | "if"): string {
  let id = `${prefix}-`;
  for (let i = 0; i < 13; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/**
 * The same id every time for the same seed, for what is derived and never stored (an instance group's instances):
 * `ci-` and 13 letters and digits, as EMR's instance ids; `i-` and 17 hex digits, as EC2's.
 */
export function derivedId(prefix: "ci" | "i", seed: string): string {
  const hash = createHash("sha256").update(seed).digest();
  if (prefix === "i") return `i-${hash.toString("hex").slice(0, 17)}`;
  let id = "ci-";
  for (let i = 0; i < 13; i++) id += ALPHABET[hash[i]! % ALPHABET.length];
  return id;
}
