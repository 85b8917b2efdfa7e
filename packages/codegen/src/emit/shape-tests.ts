/**
 * What the validators and the fast predicates test alike, so that both passes test a shape the same way: the type
 * test of a scalar shape, and the module-scope names of compiled patterns and enum sets.
 */
import type { NumberFormat, ServiceIR, ShapeIR, TimestampFormat } from "../ir/types.js";
import { INTEGER_WIDTHS } from "./integer-widths.js";
import { shapeTimestampFormat } from "./member-variants.js";
import type { Constants } from "./module-constants.js";
import { programLiteral } from "./patterns/program-literal.js";
import { type PatternPlan, translatePattern } from "./patterns/translate-pattern.js";

/** How a message names an integer width (bounds in `integer-widths.ts`). */
const WIDTH_TEXT: Partial<Record<NumberFormat, string>> = {
  byte: "an 8-bit integer",
  short: "a 16-bit integer",
  integer: "a 32-bit integer",
};

const TIMESTAMP_TEXT: Record<TimestampFormat, string> = {
  "date-time": "a timestamp (a valid Date or RFC 3339 date-time text like 2030-03-07T12:00:00Z)",
  "epoch-seconds": "a timestamp (a valid Date or epoch seconds)",
  "http-date": "a timestamp (a valid Date or HTTP-date text like Thu, 07 Mar 2030 12:00:00 GMT)",
};

/** The condition under which a value is not of a scalar shape's type, and the type as a message names it. */
export function notOfType(shape: ShapeIR, service: ServiceIR): [condition: string, expected: string] {
  switch (shape.kind) {
    case "number": {
      if (shape.format === "float" || shape.format === "double" || shape.format === "bigDecimal")
        return [`typeof value !== "number" || !Number.isFinite(value)`, "a finite number"];
      if (shape.format === "long")
        return [`typeof value !== "number" || !Number.isSafeInteger(value)`, "an integer within ±(2^53 − 1)"];
      const width = INTEGER_WIDTHS[shape.format];
      if (!width) return [`typeof value !== "number" || !Number.isInteger(value)`, "an integer"];
      return [
        `typeof value !== "number" || !Number.isInteger(value) || value < ${width.min} || value > ${width.max}`,
        `${WIDTH_TEXT[shape.format]} (${width.min} to ${width.max})`,
      ];
    }
    case "timestamp": {
      const format = shapeTimestampFormat(service, shape);
      return [`!isTimestamp(value, "${format}")`, TIMESTAMP_TEXT[format]];
    }
    case "blob":
      return shape.streaming
        ? [
            "!isStreamingBlob(value)",
            "a streaming blob (a Uint8Array, a string, a Readable, a ReadableStream or a Blob)",
          ]
        : [
            `!(value instanceof Uint8Array) && typeof value !== "string"`,
            "bytes (a Uint8Array, or text sent as UTF-8)",
          ];
    default:
      throw new Error(`notOfType: ${shape.kind} is not a scalar shape with a type test`);
  }
}

/**
 * How generated code tests a value `v` against a model pattern: an expression true when it matches (the compiled
 * pattern lives in a module-scope constant), or, for a pattern that cannot be checked exactly, the reason, which
 * the caller writes as a comment in place of the check.
 */
export function patternTest(
  constants: Constants,
  pattern: string,
  v: string,
): { readonly test: string } | { readonly skipped: string } {
  const plan = translatePattern(pattern);
  if (plan.kind === "skip") return { skipped: `pattern ${JSON.stringify(pattern)} not checked: ${plan.reason}` };
  if (plan.kind === "linear") return { test: `matchesLinear(${constants.add("PROGRAM", literal(plan))}, ${v})` };
  return { test: `${constants.add("PATTERN", literal(plan))}.test(${v})` };
}

/**
 * A plan's constant as source, written once per plan (plans are cached for the process): a service names the same
 * pattern on many members, and a `\b` or a long count makes literals of 10–100 KB, which were escaped, joined and
 * then hashed again (as a new string) at every use.
 */
const literals = new WeakMap<PatternPlan, string>();

function literal(plan: Exclude<PatternPlan, { kind: "skip" }>): string {
  let text = literals.get(plan);
  if (text === undefined) {
    text = plan.kind === "linear" ? `${programLiteral(plan.program)} as LinearProgram` : regexLiteral(plan.source);
    literals.set(plan, text);
  }
  return text;
}

/** A line comment for a skipped check: the text on one line, and nothing that could end the comment early. */
export function skipComment(text: string): string {
  return `// ${text.replace(/[\r\n\u2028\u2029]/g, " ")}`;
}

/** The condition under which blob data is outside its length in bytes; streams are not measured. */
export function blobOutOfLength(v: string, min: number | undefined, max: number | undefined): string {
  const outside = [
    ...(min !== undefined ? [`byteLength(${v}) < ${min}`] : []),
    ...(max !== undefined ? [`byteLength(${v}) > ${max}`] : []),
  ];
  return `(${v} instanceof Uint8Array || typeof ${v} === "string") && (${outside.join(" || ")})`;
}

/** The module-scope name of an enum's set of values. */
export function enumConstant(constants: Constants, values: readonly (string | number)[]): string {
  return constants.add("ENUM", `new Set<unknown>(${JSON.stringify(values)})`);
}

/**
 * A regular expression literal for a pattern's source: slashes not yet escaped get a backslash, and characters
 * outside printable ASCII (models hold raw control characters and line breaks) become `\u{…}` escapes.
 */
export function regexLiteral(source: string): string {
  const body = source.replace(/\\[\s\S]|\/|[^\x20-\x7e]/gu, (m) => {
    if (m === "/") return "\\/";
    if (m.length > 1 && m.startsWith("\\")) return m;
    return `\\u{${m.codePointAt(0)!.toString(16).toUpperCase()}}`;
  });
  return `/${body}/u`;
}
