/**
 * The *validators* emitter: one straight-line function per shape that checks type, required members, length,
 * pattern, range, enum, nested members and members the shape does not have, and pushes `{ code, path, message }`
 * issues. They never throw, and a valid value allocates nothing: the path is a stack pushed and popped around each
 * nested value and only turned into text when an issue is reported. Regular expressions and enum sets are built
 * once, at module scope. Lengths of strings are counted in Unicode code points (see `lengthOutside`). Beside each
 * validator goes its fast predicate (emit-predicates.ts), the same checks answered as one boolean.
 */
import type { LengthConstraint, MemberIR, RangeConstraint, ServiceIR, ShapeIR } from "../ir/types.js";
import { sortedShapes } from "../ir/types.js";
import { recursiveShapes } from "../select/reachable.js";
import { bounds } from "./describe-constraints.js";
import { depthShapes, predicateFor, predicateName } from "./emit-predicates.js";
import { tsHeader } from "./header.js";
import { memberShape, variantShapes } from "./member-variants.js";
import { Constants } from "./module-constants.js";
import { enumConstant, notOfType, patternTest, skipComment } from "./shape-tests.js";
import { printStatements } from "./ts-file.js";
import { typeName } from "./type-names.js";

export const VALIDATORS_FILE = "validators.generated.ts";
export const SUPPORT_FILE = "validation-support.generated.ts";

export function emitValidators(service: ServiceIR): string {
  const constants = new Constants();
  const recursive = recursiveShapes(service);
  const shapes = sortedShapes(service);
  const checked = [...shapes, ...variantShapes(service)];
  const functions = checked.map((shape) => validatorFor(shape, service, constants, recursive));
  const context = { service, constants, recursive, deep: depthShapes(service, recursive) };
  const predicates = checked.map((shape) => predicateFor(shape, context));
  const registry = (doc: string, name: string, type: string, fn: (shape: string) => string) =>
    `/** ${doc} */\nexport const ${name}: Readonly<Record<string, ${type}>> = {\n${shapes
      .map((s) => `  ${JSON.stringify(s.name)}: ${fn(s.name)},`)
      .join("\n")}\n};`;
  const support = `./${SUPPORT_FILE.replace(/\.ts$/, ".js")}`;
  // The linear-time matcher is imported only by a service that has a pattern needing it.
  const linear = constants.statements().some((text) => text.includes(" as LinearProgram;"));
  const imports = `import type { ${linear ? "LinearProgram, " : ""}Predicate, Validator, Walk } from "${support}";
import { ${[...SUPPORT_IMPORTS, ...(linear ? ["matchesLinear"] : [])].sort(byName).join(", ")} } from "${support}";`;
  return printStatements(tsHeader(service), [
    TWO_PASSES,
    imports,
    ...constants.statements(),
    ...functions,
    registry("Every validator by shape name, for generic tools and tests.", "validators", "Validator", fnName),
    ...predicates,
    registry(
      "Every fast predicate by shape name: `predicates.X(value)` is true exactly when `validators.X` reports nothing.",
      "predicates",
      "Predicate",
      predicateName,
    ),
  ]);
}

/** Why the generated file holds two functions per shape. */
const TWO_PASSES = `/*
 * Two passes per shape. \`validate<Shape>(value, walk)\` reports every issue, each with its path.
 * \`isValid<Shape>(value)\` checks exactly the same constraints but only answers true or false: it stops at the
 * first problem and builds no path and no issue. Most values are valid, so callers run the predicate first and the
 * reporting walk only when it says false: valid input pays for the cheap pass alone, invalid input gets the same
 * issues as from the walk alone.
 */`;

/** The support functions a validators file may call; all imported, so the list does not depend on the model. */
const SUPPORT_IMPORTS = [
  "byteLength",
  "describeType",
  "documentProblem",
  "hasDuplicates",
  "isAsyncIterable",
  "isObject",
  "isStreamingBlob",
  "isTimestamp",
  "lengthOutside",
  "MAX_NESTING",
  "nearest",
  "report",
  "show",
];

/** The order the support imports are listed in: by name, whatever the case. */
const byName = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase());

export function fnName(shape: string): string {
  return `validate${typeName(shape)}`;
}

interface Checks {
  length?: LengthConstraint | undefined;
  pattern?: string | undefined;
  range?: RangeConstraint | undefined;
}

function validatorFor(shape: ShapeIR, service: ServiceIR, constants: Constants, recursive: Set<string>): string {
  const body = [...(recursive.has(shape.name) ? [depthGuard] : []), ...bodyFor(shape, service, constants)];
  return `/** Checks a value against ${shape.name}. */\nexport function ${fnName(shape.name)}(value: unknown, walk: Walk): void {\n${indent(body.join("\n"))}\n}`;
}

/** The first check of a shape that can contain itself: nesting stops at MAX_NESTING with an issue. */
const depthGuard = `if (walk.path.length > MAX_NESTING) {
  report(walk, "too-deep", \`is nested more than \${MAX_NESTING} levels deep\`);
  return;
}`;

function bodyFor(shape: ShapeIR, service: ServiceIR, constants: Constants): string[] {
  const sensitive = shape.sensitive === true;
  switch (shape.kind) {
    case "string":
      return [
        typeGuard(`typeof value !== "string"`, "a string"),
        ...stringChecks(shape, sensitive, constants),
        ...enumCheck(shape.enum, sensitive, constants),
      ];
    case "number":
      return [
        typeGuard(...notOfType(shape, service)),
        ...rangeCheck(shape.range),
        ...enumCheck(shape.enum, false, constants),
      ];
    case "boolean":
      return [typeGuard(`typeof value !== "boolean"`, "a boolean")];
    case "timestamp":
      return [typeGuard(...notOfType(shape, service))];
    case "blob":
      return [typeGuard(...notOfType(shape, service)), ...blobLengthCheck("value", shape.length)];
    case "document":
      return [
        "const problem = documentProblem(value);",
        "if (problem !== undefined) {",
        "  walk.path.push(...problem.path);",
        '  report(walk, "type", "must be a JSON document, but " + problem.reason);',
        "  walk.path.length -= problem.path.length;",
        "}",
      ];
    case "list":
      return [
        typeGuard("!Array.isArray(value)", "a list"),
        ...(shape.length ? [sizeCheck("value.length", shape.length, "items")] : []),
        "for (let i = 0; i < value.length; i++) {",
        "  walk.path.push(i);",
        `  ${fnName(shape.member)}(value[i], walk);`,
        "  walk.path.pop();",
        "}",
        ...(shape.uniqueItems
          ? [
              "if (hasDuplicates(value)) {",
              `  report(walk, "unique-items", "must not contain the same item twice");`,
              "}",
            ]
          : []),
      ];
    case "map":
      return [
        typeGuard("!isObject(value)", "a map (an object)"),
        "let size = 0;",
        "for (const key in value) {",
        "  size++;",
        "  walk.path.push(key);",
        `  ${fnName(shape.key)}(key, walk);`,
        `  ${fnName(shape.value)}(value[key], walk);`,
        "  walk.path.pop();",
        "}",
        ...(shape.length ? [sizeCheck("size", shape.length, "entries")] : []),
      ];
    case "structure":
    case "union":
      return structureBody(shape, service, constants);
  }
}

function structureBody(
  shape: Extract<ShapeIR, { kind: "structure" | "union" }>,
  service: ServiceIR,
  constants: Constants,
): string[] {
  if (shape.eventStream) return [typeGuard("!isAsyncIterable(value)", "an event stream (an AsyncIterable of events)")];
  const names = constants.add("MEMBERS", `${JSON.stringify(shape.members.map((m) => m.name))} as readonly string[]`);
  const lines = [typeGuard("!isObject(value)", `an object (${shape.name})`)];
  if (shape.members.length > 0) lines.push("let member: unknown;");
  if (shape.kind === "union") lines.push("let set = 0;");
  for (const m of shape.members) {
    const key = JSON.stringify(m.name);
    const mustHave = shape.kind === "structure" && m.required && m.default === undefined;
    lines.push(`member = value[${key}];`);
    if (mustHave)
      lines.push("if (member === undefined) {", `  report(walk, "required", "is required", ${key});`, "} else {");
    else lines.push("if (member !== undefined) {");
    if (shape.kind === "union") lines.push("  set++;");
    lines.push(`  walk.path.push(${key});`, `  ${fnName(memberShape(service, m).name)}(member, walk);`);
    lines.push(...memberChecks(m, service, constants).map((l) => `  ${l}`));
    lines.push("  walk.path.pop();", "}");
  }
  if (shape.kind === "union") {
    lines.push(
      "if (set !== 1) {",
      `  report(walk, "union", \`must set exactly one of \${${names}.join(", ")}, but sets \${set}\`);`,
      "}",
    );
  }
  lines.push(
    "for (const key in value) {",
    ...(shape.members.length > 0
      ? [
          "  switch (key) {",
          ...shape.members.map((m) => `    case ${JSON.stringify(m.name)}:`),
          "      continue;",
          "  }",
        ]
      : []),
    `  const suggestion = nearest(key, ${names});`,
    `  report(walk, "unknown-member", \`is not a member of ${shape.name}\${suggestion === undefined ? "" : \`; did you mean \${suggestion}?\`}\`, key, suggestion);`,
    "}",
  );
  return lines;
}

/** Smithy allows constraints on a member; they apply on top of the target's own. */
function memberChecks(m: MemberIR, service: ServiceIR, constants: Constants): string[] {
  if (!m.length && !m.pattern && !m.range) return [];
  const target = service.shapes.get(m.target)!;
  const sensitive = target.sensitive === true;
  if (target.kind === "string") {
    return [
      'if (typeof member === "string") {',
      ...indentAll(stringChecks({ length: m.length, pattern: m.pattern }, sensitive, constants, "member")),
      "}",
    ];
  }
  if (target.kind === "number" && m.range) {
    return ['if (typeof member === "number") {', ...indentAll(rangeCheck(m.range, "member")), "}"];
  }
  if (target.kind === "blob") return blobLengthCheck("member", m.length);
  if (target.kind === "list" && m.length) {
    return ["if (Array.isArray(member)) {", indent(sizeCheck("member.length", m.length, "items")), "}"];
  }
  if (target.kind === "map" && m.length) {
    return ["if (isObject(member)) {", indent(sizeCheck("Object.keys(member).length", m.length, "entries")), "}"];
  }
  return [];
}

/** Blob data given as bytes or text, measured in bytes (support's byteLength says why); streams are not measured. */
function blobLengthCheck(v: string, length: LengthConstraint | undefined): string[] {
  if (!length) return [];
  return [
    `if (${v} instanceof Uint8Array || typeof ${v} === "string") {`,
    `  const bytes = byteLength(${v});`,
    indent(sizeCheck("bytes", length, "bytes")),
    "}",
  ];
}

function typeGuard(condition: string, expected: string): string {
  return `if (${condition}) {\n  report(walk, "type", \`must be ${expected}, but is \${describeType(value)}\`);\n  return;\n}`;
}

function stringChecks(checks: Checks, sensitive: boolean, constants: Constants, v = "value"): string[] {
  const lines: string[] = [];
  if (checks.length) {
    const { min = 0, max = Number.MAX_SAFE_INTEGER } = checks.length;
    lines.push(
      `const length = lengthOutside(${v}, ${min}, ${max});`,
      `if (length >= 0) report(walk, "length", \`must be ${bounds(checks.length)} characters long, but is \${length}\`);`,
    );
  }
  if (checks.pattern) {
    const pattern = patternTest(constants, checks.pattern, v);
    // A value of the wrong length is not pattern-matched: the issue is already reported, and a hostile value
    // far past the maximum would only cost time.
    const guard = checks.length ? "else " : "";
    lines.push(
      "skipped" in pattern
        ? skipComment(pattern.skipped)
        : `${guard}if (!${pattern.test}) report(walk, "pattern", \`must match the pattern ${escapeTemplate(checks.pattern)}, but is \${show(${v}, ${sensitive})}\`);`,
    );
  }
  return lines;
}

function rangeCheck(range: RangeConstraint | undefined, v = "value"): string[] {
  if (!range) return [];
  const conditions = [
    ...(range.min !== undefined ? [`${v} < ${range.min}`] : []),
    ...(range.max !== undefined ? [`${v} > ${range.max}`] : []),
  ];
  return [`if (${conditions.join(" || ")}) report(walk, "range", \`must be ${bounds(range)}, but is \${${v}}\`);`];
}

function sizeCheck(size: string, length: LengthConstraint, unit: string): string {
  const conditions = [
    ...(length.min !== undefined ? [`${size} < ${length.min}`] : []),
    ...(length.max !== undefined ? [`${size} > ${length.max}`] : []),
  ];
  return `if (${conditions.join(" || ")}) report(walk, "length", \`must have ${bounds(length)} ${unit}, but has \${${size}}\`);`;
}

function enumCheck(
  values: readonly (string | number)[] | undefined,
  sensitive: boolean,
  constants: Constants,
): string[] {
  if (!values) return [];
  const set = enumConstant(constants, values);
  const list = constants.add("VALUES", `${JSON.stringify(values.map(String))} as readonly string[]`);
  return [
    `if (!${set}.has(value)) {`,
    `  const suggestion = nearest(String(value), ${list});`,
    `  report(walk, "enum", \`must be one of \${${list}.join(", ")}, but is \${show(value, ${sensitive})}\${suggestion === undefined ? "" : \`; did you mean \${suggestion}?\`}\`, undefined, suggestion);`,
    "}",
  ];
}

function escapeTemplate(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/`/g, "\\`")
    .replace(/\$\{/g, "\\${")
    .replace(/[^\x20-\x7e]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
}

function indentAll(lines: string[]): string[] {
  return lines.map(indent);
}
