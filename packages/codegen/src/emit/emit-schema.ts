/**
 * The *schema* emitter: a JSON Schema (draft 2020-12) per operation input, self-contained (`$defs` holds the
 * closure of its shapes), so editors can check a steps file and other validators can be compared with ours.
 * JSON Schema counts string length in code points, as the model does; patterns are anchored, as the service
 * applies them, with Java's meaning (see `patterns/README.md`); a pattern that cannot be written exactly is left
 * out, with a `$comment` saying why.
 */
import type { MemberIR, OperationIR, ServiceIR, ShapeIR } from "../ir/types.js";
import { compareNames } from "../ir/types.js";
import { reachable } from "../select/reachable.js";
import { headerLines } from "./header.js";
import { htmlToMarkdown } from "./html-to-markdown.js";
import { translatePattern } from "./patterns/translate-pattern.js";

type Schema = Record<string, unknown>;

export function emitSchemas(service: ServiceIR): Map<string, string> {
  const files = new Map<string, string>();
  // Each shape's schema is printed once and reused by every operation that reaches it: the operations of a large
  // model share most of their shapes, and printing them again per operation made the cost grow with the square.
  const printed = new Map<string, string>();
  const def = (name: string): string => {
    let text = printed.get(name);
    if (text === undefined) {
      text = `    ${JSON.stringify(name)}: ${indent(JSON.stringify(shapeSchema(service.shapes.get(name)!), null, 2))}`;
      printed.set(name, text);
    }
    return text;
  };
  for (const op of service.operations) {
    if (!op.input) continue;
    const names = [...reachable(service, [op.input])].sort(compareNames);
    // What `JSON.stringify(schema, null, 2)` prints with `$defs` last, each definition's text spliced in.
    const head = JSON.stringify(operationSchema(service, op), null, 2);
    files.set(
      `schema/${op.name}.schema.json`,
      `${head.slice(0, -2)},\n  "$defs": {\n${names.map(def).join(",\n")}\n  }\n}\n`,
    );
  }
  return files;
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

function shapeSchema(shape: ShapeIR): Schema {
  const meta: Schema = {
    ...(shape.documentation ? { description: htmlToMarkdown(shape.documentation) } : {}),
    ...(shape.deprecated ? { deprecated: true } : {}),
  };
  switch (shape.kind) {
    case "string":
      return { type: "string", ...stringKeywords(shape), ...(shape.enum ? { enum: shape.enum } : {}), ...meta };
    case "number":
      return {
        type: ["float", "double", "bigDecimal"].includes(shape.format) ? "number" : "integer",
        ...(shape.range?.min !== undefined ? { minimum: shape.range.min } : {}),
        ...(shape.range?.max !== undefined ? { maximum: shape.range.max } : {}),
        ...(shape.enum ? { enum: shape.enum } : {}),
        ...meta,
      };
    case "boolean":
      return { type: "boolean", ...meta };
    case "timestamp":
      return { type: ["number", "string"], description: "Epoch seconds or an ISO 8601 date-time.", ...meta };
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
        properties: Object.fromEntries(shape.members.map((m) => [m.name, memberSchema(m)])),
        ...(required.length > 0 ? { required: required.map((m) => m.name) } : {}),
        additionalProperties: false,
        ...(shape.kind === "union" ? { minProperties: 1, maxProperties: 1 } : {}),
        ...meta,
      };
    }
  }
}

function memberSchema(m: MemberIR): Schema {
  const extra = stringKeywords(m);
  const rangeKeywords = {
    ...(m.range?.min !== undefined ? { minimum: m.range.min } : {}),
    ...(m.range?.max !== undefined ? { maximum: m.range.max } : {}),
  };
  const docs = m.documentation ? { description: htmlToMarkdown(m.documentation) } : {};
  const own = { ...extra, ...rangeKeywords, ...(m.default !== undefined ? { default: m.default } : {}) };
  return Object.keys(own).length > 0 ? { allOf: [ref(m.target)], ...own, ...docs } : { ...ref(m.target), ...docs };
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
  return plan.kind === "skip"
    ? { $comment: `pattern ${pattern} not checked: ${plan.reason}` }
    : { pattern: plan.source };
}
