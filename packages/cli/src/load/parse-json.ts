/**
 * JSON (RFC 8259, as JSON.parse reads it) that remembers where each value and each member name starts, so that an
 * issue's path (`[0].Args[1]`) can be shown as `steps.json:3:14`, and a syntax error says its line and column and
 * what was expected there. A leading byte order mark is skipped, as editors on Windows write one. Columns count
 * UTF-16 code units from 1, as editors show them.
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Where a value is: its own start, its member name's (inside an object) and its children's. */
export interface JsonNode {
  readonly at: Position;
  readonly keyAt?: Position;
  readonly children?: Map<string | number, JsonNode>;
}

export class JsonSyntaxError extends Error {
  override readonly name = "JsonSyntaxError";

  constructor(
    message: string,
    readonly at: Position,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const PLAIN_CHARS = /[^"\\\u0000-\u001f]*/y;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

export function parseJson(source: string): { value: unknown; root: JsonNode } {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  let i = 0;

  const position = (offset: number): Position => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  const found = () => (i >= text.length ? "the end of the file" : JSON.stringify(text[i]));
  const fail = (expected: string, hint = ""): never => {
    throw new JsonSyntaxError(`expected ${expected}, found ${found()}${hint}`, position(i));
  };
  const space = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i++;
    }
  };

  const string = (): string => {
    i++; // the opening quote
    let out = "";
    for (;;) {
      PLAIN_CHARS.lastIndex = i;
      const plain = PLAIN_CHARS.exec(text)![0];
      out += plain;
      i += plain.length;
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === undefined) fail('a closing " for the string');
      if (c !== "\\") fail("a character of the string", " (a control character must be escaped, e.g. \\n)");
      const e = text[i + 1];
      if (e === "u") {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          i += 2;
          fail("four hex digits after \\u");
        }
        out += String.fromCharCode(Number.parseInt(hex, 16));
        i += 6;
      } else if (e !== undefined && ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
        i += 2;
      } else {
        i++;
        fail('an escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)');
      }
    }
  };

  const value = (): { value: unknown; node: JsonNode } => {
    space();
    const at = position(i);
    const c = text[i];
    if (c === "{") return object(at);
    if (c === "[") return array(at);
    if (c === '"') return { value: string(), node: { at } };
    for (const [word, literal] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { value: literal, node: { at } };
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number !== null) {
      i += number[0].length;
      return { value: Number(number[0]), node: { at } };
    }
    return fail("a value (an object, a list, a string, a number, true, false or null)");
  };

  const object = (at: Position): { value: unknown; node: JsonNode } => {
    i++;
    const result: Record<string, unknown> = {};
    const children = new Map<string | number, JsonNode>();
    space();
    if (text[i] === "}") {
      i++;
      return { value: result, node: { at, children } };
    }
    for (;;) {
      space();
      if (text[i] !== '"')
        fail("a member name in double quotes", text[i] === "}" ? " (JSON allows no comma before })" : "");
      const keyAt = position(i);
      const key = string();
      space();
      if (text[i] !== ":") fail(`":" after the member name ${JSON.stringify(key)}`);
      i++;
      const member = value();
      // As JSON.parse does: an own property even for __proto__, the last of duplicates.
      Object.defineProperty(result, key, { value: member.value, writable: true, enumerable: true, configurable: true });
      children.set(key, { ...member.node, keyAt });
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return { value: result, node: { at, children } };
      }
      fail('"," or "}" after a member');
    }
  };

  const array = (at: Position): { value: unknown; node: JsonNode } => {
    i++;
    const result: unknown[] = [];
    const children = new Map<string | number, JsonNode>();
    space();
    if (text[i] === "]") {
      i++;
      return { value: result, node: { at, children } };
    }
    for (;;) {
      space();
      if (text[i] === "]") fail("a value", " (JSON allows no comma before ])");
      const item = value();
      children.set(result.length, item.node);
      result.push(item.value);
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return { value: result, node: { at, children } };
      }
      fail('"," or "]" after a list item');
    }
  };

  space();
  if (i >= text.length) throw new JsonSyntaxError("the file is empty: expected a JSON value", position(i));
  const parsed = value();
  space();
  if (i < text.length) fail("the end of the file after the JSON value");
  return { value: parsed.value, root: parsed.node };
}

/**
 * Where a path (`["Steps", 0, "Args", 1]`) is in the file: the value's start, or its member name's with `key`; a
 * path that goes past what the file holds (a missing member) points at the deepest part that is there.
 */
export function locate(root: JsonNode, path: readonly (string | number)[], { key = false } = {}): Position {
  let node = root;
  for (const segment of path) {
    const child = node.children?.get(segment);
    if (child === undefined) return node.at;
    node = child;
  }
  return key && node.keyAt !== undefined ? node.keyAt : node.at;
}
