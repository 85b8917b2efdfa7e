/**
 * Turns the HTML that AWS models use for documentation into Markdown: paragraphs, lists, code, links, emphasis,
 * notes. Anything else keeps its text and loses its tags. Deterministic, and good enough for TSDoc and reference
 * pages; not a general HTML parser.
 */
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function htmlToMarkdown(html: string | undefined): string {
  if (!html) return "";
  let md = html
    .replace(/\s+/g, " ")
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gi, (_m, href: string, label: string) =>
      label.trim() ? `[${label.trim()}](${href})` : href,
    )
    .replace(/<\/?(code|codeph)>/gi, "`")
    .replace(/<\/?(b|strong)>/gi, "**")
    .replace(/<\/?(i|em)>/gi, "*")
    .replace(/<li>\s*(<p>\s*)?/gi, "\n- ")
    .replace(/<\/p>\s*<\/li>/gi, "")
    .replace(/<\/li>/gi, "")
    .replace(/<\/?(ul|ol)>/gi, "\n")
    .replace(/<(note|important)>\s*/gi, "\n\n> **Note:** ")
    .replace(/<\/(note|important)>/gi, "\n\n")
    .replace(/<p>/gi, "\n\n")
    .replace(/<\/p>|<br\s*\/?>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => decodeEntity(e) ?? m);
  md = md
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/``/g, "")
    .replace(/\n{3,}/g, "\n\n");
  return md.trim();
}

function decodeEntity(entity: string): string | undefined {
  if (entity.startsWith("#x") || entity.startsWith("#X"))
    return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
  if (entity.startsWith("#")) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
  return ENTITIES[entity.toLowerCase()];
}
