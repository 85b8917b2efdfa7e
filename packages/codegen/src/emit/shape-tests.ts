/**
 * What the validators and the fast predicates test alike, so that both passes test a shape the same way: the type
 * test of a scalar shape, and the module-scope names of compiled patterns and enum sets.
 */
import type { ShapeIR } from "../ir/types.js";
import type { Constants } from "./module-constants.js";
import { programLiteral } from "./patterns/program-literal.js";
import { translatePattern } from "./patterns/translate-pattern.js";

/** The condition under which a value is not of a scalar shape's type, and the type as a message names it. */
export function notOfType(shape: ShapeIR): [condition: string, expected: string] {
  switch (shape.kind) {
    case "number":
      return shape.format === "float" || shape.format === "double" || shape.format === "bigDecimal"
        ? [`typeof value !== "number" || !Number.isFinite(value)`, "a finite number"]
        : [`typeof value !== "number" || !Number.isInteger(value)`, "an integer"];
    case "timestamp":
      // Dates from code; epoch seconds or ISO 8601 text from JSON, as the SDKs accept.
      return [
        `!(value instanceof Date ? !Number.isNaN(value.getTime()) : typeof value === "number" ? Number.isFinite(value) : typeof value === "string" && !Number.isNaN(Date.parse(value)))`,
        "a timestamp (a Date, epoch seconds or an ISO 8601 string)",
      ];
    case "blob":
      return [`!(value instanceof Uint8Array) && typeof value !== "string"`, "bytes (a Uint8Array or base64 text)"];
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
  if (plan.kind === "linear")
    return {
      test: `matchesLinear(${constants.add("PROGRAM", `${programLiteral(plan.program)} as LinearProgram`)}, ${v})`,
    };
  return { test: `${constants.add("PATTERN", regexLiteral(plan.source))}.test(${v})` };
}

/** A line comment for a skipped check: the text on one line, and nothing that could end the comment early. */
export function skipComment(text: string): string {
  return `// ${text.replace(/[\r\n\u2028\u2029]/g, " ")}`;
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
