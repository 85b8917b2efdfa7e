/**
 * The little XML S3 speaks: answers written as strings (every one starts with the declaration and names S3's
 * namespace), and the few request bodies it takes (CompleteMultipartUpload, Delete) read by element name. Not a
 * general parser: S3's request bodies are flat lists of leaf elements, and anything else is MalformedXML.
 */
import { malformedXml } from "./s3-error.js";

export const S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `<Name>text</Name>`, or nothing for an absent value. */
export function element(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? "" : `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole answer: `<Root xmlns="…">children</Root>`. */
export function document(root: string, children: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NAMESPACE}">${children}</${root}>`;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  if (/&(?!(?:#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);)/.test(text)) throw malformedXml();
  return text.replace(ENTITY, (_, hex: string, dec: string, name: string) =>
    name ? NAMED[name]! : String.fromCodePoint(Number.parseInt(hex ?? dec, hex ? 16 : 10)),
  );
}

/**
 * The patterns of the element names the operations read (a fixed few, so the map stays small), compiled once
 * each: a DeleteObjects of 1,000 keys read each key's <Key> with a pattern compiled anew.
 */
const compiled = new Map<string, RegExp>();
function pattern(source: string, flags = ""): RegExp {
  const id = `${flags}/${source}`;
  let found = compiled.get(id);
  if (!found) {
    found = new RegExp(source, flags);
    compiled.set(id, found);
  }
  found.lastIndex = 0;
  return found;
}

/** The blocks `<name>…</name>` of a body, in order (each block's inner text). */
export function blocks(xml: string, name: string): string[] {
  const out: string[] = [];
  const open = pattern(`<${name}(?:\\s[^>]*)?>`, "g");
  const close = `</${name}>`;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const end = xml.indexOf(close, open.lastIndex);
    if (end < 0) throw malformedXml();
    out.push(xml.slice(open.lastIndex, end));
    open.lastIndex = end + close.length;
  }
  return out;
}

/** The text of the first leaf `<name>text</name>` in a block, unescaped; undefined when there is none. */
export function leaf(xml: string, name: string): string | undefined {
  const m = pattern(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>|<${name}\\s*/>`).exec(xml);
  if (!m) return undefined;
  return unescapeXml(m[1] ?? "");
}

/** A request body as XML text: UTF-8, with a root element of the expected name. */
export function requestXml(body: Buffer, root: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw malformedXml();
  }
  if (!pattern(`<${root}(?:\\s[^>]*)?>`).test(text) || !text.includes(`</${root}>`)) throw malformedXml();
  return text;
}
