/**
 * The *types* emitter: a TypeScript declaration per shape, with TSDoc from the model's documentation and every
 * constraint stated. Structures that can appear in a request make their required members required (stricter than
 * the SDK's `Name: string | undefined`); structures that only come back from the service make every member
 * optional, and read request-side shapes through `OutputOf`, so the SDK's output types are assignable to them.
 */
import type { BlobShape, MemberIR, ServiceIR, ShapeIR } from "../ir/types.js";
import { sortedShapes } from "../ir/types.js";
import { inputShapes } from "../select/reachable.js";
import { describeConstraints } from "./describe-constraints.js";
import { tsHeader } from "./header.js";
import { htmlToMarkdown } from "./html-to-markdown.js";
import { memberShape } from "./member-variants.js";
import { docComment, docText } from "./ts-file.js";
import { isRenamed, propertyKey, typeName } from "./type-names.js";
import { TYPES_PRELUDE } from "./types-prelude.js";

export function emitTypes(service: ServiceIR): string {
  const inputs = inputShapes(service);
  const statements = [TYPES_PRELUDE];
  for (const shape of sortedShapes(service)) statements.push(declare(shape, service, inputs).join("\n"));
  return `${tsHeader(service)}${statements.join("\n\n")}\n`;
}

/** A shape's declarations as text: printed here rather than by ts-morph, which took 9 s on the EC2 model's types. */
function declare(shape: ShapeIR, service: ServiceIR, inputs: Set<string>): string[] {
  const name = typeName(shape.name);
  const docs = docComment(docText(shapeDocs(shape)), "");
  const alias = (type: string) => `${docs}export type ${name} = ${type};`;
  switch (shape.kind) {
    case "string":
      if (!shape.enum) return [alias("string")];
      return [
        `${docs}export const ${name} = {\n${shape.enum.map((v) => `  ${propertyKey(v)}: ${JSON.stringify(v)},`).join("\n")}\n} as const;`,
        alias(`(typeof ${name})[keyof typeof ${name}]`),
      ];
    case "number":
      return [alias(shape.enum ? shape.enum.join(" | ") : "number")];
    case "boolean":
      return [alias("boolean")];
    case "timestamp":
      return [alias("Date")];
    case "blob":
      return [alias(shape.streaming ? "StreamingBlobValue" : "Uint8Array")];
    case "document":
      return [alias("DocumentValue")];
    case "list":
      return [alias(`${typeName(shape.member)}[]`)];
    case "map":
      return [alias(`Record<string, ${typeName(shape.value)}>`)];
    case "union":
      return [alias(shape.eventStream ? `AsyncIterable<${unionType(shape.members)}>` : unionType(shape.members))];
    case "structure": {
      // An event stream: each event is one member set, and the SDK takes and gives the events as an AsyncIterable.
      if (shape.eventStream) return [alias(`AsyncIterable<${unionType(shape.members)}>`)];
      const isInput = inputs.has(shape.name);
      const properties = shape.members.map((m) => {
        const target = service.shapes.get(m.target)!;
        const composite = ["structure", "union", "list", "map"].includes(target.kind);
        const type =
          !isInput && composite && inputs.has(m.target)
            ? `OutputOf<${typeName(m.target)}>`
            : memberShape(service, m).kind === "blob" && (memberShape(service, m) as BlobShape).streaming
              ? "StreamingBlobValue"
              : typeName(m.target);
        const required = isInput && m.required;
        const key = `${propertyKey(m.name)}${required ? "" : "?"}`;
        return `${docComment(docText(memberDocs(m, target)), "    ")}    ${key}: ${required ? type : `${type} | undefined`};`;
      });
      return [`${docs}export interface ${name} {\n${properties.map((p) => `${p}\n`).join("")}}`];
    }
  }
}

/** `{ A: T; B?: never } | { B: U; A?: never }`: exactly one member is set. */
function unionType(members: readonly MemberIR[]): string {
  if (members.length === 0) return "never";
  return members
    .map((m) => {
      const others = members.filter((o) => o !== m).map((o) => `${propertyKey(o.name)}?: never`);
      return `{ ${[`${propertyKey(m.name)}: ${typeName(m.target)}`, ...others].join("; ")} }`;
    })
    .join(" | ");
}

function shapeDocs(shape: ShapeIR): string[] {
  return [
    htmlToMarkdown(shape.documentation),
    ...describeConstraints(shape),
    ...(isRenamed(shape.name)
      ? [`Model shape \`${shape.name}\` (renamed: the name is reserved in TypeScript output).`]
      : []),
    ...deprecatedTag(shape.deprecated),
  ];
}

function memberDocs(member: MemberIR, target: ShapeIR): string[] {
  return [
    htmlToMarkdown(member.documentation ?? target.documentation),
    ...describeConstraints(target, member),
    ...deprecatedTag(member.deprecated ?? target.deprecated),
  ];
}

function deprecatedTag(deprecated: { message?: string } | undefined): string[] {
  return deprecated ? [`@deprecated ${deprecated.message ?? ""}`.trimEnd()] : [];
}
