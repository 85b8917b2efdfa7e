import { show } from "../generated/validation-support.generated.js";
import { redact } from "../secrets/secret.js";

/** A value as a message may show it: JSON, cut short, secrets as ***. */
export function shown(value: unknown): string {
  return show(typeof value === "string" ? redact(value) : value);
}
