import { VALUE_TESTS } from "./support-value-tests.js";

/**
 * The text of `validation-support.generated.ts`: the few helpers the generated validators call. It is emitted
 * next to them so the output imports nothing from outside its directory.
 */
export const VALIDATION_SUPPORT =
  `/** What a generated validator reports. \`path\` is like \`Steps[3].HadoopJarStep.Args[2]\`. */
export interface ModelIssue {
  readonly code: ModelIssueCode;
  readonly severity: "error";
  readonly path: string;
  readonly message: string;
  /** For \`unknown-member\` and \`enum\`: the name the value was probably meant to be. */
  readonly suggestion?: string;
}

export type ModelIssueCode =
  | "type"
  | "required"
  | "length"
  | "pattern"
  | "enum"
  | "range"
  | "unknown-member"
  | "unique-items"
  | "union"
  | "too-deep";

/**
 * How deep (in path segments) a value may nest before a validator of a recursive shape stops and reports
 * \`too-deep\`: far beyond any real request, and far short of the call stack, so that a hostile body gets an
 * issue rather than a stack overflow.
 */
export const MAX_NESTING = 256;

/**
 * The state of one validation: the path to the value being checked, kept as a stack so that checking a valid value
 * allocates nothing, and the issues found so far.
 */
export interface Walk {
  readonly path: (string | number)[];
  readonly issues: ModelIssue[];
}

export type Validator = (value: unknown, walk: Walk) => void;

/**
 * A shape's fast predicate: true exactly when its validator would report nothing. \`depth\` is how many path
 * segments lie above the value (a validator's \`walk.path.length\`), which counts toward MAX_NESTING.
 */
export type Predicate = (value: unknown, depth?: number) => boolean;

/**
 * Runs a validator on a value and returns every issue; \`base\` prefixes the paths (\`["Steps", 3]\`). Given the
 * shape's predicate, a valid value is answered by the predicate alone, and only an invalid one is walked.
 */
export function check(
  validate: Validator,
  value: unknown,
  base: readonly (string | number)[] = [],
  isValid?: Predicate,
): ModelIssue[] {
  if (isValid !== undefined && isValid(value, base.length)) return [];
  const walk: Walk = { path: [...base], issues: [] };
  validate(value, walk);
  return walk.issues;
}

export function report(walk: Walk, code: ModelIssueCode, message: string, key?: string, suggestion?: string): void {
  const path = formatPath(walk.path, key);
  walk.issues.push(suggestion === undefined ? { code, severity: "error", path, message } : { code, severity: "error", path, message, suggestion });
}

/** \`["Steps", 3, "Name"]\` → \`Steps[3].Name\`; keys that are not identifiers are quoted: \`Tags["a.b"]\`. */
export function formatPath(path: readonly (string | number)[], last?: string): string {
  let out = "";
  const add = (key: string | number) => {
    if (typeof key === "number") out += \`[\${key}]\`;
    else if (/^[A-Za-z_$][\\w$]*$/.test(key)) out += out === "" ? key : \`.\${key}\`;
    else out += \`[\${JSON.stringify(key)}]\`;
  };
  for (const key of path) add(key);
  if (last !== undefined) add(last);
  return out;
}

/**
 * The length of a string in Unicode code points, as Smithy and botocore measure it: a surrogate pair is one
 * character, a lone surrogate is one too. Returns -1 when the length is within [min, max], so the common case
 * counts nothing: a string's code points are never more than its UTF-16 units, nor fewer than half of them.
 */
export function lengthOutside(value: string, min: number, max: number): number {
  const units = value.length;
  if (units <= max && units >= 2 * min) return -1;
  if (units < min) return units;
  let points = 0;
  for (let i = 0; i < units; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < units) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    points++;
  }
  return points < min || points > max ? points : -1;
}

/**
 * A plain object: what JSON.parse makes, an object literal or \`Object.create(null)\`. Structures and maps are
 * plain data in the SDK's shape; a Date, a Map, an array or a class instance is not one, even though each is an
 * object, because the SDK would serialise its own enumerable properties (none, for a Date or a Map) instead.
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a Date";
  if (value instanceof Map) return "a Map";
  if (typeof value === "number") return Number.isFinite(value) ? \`the number \${value}\` : \`\${value}\`;
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    const name = proto?.constructor?.name;
    return proto === Object.prototype || proto === null ? "an object" : \`an instance of \${typeof name === "string" && name !== "" ? name : "a class"}\`;
  }
  return \`a \${typeof value}\`;
}

/** The value as it may be shown in a message: JSON, cut to 60 characters, or *** for a sensitive shape. */
export function show(value: unknown, sensitive = false): string {
  if (sensitive) return "***";
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 60 ? \`\${text.slice(0, 57)}...\` : text;
}

/** The candidate a mistyped name was probably meant to be: same letters ignoring case and \`_\`/\`-\`, or 2 edits away. */
export function nearest(key: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.replace(/[_-]/g, "").toLowerCase();
  const k = norm(key);
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = norm(c) === k ? 0 : editDistance(k, norm(c), bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
` + VALUE_TESTS;
