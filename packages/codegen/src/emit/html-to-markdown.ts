/**
 * Turns the HTML that AWS models use for documentation into Markdown: paragraphs, lists (nested, ordered or not),
 * code, links, emphasis, notes. Anything else keeps its text and loses its tags. Deterministic, and good enough for
 * TSDoc and reference pages; not a general HTML parser.
 */
import { collapseWhitespace } from "../ir/documentation.js";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
const BLOCK = /<(\/?)(ul|ol|li|p|note|important|br)\b[^>]*>/gi;

/**
 * Converted texts by their HTML: a structure's documentation is printed on every page and schema that uses it
 * (quicksight's operations share thousands of shapes), and converting it again each time was most of the docs
 * emitter's cost. Emptied when full, so that a process generating every service keeps a bounded cache, and by
 * `generateEach` when a service is done (another service's docs seldom match, and kept they made the heap, which
 * every collection walks, grow with the services generated before).
 */
const converted = new Map<string, string>();
const CACHE_ENTRIES = 50_000;

/** Empties the cache of converted texts. */
export function forgetConverted(): void {
  converted.clear();
}

/** How many converted texts the cache holds (for the tests). */
export function convertedCount(): number {
  return converted.size;
}

export function htmlToMarkdown(html: string | undefined): string {
  if (!html) return "";
  let md = converted.get(html);
  if (md === undefined) {
    if (converted.size >= CACHE_ENTRIES) converted.clear();
    md = convert(html);
    converted.set(html, md);
  }
  return md;
}

function convert(html: string): string {
  const inline = collapseWhitespace(html)
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gi, (_m, href: string, label: string) =>
      label.trim() ? `[${label.trim()}](${href})` : href,
    )
    .replace(/<\/?(code|codeph)>/gi, "`")
    .replace(/<\/?(b|strong)>/gi, "**")
    .replace(/<\/?(i|em)>/gi, "*");
  const md = blocks(inline)
    .replace(/<[^>]+>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => decodeEntity(e) ?? m)
    .split("\n")
    // List items keep their indentation (nesting); other lines lose theirs.
    .map((line) => (/^\s*(-|\d+\.) /.test(line) ? line.trimEnd().replace(/^(\s*(?:-|\d+\.)) +/, "$1 ") : line.trim()))
    .join("\n")
    .replace(/``/g, "")
    .replace(/^> \*\*(Note|Important):\*\* +/gm, "> **$1:** ")
    .replace(/\n{3,}/g, "\n\n");
  return md.trim();
}

/** Block tags to Markdown structure, one pass, keeping a stack of the lists the text is in. */
function blocks(html: string): string {
  const lists: { ordered: boolean; count: number }[] = [];
  let note = false;
  let itemStart = false;
  return html.replace(BLOCK, (_tag, close: string, rawName: string) => {
    const name = rawName.toLowerCase();
    const wasItemStart = itemStart;
    itemStart = false;
    const depth = lists.length;
    switch (name) {
      case "ul":
      case "ol":
        if (close) {
          lists.pop();
          return lists.length === 0 ? "\n\n" : "";
        }
        lists.push({ ordered: name === "ol", count: 0 });
        return depth === 0 ? "\n\n" : "";
      case "li": {
        const list = lists.at(-1);
        if (close || !list) return "";
        list.count++;
        itemStart = true;
        return `\n${"  ".repeat(depth - 1)}${list.ordered ? `${list.count}.` : "-"} `;
      }
      case "note":
      case "important":
        note = !close;
        itemStart = !close;
        return close ? "\n\n" : `\n\n> **${name === "note" ? "Note" : "Important"}:** `;
      default: {
        // p and br: a paragraph break, or a line inside a list item or a note.
        if (close && name === "p") return depth > 0 || note ? "" : "\n\n";
        if (wasItemStart) {
          itemStart = true;
          return "";
        }
        if (depth > 0) return `\n${"  ".repeat(depth)}`;
        return note ? "\n>\n> " : "\n\n";
      }
    }
  });
}

function decodeEntity(entity: string): string | undefined {
  if (entity.startsWith("#x") || entity.startsWith("#X"))
    return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
  if (entity.startsWith("#")) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
  return ENTITIES[entity.toLowerCase()];
}
