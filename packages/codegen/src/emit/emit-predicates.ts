/**
 * The *fast predicates*, emitted into the validators file beside the validators: per shape,
 * `isValid<Shape>(value): boolean` checks exactly what `validate<Shape>` checks (type, required members, length in
 * code points, pattern, range, enum, unique items, members the shape does not have, nesting up to MAX_NESTING) and
 * answers false at the first problem, building no path and no issue. Most values are valid, so callers run the
 * predicate first and the reporting walk only when it says false. Shapes that can reach a recursive shape take
 * `depth` (the path's length, as the walk counts it) instead of a path.
 */
import type { LengthConstraint, MemberIR, RangeConstraint, ServiceIR, ShapeIR } from "../ir/types.js";
import { reaching } from "../select/reachable.js";
import { memberShape } from "./member-variants.js";
import type { Constants } from "./module-constants.js";
import { blobOutOfLength, enumConstant, notOfType, patternTest, skipComment } from "./shape-tests.js";
import { typeName } from "./type-names.js";

export function predicateName(shape: string): string {
  return `isValid${typeName(shape)}`;
}

/** Shapes whose predicate takes `depth`: the recursive ones and every shape that can reach one. */
export function depthShapes(service: ServiceIR, recursive: Set<string>): Set<string> {
  return reaching(service, recursive);
}

interface Context {
  readonly service: ServiceIR;
  readonly constants: Constants;
  readonly recursive: Set<string>;
  readonly deep: Set<string>;
}

export function predicateFor(shape: ShapeIR, context: Context): string {
  const params = context.deep.has(shape.name) ? "value: unknown, depth = 0" : "value: unknown";
  const guard = context.recursive.has(shape.name) ? ["if (depth > MAX_NESTING) return false;"] : [];
  const body = [...guard, ...predicateBody(shape, context)];
  return `/** True when ${shape.name}'s validator would report nothing. */\nexport function ${predicateName(shape.name)}(${params}): boolean {\n${body.map((l) => (l === "" ? l : `  ${l}`)).join("\n")}\n}`;
}

/** A call of a target's predicate on a value one path segment further down. */
function call(target: string, value: string, context: Context): string {
  return `${predicateName(target)}(${value}${context.deep.has(target) ? ", depth + 1" : ""})`;
}

function predicateBody(shape: ShapeIR, context: Context): string[] {
  const { constants } = context;
  switch (shape.kind) {
    case "string":
      return [
        `if (typeof value !== "string") return false;`,
        ...stringTests(shape.length, shape.pattern, constants, "value"),
        ...(shape.enum ? [`if (!${enumConstant(constants, shape.enum)}.has(value)) return false;`] : []),
        "return true;",
      ];
    case "number":
      return [
        `if (${notOfType(shape, context.service)[0]}) return false;`,
        ...(shape.range ? [`if (${outOfRange(shape.range, "value")}) return false;`] : []),
        ...(shape.enum ? [`if (!${enumConstant(constants, shape.enum)}.has(value)) return false;`] : []),
        "return true;",
      ];
    case "boolean":
      return [`return typeof value === "boolean";`];
    case "timestamp":
      return [`if (${notOfType(shape, context.service)[0]}) return false;`, "return true;"];
    case "blob":
      return [
        `if (${notOfType(shape, context.service)[0]}) return false;`,
        ...(shape.length ? [`if (${blobOutOfLength("value", shape.length.min, shape.length.max)}) return false;`] : []),
        "return true;",
      ];
    case "document":
      return ["return documentProblem(value) === undefined;"];
    case "list":
      return [
        "if (!Array.isArray(value)) return false;",
        ...(shape.length ? [`if (${outOfSize("value.length", shape.length)}) return false;`] : []),
        "for (let i = 0; i < value.length; i++) {",
        `  if (!${call(shape.member, "value[i]", context)}) return false;`,
        "}",
        ...(shape.uniqueItems ? ["if (hasDuplicates(value)) return false;"] : []),
        "return true;",
      ];
    case "map":
      return [
        "if (!isObject(value)) return false;",
        "let size = 0;",
        "for (const key in value) {",
        "  size++;",
        `  if (!${call(shape.key, "key", context)}) return false;`,
        `  if (!${call(shape.value, "value[key]", context)}) return false;`,
        "}",
        ...(shape.length ? [`if (${outOfSize("size", shape.length)}) return false;`] : []),
        "return true;",
      ];
    case "structure":
    case "union":
      return structureBody(shape, context);
  }
}

function structureBody(shape: Extract<ShapeIR, { kind: "structure" | "union" }>, context: Context): string[] {
  if (shape.eventStream) return ["return isAsyncIterable(value);"];
  const lines = ["if (!isObject(value)) return false;"];
  if (shape.members.length > 0) lines.push("let member: unknown;");
  if (shape.kind === "union") lines.push("let set = 0;");
  for (const m of shape.members) {
    const mustHave = shape.kind === "structure" && m.required && m.default === undefined;
    const test = `!${call(memberShape(context.service, m).name, "member", context)}`;
    const checks = memberTests(m, context);
    lines.push(`member = value[${JSON.stringify(m.name)}];`);
    if (mustHave) lines.push(`if (member === undefined || ${test}) return false;`, ...checks);
    else if (shape.kind === "union" || checks.length > 0)
      lines.push(
        "if (member !== undefined) {",
        ...(shape.kind === "union" ? ["  set++;"] : []),
        `  if (${test}) return false;`,
        ...checks.map((l) => `  ${l}`),
        "}",
      );
    else lines.push(`if (member !== undefined && ${test}) return false;`);
  }
  if (shape.kind === "union") lines.push("if (set !== 1) return false;");
  // The walk's own test, for-in (own and inherited enumerable keys), so that both passes agree on every object.
  if (shape.members.length === 0) lines.push("for (const _ in value) return false;");
  else
    lines.push(
      "for (const key in value) {",
      "  switch (key) {",
      ...shape.members.map((m) => `    case ${JSON.stringify(m.name)}:`),
      "      continue;",
      "  }",
      "  return false;",
      "}",
    );
  lines.push("return true;");
  return lines;
}

/** Smithy member constraints, on top of the target's own; the target's predicate has already passed. */
function memberTests(m: MemberIR, context: Context): string[] {
  if (!m.length && !m.pattern && !m.range) return [];
  const target = context.service.shapes.get(m.target)!;
  if (target.kind === "string") {
    const tests = stringTests(m.length, m.pattern, context.constants, "member");
    return tests.length > 0 ? ['if (typeof member === "string") {', ...tests.map((l) => `  ${l}`), "}"] : [];
  }
  if (target.kind === "number" && m.range)
    return [`if (typeof member === "number" && (${outOfRange(m.range, "member")})) return false;`];
  if (target.kind === "blob" && m.length)
    return [`if (${blobOutOfLength("member", m.length.min, m.length.max)}) return false;`];
  if (target.kind === "list" && m.length)
    return [`if (Array.isArray(member) && (${outOfSize("member.length", m.length)})) return false;`];
  if (target.kind === "map" && m.length)
    return [`if (isObject(member) && (${outOfSize("Object.keys(member).length", m.length)})) return false;`];
  return [];
}

function stringTests(
  length: LengthConstraint | undefined,
  pattern: string | undefined,
  constants: Constants,
  v: string,
): string[] {
  return [
    ...(length
      ? [`if (lengthOutside(${v}, ${length.min ?? 0}, ${length.max ?? Number.MAX_SAFE_INTEGER}) >= 0) return false;`]
      : []),
    ...(pattern ? [patternLine(constants, pattern, v)] : []),
  ];
}

function patternLine(constants: Constants, pattern: string, v: string): string {
  const test = patternTest(constants, pattern, v);
  return "skipped" in test ? skipComment(test.skipped) : `if (!${test.test}) return false;`;
}

function outOfRange(range: RangeConstraint, v: string): string {
  return [
    ...(range.min !== undefined ? [`${v} < ${range.min}`] : []),
    ...(range.max !== undefined ? [`${v} > ${range.max}`] : []),
  ].join(" || ");
}

function outOfSize(size: string, length: LengthConstraint): string {
  return outOfRange(length, size);
}
