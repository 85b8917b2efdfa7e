/**
 * The *schema* emitter: a JSON Schema (draft 2020-12) per operation input, self-contained (`$defs` holds the
 * closure of its shapes), so editors can check a steps file and other validators can be compared with ours.
 * JSON Schema counts string length in code points, as the model does. It says what the validators accept, where
 * JSON Schema can say it:
 * - patterns are anchored, as the service applies them, with Java's meaning (see `patterns/README.md`), in the
 *   ECMA-262 syntax of the `u` flag; only the patterns proved linear for a backtracking engine are written. A
 *   pattern the validators run on the linear-time matcher would let ajv (or any backtracking engine) hang on a
 *   hostile value, and one that cannot be checked exactly is not checked: both are left out, with a `$comment`.
 * - timestamps take the wire form of their member's format (epoch seconds, RFC 3339 date-time, IMF-fixdate);
 * - integers are held to their width (byte, short, integer), a long to a safe integer.
 */
import type { MemberIR, NumberShape, OperationIR, ServiceIR, ShapeIR, TimestampFormat } from "../ir/types.js";
import { compareNames } from "../ir/types.js";
import { reachable } from "../select/reachable.js";
import { headerLines } from "./header.js";
import { htmlToMarkdown } from "./html-to-markdown.js";
import { INTEGER_WIDTHS } from "./integer-widths.js";
import { memberTimestampFormat, shapeTimestampFormat } from "./member-variants.js";
import { translatePattern } from "./patterns/translate-pattern.js";
import { DATE_TIME, HTTP_DATE, MAX_EPOCH_SECONDS } from "./timestamp-forms.js";

type Schema = Record<string, unknown>;

/** Every operation's schema by its path. */
export function emitSchemas(service: ServiceIR): Map<string, string> {
  const files = new Map<string, string>();
  writeSchemas(service, (path, text) => files.set(path, text));
  return files;
}

/** Hands each operation's schema to `put` as soon as it is made, and keeps none (see `writeDocs`). */
export function writeSchemas(service: ServiceIR, put: (path: string, text: string) => void): void {
  // Each shape's schema is printed once and reused by every operation that reaches it: the operations of a large
  // model share most of their shapes, and printing them again per operation made the cost grow with the square.
  const printed = new Map<string, string>();
  const def = (name: string): string => {
    let text = printed.get(name);
    if (text === undefined) {
      text = `    ${JSON.stringify(name)}: ${indent(JSON.stringify(shapeSchema(service, service.shapes.get(name)!), null, 2))}`;
      printed.set(name, text);
    }
    return text;
  };
  for (const op of service.operations) {
    if (!op.input) continue;
    const names = [...reachable(service, [op.input])].sort(compareNames);
    // What `JSON.stringify(schema, null, 2)` prints with `$defs` last, each definition's text spliced in.
    const head = JSON.stringify(operationSchema(service, op), null, 2);
    put(
      `schema/${op.name}.schema.json`,
      `${head.slice(0, -2)},\n  "$defs": {\n${names.map(def).join(",\n")}\n  }\n}\n`,
    );
  }
}

/** JSON text as it prints two levels down (a definition inside `$defs`): strings hold no raw line breaks. */
function indent(json: string): string {
  return json.replaceAll("\n", "\n    ");
}

/** The operation's schema without its `$defs`, which `emitSchemas` appends. */
function operationSchema(service: ServiceIR, op: OperationIR): Schema {
  const input = op.input!;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `urn:emrkit:${service.name.toLowerCase().replace(/\s+/g, "-")}:${service.version}:${op.name}`,
    $comment: headerLines(service).join(" "),
    title: `${op.name} request`,
    ...(op.documentation ? { description: htmlToMarkdown(op.documentation) } : {}),
    ...ref(input),
  };
}

function ref(name: string): Schema {
  return { $ref: `#/$defs/${name}` };
}

function shapeSchema(service: ServiceIR, shape: ShapeIR): Schema {
  const meta: Schema = {
    ...(shape.documentation ? { description: htmlToMarkdown(shape.documentation) } : {}),
    ...(shape.deprecated ? { deprecated: true } : {}),
  };
  switch (shape.kind) {
    case "string":
      return { type: "string", ...stringKeywords(shape), ...(shape.enum ? { enum: shape.enum } : {}), ...meta };
    case "number":
      return { ...numberKeywords(shape), ...(shape.enum ? { enum: shape.enum } : {}), ...meta };
    case "boolean":
      return { type: "boolean", ...meta };
    case "timestamp":
      return { ...timestampSchema(shapeTimestampFormat(service, shape)), ...meta };
    case "blob":
      return { type: "string", contentEncoding: "base64", ...meta };
    case "document":
      return { ...meta };
    case "list":
      return {
        type: "array",
        items: ref(shape.member),
        ...(shape.length?.min !== undefined ? { minItems: shape.length.min } : {}),
        ...(shape.length?.max !== undefined ? { maxItems: shape.length.max } : {}),
        ...(shape.uniqueItems ? { uniqueItems: true } : {}),
        ...meta,
      };
    case "map":
      return {
        type: "object",
        propertyNames: ref(shape.key),
        additionalProperties: ref(shape.value),
        ...(shape.length?.min !== undefined ? { minProperties: shape.length.min } : {}),
        ...(shape.length?.max !== undefined ? { maxProperties: shape.length.max } : {}),
        ...meta,
      };
    case "structure":
    case "union": {
      const required =
        shape.kind === "structure" ? shape.members.filter((m) => m.required && m.default === undefined) : [];
      return {
        type: "object",
        properties: Object.fromEntries(shape.members.map((m) => [m.name, memberSchema(service, m)])),
        ...(required.length > 0 ? { required: required.map((m) => m.name) } : {}),
        additionalProperties: false,
        ...(shape.kind === "union" ? { minProperties: 1, maxProperties: 1 } : {}),
        ...meta,
      };
    }
  }
}

function memberSchema(service: ServiceIR, m: MemberIR): Schema {
  const target = service.shapes.get(m.target)!;
  // A member whose timestamp format is not its target's (its own trait, an HTTP binding) takes its own form.
  if (target.kind === "timestamp") {
    const format = memberTimestampFormat(service, m, target);
    if (format !== shapeTimestampFormat(service, target)) {
      const docs = m.documentation ?? target.documentation;
      return { ...timestampSchema(format), ...(docs ? { description: htmlToMarkdown(docs) } : {}) };
    }
  }
  const docs = m.documentation ? { description: htmlToMarkdown(m.documentation) } : {};
  const own = { ...memberKeywords(target, m), ...(m.default !== undefined ? { default: m.default } : {}) };
  return Object.keys(own).length > 0 ? { allOf: [ref(m.target)], ...own, ...docs } : { ...ref(m.target), ...docs };
}

/**
 * A member's own constraints, in the keywords of its target's kind, with that kind's `type` (which the `$ref`
 * already implies: stated so that each keyword is typed, as ajv's strict mode asks). A length on a blob member is
 * of bytes, which JSON Schema cannot count in base64 text: the validators check it.
 */
function memberKeywords(target: ShapeIR, m: MemberIR): Schema {
  const bounds = (min: string, max: string): Schema => ({
    ...(m.length?.min !== undefined ? { [min]: m.length.min } : {}),
    ...(m.length?.max !== undefined ? { [max]: m.length.max } : {}),
  });
  const typed = (type: string, keywords: Schema): Schema =>
    Object.keys(keywords).some((k) => k !== "$comment") ? { type, ...keywords } : keywords;
  switch (target.kind) {
    case "string":
      return typed("string", stringKeywords(m));
    case "list":
      return typed("array", bounds("minItems", "maxItems"));
    case "map":
      return typed("object", bounds("minProperties", "maxProperties"));
    case "number": {
      const keywords = {
        ...(m.range?.min !== undefined ? { minimum: m.range.min } : {}),
        ...(m.range?.max !== undefined ? { maximum: m.range.max } : {}),
      };
      return typed(numberKeywords(target).type as string, keywords);
    }
    default:
      return {};
  }
}

function stringKeywords(c: { length?: { min?: number; max?: number }; pattern?: string }): Schema {
  return {
    ...(c.length?.min !== undefined ? { minLength: c.length.min } : {}),
    ...(c.length?.max !== undefined ? { maxLength: c.length.max } : {}),
    ...(c.pattern ? patternKeyword(c.pattern) : {}),
  };
}

function patternKeyword(pattern: string): Schema {
  const plan = translatePattern(pattern);
  if (plan.kind === "regex") return { pattern: plan.source };
  return {
    $comment:
      plan.kind === "skip"
        ? `pattern ${pattern} not checked: ${plan.reason}`
        : `pattern ${pattern} is checked by the generated validators (validators.generated.ts) on their linear-time matcher, and left out here: no regular expression for it is safe from catastrophic backtracking in a backtracking engine such as ajv's`,
  };
}

/** The type and bounds of a number: its range, within its width (integer-widths.ts). */
function numberKeywords(shape: NumberShape): Schema {
  if (["float", "double", "bigDecimal"].includes(shape.format))
    return {
      type: "number",
      ...(shape.range?.min !== undefined ? { minimum: shape.range.min } : {}),
      ...(shape.range?.max !== undefined ? { maximum: shape.range.max } : {}),
    };
  const width = INTEGER_WIDTHS[shape.format];
  const min = [shape.range?.min, width?.min].filter((n) => n !== undefined);
  const max = [shape.range?.max, width?.max].filter((n) => n !== undefined);
  return {
    type: "integer",
    ...(min.length > 0 ? { minimum: Math.max(...min) } : {}),
    ...(max.length > 0 ? { maximum: Math.min(...max) } : {}),
  };
}

/**
 * A timestamp as JSON carries it, in its format's wire form (a Date, which the validators also take, has no JSON
 * form). The validators also check that a date-time or http-date names a day the calendar has, and an http-date
 * its weekday, which a pattern cannot; `format: "date-time"` asks a validator that asserts formats for the day.
 */
function timestampSchema(format: TimestampFormat): Schema {
  switch (format) {
    case "epoch-seconds":
      return {
        type: "number",
        minimum: -MAX_EPOCH_SECONDS,
        maximum: MAX_EPOCH_SECONDS,
        description: "A timestamp in epoch seconds (within a JavaScript Date's range).",
      };
    case "date-time":
      return {
        type: "string",
        format: "date-time",
        pattern: DATE_TIME.source,
        description: "A timestamp as an RFC 3339 date-time, like 2030-03-07T12:00:00Z.",
      };
    case "http-date":
      return {
        type: "string",
        pattern: HTTP_DATE.source,
        description: "A timestamp as an HTTP-date (IMF-fixdate), like Thu, 07 Mar 2030 12:00:00 GMT.",
      };
  }
}
