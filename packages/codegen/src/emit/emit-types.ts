/**
 * The *types* emitter: a TypeScript declaration per shape, with TSDoc from the model's documentation and every
 * constraint stated. Structures that can appear in a request make their required members required (stricter than
 * the SDK's `Name: string | undefined`); structures that only come back from the service make every member
 * optional, and read request-side shapes through `OutputOf`, so the SDK's output types are assignable to them.
 */
import { type StatementStructures, StructureKind, VariableDeclarationKind } from "ts-morph";
import type { MemberIR, ServiceIR, ShapeIR } from "../ir/types.js";
import { sortedShapes } from "../ir/types.js";
import { inputShapes } from "../select/reachable.js";
import { describeConstraints } from "./describe-constraints.js";
import { tsHeader } from "./header.js";
import { htmlToMarkdown } from "./html-to-markdown.js";
import { docText, printStatements } from "./ts-file.js";
import { propertyKey, typeName } from "./type-names.js";

const PRELUDE = `/** Any JSON value: the type of Smithy document shapes. */
export type DocumentValue = null | boolean | number | string | DocumentValue[] | { [key: string]: DocumentValue };

/** A request-side shape as the service returns it: every member may be absent. */
export type OutputOf<T> = T extends Date | Uint8Array
  ? T
  : T extends readonly (infer E)[]
    ? OutputOf<E>[]
    : T extends object
      ? { [K in keyof T]?: OutputOf<T[K]> | undefined }
      : T;`;

export function emitTypes(service: ServiceIR): string {
  const inputs = inputShapes(service);
  const statements: (string | StatementStructures)[] = [PRELUDE];
  for (const shape of sortedShapes(service)) statements.push(...declare(shape, service, inputs));
  return printStatements(tsHeader(service), statements);
}

function declare(shape: ShapeIR, service: ServiceIR, inputs: Set<string>): StatementStructures[] {
  const name = typeName(shape.name);
  const docs = [{ description: docText(shapeDocs(shape)) }];
  const alias = (type: string): StatementStructures => ({
    kind: StructureKind.TypeAlias,
    name,
    type,
    isExported: true,
    docs,
  });
  switch (shape.kind) {
    case "string":
      if (!shape.enum) return [alias("string")];
      return [
        {
          kind: StructureKind.VariableStatement,
          declarationKind: VariableDeclarationKind.Const,
          isExported: true,
          docs,
          declarations: [
            {
              name,
              initializer: `{\n${shape.enum.map((v) => `  ${propertyKey(v)}: ${JSON.stringify(v)},`).join("\n")}\n} as const`,
            },
          ],
        },
        alias(`(typeof ${name})[keyof typeof ${name}]`),
      ];
    case "number":
      return [alias(shape.enum ? shape.enum.join(" | ") : "number")];
    case "boolean":
      return [alias("boolean")];
    case "timestamp":
      return [alias("Date")];
    case "blob":
      return [alias("Uint8Array")];
    case "document":
      return [alias("DocumentValue")];
    case "list":
      return [alias(`${typeName(shape.member)}[]`)];
    case "map":
      return [alias(`Record<string, ${typeName(shape.value)}>`)];
    case "union":
      return [alias(unionType(shape.members))];
    case "structure": {
      const isInput = inputs.has(shape.name);
      return [
        {
          kind: StructureKind.Interface,
          name,
          isExported: true,
          docs,
          properties: shape.members.map((m) => {
            const target = service.shapes.get(m.target)!;
            const composite = ["structure", "union", "list", "map"].includes(target.kind);
            const type =
              !isInput && composite && inputs.has(m.target) ? `OutputOf<${typeName(m.target)}>` : typeName(m.target);
            const required = isInput && m.required;
            return {
              name: propertyKey(m.name),
              type: required ? type : `${type} | undefined`,
              hasQuestionToken: !required,
              docs: [{ description: docText(memberDocs(m, target)) }],
            };
          }),
        },
      ];
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
  return [htmlToMarkdown(shape.documentation), ...describeConstraints(shape), ...deprecatedTag(shape.deprecated)];
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
