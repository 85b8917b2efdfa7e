/**
 * The *docs* emitter: a Markdown reference page per operation — request syntax, every parameter with its type,
 * whether it is required and its constraints, the response, the errors, and the structures they use — rendered
 * with handlebars, plus an index page.
 */
import Handlebars from "handlebars";
import type { MemberIR, OperationIR, ServiceIR, ShapeIR } from "../ir/types.js";
import { compareNames } from "../ir/types.js";
import { reachable } from "../select/reachable.js";
import { describeConstraints } from "./describe-constraints.js";
import { headerLines } from "./header.js";
import { htmlToMarkdown } from "./html-to-markdown.js";
import { MEMBER_PARTIAL, OPERATION_PAGE } from "./templates/operation-page.js";

const handlebars = Handlebars.create();
handlebars.registerPartial("member", MEMBER_PARTIAL);
const renderPage = handlebars.compile(OPERATION_PAGE, { noEscape: true });

export function emitDocs(service: ServiceIR): Map<string, string> {
  const files = new Map<string, string>();
  for (const op of service.operations) files.set(`docs/${op.name}.md`, tidy(renderPage(pageData(service, op))));
  const index = [
    "<!--",
    ...headerLines(service),
    "-->",
    "",
    `# ${service.title} (${service.version}) reference`,
    "",
    ...service.operations.map((op) => `- [${op.name}](./${op.name}.md)`),
    "",
  ].join("\n");
  files.set("docs/README.md", index);
  return files;
}

function pageData(service: ServiceIR, op: OperationIR) {
  const shape = (name: string | undefined) => (name ? service.shapes.get(name) : undefined);
  const input = shape(op.input);
  const output = shape(op.output);
  const roots = [op.input, op.output].filter((n): n is string => n !== undefined);
  const types = [...reachable(service, roots)]
    .filter((name) => !roots.includes(name))
    .map((name) => service.shapes.get(name)!)
    .filter((s): s is Extract<ShapeIR, { kind: "structure" | "union" }> => s.kind === "structure" || s.kind === "union")
    .sort((a, b) => compareNames(a.name, b.name));
  return {
    header: headerLines(service),
    name: op.name,
    documentation: htmlToMarkdown(op.documentation),
    deprecated: op.deprecated ? (op.deprecated.message ?? "This operation is deprecated.") : undefined,
    requestSyntax: input ? syntax(service, input, 0, new Set()) : "{}",
    responseSyntax: output ? syntax(service, output, 0, new Set()) : "{}",
    request: members(service, input),
    response: members(service, output),
    errors: op.errors.map((name) => {
      const e = service.shapes.get(name)!;
      return {
        name,
        documentation: htmlToMarkdown(e.documentation),
        status:
          e.kind === "structure" && e.error?.httpStatus
            ? e.error.httpStatus
            : e.kind === "structure" && e.error?.fault === "server"
              ? 500
              : 400,
      };
    }),
    types: types.map((t) => ({
      name: t.name,
      documentation: htmlToMarkdown(t.documentation),
      members: members(service, t),
    })),
  };
}

function members(service: ServiceIR, shape: ShapeIR | undefined) {
  if (!shape || (shape.kind !== "structure" && shape.kind !== "union")) return [];
  return shape.members.map((m: MemberIR) => {
    const target = service.shapes.get(m.target)!;
    return {
      name: m.name,
      documentation: htmlToMarkdown(m.documentation ?? target.documentation),
      type: typeLabel(service, target),
      required: m.required,
      constraints: describeConstraints(target, { ...m, required: false }),
    };
  });
}

function typeLabel(service: ServiceIR, shape: ShapeIR): string {
  switch (shape.kind) {
    case "list":
      return `array of ${typeLabel(service, service.shapes.get(shape.member)!)}`;
    case "map":
      return `map of string to ${typeLabel(service, service.shapes.get(shape.value)!)}`;
    case "structure":
    case "union":
      return `${shape.name} object`;
    case "number":
      return shape.format;
    default:
      return shape.kind;
  }
}

/** The JSON skeleton the AWS reference shows: each member with a placeholder for its type. */
function syntax(service: ServiceIR, shape: ShapeIR, depth: number, path: Set<string>): string {
  const pad = "   ".repeat(depth + 1);
  const close = "   ".repeat(depth);
  switch (shape.kind) {
    case "structure":
    case "union": {
      if (path.has(shape.name) || shape.members.length === 0)
        return shape.members.length === 0 ? "{ }" : `{ ${shape.name} }`;
      const inner = new Set(path).add(shape.name);
      const lines = shape.members.map(
        (m) => `${pad}"${m.name}": ${syntax(service, service.shapes.get(m.target)!, depth + 1, inner)}`,
      );
      return `{\n${lines.join(",\n")}\n${close}}`;
    }
    case "list":
      return `[ ${syntax(service, service.shapes.get(shape.member)!, depth, path)} ]`;
    case "map":
      return `{\n${pad}"string" : ${syntax(service, service.shapes.get(shape.value)!, depth + 1, path)}\n${close}}`;
    case "string":
      return shape.enum ? `"${shape.enum.join(" | ")}"` : '"string"';
    case "number":
      return "number";
    default:
      return shape.kind === "timestamp" ? "number" : shape.kind === "boolean" ? "boolean" : '"string"';
  }
}

function tidy(text: string): string {
  return `${text.replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
