/**
 * The *docs* emitter: a Markdown reference page per operation — request syntax, every parameter with its type,
 * whether it is required and its constraints, the response, the errors, and the structures they use — rendered
 * with handlebars, plus an index page. Pages stay readable for any model: the syntax expands structures only
 * SYNTAX_DEPTH levels deep and within a budget of lines, the page describes the structures nearest its operation
 * (at most INLINE_TYPES of them) that no other operation's page would describe, and every other structure gets a
 * page of its own under `types/`, linked by name.
 */
import Handlebars from "handlebars";
import type { MemberIR, OperationIR, ServiceIR, ShapeIR } from "../ir/types.js";
import { compareNames } from "../ir/types.js";
import { describeConstraints } from "./describe-constraints.js";
import { headerLines } from "./header.js";
import { htmlToMarkdown } from "./html-to-markdown.js";
import { MEMBER_PARTIAL, OPERATION_PAGE, TYPE_PAGE } from "./templates/operation-page.js";

const handlebars = Handlebars.create();
handlebars.registerPartial("member", MEMBER_PARTIAL);
const renderPage = handlebars.compile(OPERATION_PAGE, { noEscape: true });
const renderType = handlebars.compile(TYPE_PAGE, { noEscape: true });

/** How many levels of nested structures the request and response syntax shows before naming the shape instead. */
const SYNTAX_DEPTH = 4;
/** Lines of syntax past which structures are named rather than expanded (AWS's own pages run to a few hundred). */
const SYNTAX_LINES = 300;
/** Structures an operation page describes itself, nearest first; the rest are linked to their own pages. */
const INLINE_TYPES = 40;
/**
 * Pages past which a structure is described once, on its own page, and linked from each of them rather than
 * described again on every one: ec2's `Filter` or sagemaker's `Tag` were described on hundreds of pages, so the
 * largest models' "Data types" sections wrote 1.6× (ec2) and 6.7× (sagemaker) the median model's characters per
 * shape. A structure only one operation uses stays on its page, next to the request that holds it; the request
 * syntax still shows every structure expanded (to SYNTAX_DEPTH), so the request is seen at a glance either way.
 * (The AWS API reference gives every data type a page of its own.)
 */
const SHARED_PAGES = 1;

/**
 * What every page of one service shares, made once per service: a structure is described on up to every operation
 * page that reaches it, and each page walks the shapes near its operation, so a member's text and a shape's children
 * were worked out again per page (in proportion to the pages × the structures each shows, not to the shapes).
 */
interface Pages {
  readonly service: ServiceIR;
  readonly header: string[];
  readonly texts: Map<MemberIR, { readonly documentation: string; readonly constraints: string[] }>;
  readonly children: Map<string, readonly string[]>;
  readonly enums: Map<string, string>;
  /** Per operation, the structures nearest it (`nearestStructures`, up to INLINE_TYPES). */
  readonly nearest: Map<OperationIR, readonly string[]>;
  /** Structures among the nearest of more than SHARED_PAGES operations: linked, never described on a page. */
  readonly shared: Set<string>;
}

/** Every page by its path, in the order `writeDocs` makes them. */
export function emitDocs(service: ServiceIR): Map<string, string> {
  const files = new Map<string, string>();
  writeDocs(service, (path, text) => files.set(path, text));
  return files;
}

/**
 * Hands each page to `put` as soon as it is made, and keeps none: ec2's pages are 7.7 MB of text, and held until the
 * last one was made they outlived a dozen young-generation collections each, which copied them every time.
 */
export function writeDocs(service: ServiceIR, put: (path: string, text: string) => void): void {
  const linked = new Set<string>();
  const pages: Pages = {
    service,
    header: headerLines(service),
    texts: new Map(),
    children: new Map(),
    enums: new Map(),
    nearest: new Map(),
    shared: new Set(),
  };
  findShared(pages);
  for (const op of service.operations) {
    put(`docs/${op.name}.md`, tidy(renderPage(pageData(pages, op, linked))));
  }
  // A type page links the structures it uses to their pages, which may call for more pages: work until none is new.
  const pending = [...linked];
  const typeLink = (target: string): string => {
    if (!linked.has(target)) {
      linked.add(target);
      pending.push(target);
    }
    return `./${target}.md`;
  };
  while (pending.length > 0) {
    const name = pending.pop()!;
    const shape = service.shapes.get(name)!;
    put(
      `docs/types/${name}.md`,
      tidy(
        renderType({
          header: pages.header,
          name,
          documentation: htmlToMarkdown(shape.documentation),
          members: members(pages, shape, typeLink),
        }),
      ),
    );
  }
  const index = [
    "<!--",
    ...pages.header,
    "-->",
    "",
    `# ${service.title} (${service.version}) reference`,
    "",
    ...service.operations.map((op) => `- [${op.name}](./${op.name}.md)`),
    "",
  ].join("\n");
  put("docs/README.md", index);
}

/** Fills `pages.nearest` for every operation, and `pages.shared` with the structures more pages than SHARED_PAGES would describe. */
function findShared(pages: Pages): void {
  const pagesOf = new Map<string, number>();
  for (const op of pages.service.operations) {
    const roots = [op.input, op.output].filter((n): n is string => n !== undefined);
    const nearest = nearestStructures(pages, roots).slice(0, INLINE_TYPES);
    pages.nearest.set(op, nearest);
    for (const name of nearest) pagesOf.set(name, (pagesOf.get(name) ?? 0) + 1);
  }
  for (const [name, count] of pagesOf) if (count > SHARED_PAGES) pages.shared.add(name);
}

function pageData(pages: Pages, op: OperationIR, linked: Set<string>) {
  const { service } = pages;
  const shape = (name: string | undefined) => (name ? service.shapes.get(name) : undefined);
  const input = shape(op.input);
  const output = shape(op.output);
  const inline = new Set(pages.nearest.get(op)!.filter((name) => !pages.shared.has(name)));
  const types = [...inline].map((name) => service.shapes.get(name)!).sort((a, b) => compareNames(a.name, b.name));
  // A structure described on this page is linked by its heading; any other by its own page.
  const link = (target: string): string => {
    if (inline.has(target)) return `#${target.toLowerCase()}`;
    linked.add(target);
    return `./types/${target}.md`;
  };
  const budget = { lines: SYNTAX_LINES };
  return {
    header: pages.header,
    name: op.name,
    documentation: htmlToMarkdown(op.documentation),
    deprecated: op.deprecated ? (op.deprecated.message ?? "This operation is deprecated.") : undefined,
    requestSyntax: input ? syntax(pages, input, 0, new Set(), budget) : "{}",
    responseSyntax: output ? syntax(pages, output, 0, new Set(), { lines: SYNTAX_LINES }) : "{}",
    request: members(pages, input, link),
    response: members(pages, output, link),
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
      members: members(pages, t, link),
    })),
  };
}

/**
 * The structures and unions an operation reaches (not its input and output), nearest first, then by name: the
 * levels up to the one where INLINE_TYPES are found, which is all the page uses (walking the whole closure of
 * every operation cost quicksight's docs more than the rest of its pages).
 */
function nearestStructures(pages: Pages, roots: readonly string[]): string[] {
  const { service } = pages;
  const order: string[] = [];
  const seen = new Set(roots);
  let level = [...roots];
  while (level.length > 0 && order.length < INLINE_TYPES) {
    const next: string[] = [];
    for (const name of level) {
      for (const child of children(pages, name)) {
        if (seen.has(child)) continue;
        seen.add(child);
        next.push(child);
      }
    }
    next.sort(compareNames);
    order.push(...next.filter((n) => isStructure(service.shapes.get(n)!)));
    level = next;
  }
  return order;
}

function children(pages: Pages, name: string): readonly string[] {
  let names = pages.children.get(name);
  if (names === undefined) {
    names = childrenOf(pages.service.shapes.get(name)!);
    pages.children.set(name, names);
  }
  return names;
}

function childrenOf(shape: ShapeIR): string[] {
  switch (shape.kind) {
    case "structure":
    case "union":
      return shape.members.map((m) => m.target);
    case "list":
      return [shape.member];
    case "map":
      return [shape.key, shape.value];
    default:
      return [];
  }
}

const isStructure = (s: ShapeIR): s is Extract<ShapeIR, { kind: "structure" | "union" }> =>
  s.kind === "structure" || s.kind === "union";

function members(pages: Pages, shape: ShapeIR | undefined, link: (target: string) => string) {
  if (!shape || (shape.kind !== "structure" && shape.kind !== "union")) return [];
  const { service } = pages;
  return shape.members.map((m: MemberIR) => {
    const target = service.shapes.get(m.target)!;
    let text = pages.texts.get(m);
    if (text === undefined) {
      text = {
        documentation: htmlToMarkdown(m.documentation ?? target.documentation),
        constraints: describeConstraints(target, { ...m, required: false }),
      };
      pages.texts.set(m, text);
    }
    return {
      name: m.name,
      documentation: text.documentation,
      type: typeLabel(service, target, link),
      required: m.required,
      constraints: text.constraints,
    };
  });
}

function typeLabel(service: ServiceIR, shape: ShapeIR, link: (target: string) => string): string {
  switch (shape.kind) {
    case "list":
      return `array of ${typeLabel(service, service.shapes.get(shape.member)!, link)}`;
    case "map":
      return `map of string to ${typeLabel(service, service.shapes.get(shape.value)!, link)}`;
    case "structure":
    case "union":
      return `[${shape.name}](${link(shape.name)}) object`;
    case "number":
      return shape.format;
    default:
      return shape.kind;
  }
}

/**
 * The JSON skeleton the AWS reference shows: each member with a placeholder for its type. A structure that
 * contains itself, lies deeper than SYNTAX_DEPTH or comes after the budget of lines is spent shows as its name.
 */
function syntax(pages: Pages, shape: ShapeIR, depth: number, path: Set<string>, budget: { lines: number }): string {
  const { service } = pages;
  const pad = "   ".repeat(depth + 1);
  const close = "   ".repeat(depth);
  switch (shape.kind) {
    case "structure":
    case "union": {
      if (shape.members.length === 0) return "{ }";
      if (path.has(shape.name) || depth >= SYNTAX_DEPTH || budget.lines < shape.members.length)
        return `{ ${shape.name} }`;
      budget.lines -= shape.members.length + 1;
      const inner = new Set(path).add(shape.name);
      const lines = shape.members.map(
        (m) => `${pad}"${m.name}": ${syntax(pages, service.shapes.get(m.target)!, depth + 1, inner, budget)}`,
      );
      return `{\n${lines.join(",\n")}\n${close}}`;
    }
    case "list":
      return `[ ${syntax(pages, service.shapes.get(shape.member)!, depth, path, budget)} ]`;
    case "map":
      return `{\n${pad}"string" : ${syntax(pages, service.shapes.get(shape.value)!, depth + 1, path, budget)}\n${close}}`;
    case "string":
      return shape.enum ? enumPlaceholder(pages, shape.name, shape.enum) : '"string"';
    case "number":
      return "number";
    default:
      return shape.kind === "timestamp" ? "number" : shape.kind === "boolean" ? "boolean" : '"string"';
  }
}

/** `"A | B | …"`, joined once per enum: sagemaker's instance types (hundreds of values) appear on most pages. */
function enumPlaceholder(pages: Pages, name: string, values: readonly string[]): string {
  let text = pages.enums.get(name);
  if (text === undefined) {
    text = `"${values.join(" | ")}"`;
    pages.enums.set(name, text);
  }
  return text;
}

function tidy(text: string): string {
  return `${text.replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
