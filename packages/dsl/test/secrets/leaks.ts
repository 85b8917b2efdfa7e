/**
 * What a secret may not show up in: every string an issue or an error carries, found by walking it (own
 * properties, and an error's name, message, stack and cause), and the secret found whole or by any stretch of
 * WINDOW characters of it, so that a secret cut short by a printer counts too.
 */
import fc from "fast-check";

/** Characters no message, path or fixed value of emrkit has in a row: a stretch of them is a secret's. */
const UNITS = ["Q", "X", "Z", "J", "K", "q", "x", "z", "j", "k"] as const;
export const WINDOW = 6;

/** A secret value: rare letters, long enough to be cut short by a message (60 characters). */
export const secretText: fc.Arbitrary<string> = fc
  .string({ unit: fc.constantFrom(...UNITS), minLength: 8, maxLength: 90 })
  .map((core) => `Zq${core}`);

/** Every string inside a value, with where it was found. */
export function strings(
  value: unknown,
  at = "",
  out: [string, string][] = [],
  seen = new Set<unknown>(),
): [string, string][] {
  if (typeof value === "string") {
    out.push([at, value]);
    return out;
  }
  if (typeof value !== "object" || value === null || seen.has(value)) return out;
  seen.add(value);
  if (value instanceof Error) {
    for (const key of ["name", "message", "stack", "cause"] as const)
      strings((value as unknown as Record<string, unknown>)[key], `${at}.${key}`, out, seen);
  }
  for (const key of Object.keys(value)) {
    out.push([`${at} (key)`, key]);
    strings((value as Record<string, unknown>)[key], `${at}.${key}`, out, seen);
  }
  return out;
}

/** The places where a stretch of a secret shows: [] when none does. */
export function leaks(value: unknown, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const [at, text] of strings(value)) {
    for (const secret of secrets) {
      for (let i = 0; i + WINDOW <= secret.length; i++) {
        if (text.includes(secret.slice(i, i + WINDOW))) {
          found.push(`${at}: ${JSON.stringify(text.slice(0, 200))}`);
          break;
        }
      }
    }
  }
  return found;
}
