/**
 * Secrets stay plain strings, so a request built with them is exactly the SDK's data and carries the real value;
 * what makes them secret is a process-wide registry that every printer (`redact`, `formatIssues`, the issues of
 * `validate`) consults to show *** instead. The registry lives on globalThis so that two copies of the package
 * (source and dist) share it.
 */

declare const secretBrand: unique symbol;

/** A string known to be secret. It is still a string: it goes into requests unchanged. */
export type Secret = string & { readonly [secretBrand]: true };

const REGISTRY = Symbol.for("@emrkit/dsl.secrets");
type Registry = { values: Set<string>; ordered: string[] | undefined };
const slots = globalThis as Record<symbol, Registry | undefined>;
slots[REGISTRY] ??= { values: new Set(), ordered: undefined };
const registry: Registry = slots[REGISTRY];

/**
 * Marks a value as secret and returns it unchanged (typed `Secret`).
 * @example
 * const password = secret(process.env.DB_PASSWORD ?? "hunter2");
 * step("load").jar("s3://b/load.jar").args("--password", password);
 * redact(`--password ${password}`); // "--password ***"
 */
export function secret(value: string): Secret {
  if (typeof value !== "string" || value.length === 0) {
    throw new TypeError("secret(): the value must be a non-empty string");
  }
  add(value);
  // How the value looks inside JSON text, so that rendered requests are redacted too.
  const escaped = JSON.stringify(value).slice(1, -1);
  if (escaped !== value) add(escaped);
  return value as Secret;
}

function add(value: string): void {
  if (registry.values.has(value)) return;
  registry.values.add(value);
  registry.ordered = undefined;
}

/** Whether a string is (exactly) a registered secret. */
export function isSecret(value: unknown): value is Secret {
  return typeof value === "string" && registry.values.has(value);
}

/** Whether any secret is registered: printers skip all work when none is. */
export function hasSecrets(): boolean {
  return registry.values.size > 0;
}

/** Replaces every secret value known to the process with ***. */
export function redact(text: string): string {
  if (registry.values.size === 0) return text;
  // Longest first, so that a secret containing another is replaced whole.
  registry.ordered ??= [...registry.values].sort((a, b) => b.length - a.length);
  let out = text;
  for (const value of registry.ordered) if (out.includes(value)) out = out.split(value).join("***");
  return out;
}

/** A deep copy of plain data with every secret inside its strings replaced by ***: for printing objects. */
export function redactValue<T>(value: T): T {
  if (registry.values.size === 0) return value;
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    // Defined, not assigned: a `__proto__` key (JSON.parse makes it an own key) must stay a key, not a prototype.
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, redact(key), {
        value: copy(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}
