import * as dsl from "@emrkit/dsl";

/** Log lines may hold secrets (keys, tokens in URLs): shown only through the DSL's `redact`, once it has one. */
export function redact(text: string): string {
  const fromDsl = (dsl as unknown as { redact?: (text: string) => string }).redact;
  return typeof fromDsl === "function" ? fromDsl(text) : text;
}
