/**
 * RegexNode → the source of a JavaScript regular expression for the `u` flag that accepts exactly what Java's
 * `Matcher.matches()` accepts. Sets are written out as explicit code point ranges, so JavaScript's own meaning of
 * `\s`, `.`, `\p{…}` or the `i` flag never enters; the assertions Java defines differently from JavaScript (`$`
 * before a final line terminator, MULTILINE `^`/`$`, `\b` over Unicode letters and digits) become lookarounds.
 * See `README.md` in this folder for the table.
 */
import { type CharSet, complement, pairs, union } from "./char-set.js";
import { unicode } from "./java-classes.js";
import type { AssertKind, RegexNode } from "./regex-ast.js";
import { maxWidth } from "./regex-width.js";

export function emitJsRegex(root: RegexNode): string {
  const state = { next: 1, groups: new Map<number, number>(), capture: usesBackrefs(root) };
  return `^(?:${emit(root, state)})$`;
}

interface EmitState {
  next: number;
  readonly groups: Map<number, number>;
  readonly capture: boolean;
}

function emit(node: RegexNode, state: EmitState): string {
  switch (node.type) {
    case "set":
      return setSource(node.set);
    case "seq":
      return node.items.map((item) => (item.type === "alt" ? `(?:${emit(item, state)})` : emit(item, state))).join("");
    case "alt":
      return node.options.map((option) => emit(option, state)).join("|");
    case "group": {
      if (node.index === undefined || !state.capture) return `(?:${emit(node.body, state)})`;
      const number = state.next++;
      state.groups.set(node.index, number);
      return `(${emit(node.body, state)})`;
    }
    case "look":
      return `(?${node.behind ? "<" : ""}${node.negate ? "!" : "="}${emit(node.body, state)})`;
    case "assert":
      return assertSource(node.kind);
    case "backref": {
      const number = state.groups.get(node.index);
      // Java refuses a reference to a group that has not matched; JavaScript would match it as empty.
      return number === undefined ? "(?!)" : `\\${number}`;
    }
    case "repeat":
      return repeatSource(node, state);
  }
}

function repeatSource(node: Extract<RegexNode, { type: "repeat" }>, state: EmitState): string {
  // JavaScript refuses a quantifier on an assertion; in Java a zero-width body repeated is the body once, or
  // nothing at all when zero repetitions are allowed.
  if (maxWidth(node.body) === 0) return node.min === 0 ? "" : `(?:${emit(node.body, state)})`;
  const quantifier =
    node.min === 0 && node.max === Infinity
      ? "*"
      : node.min === 1 && node.max === Infinity
        ? "+"
        : node.min === 0 && node.max === 1
          ? "?"
          : node.max === Infinity
            ? `{${node.min},}`
            : node.min === node.max
              ? `{${node.min}}`
              : `{${node.min},${node.max}}`;
  if (node.mode === "possessive") {
    // A possessive quantifier keeps what it took: JavaScript's lookaheads are atomic, and a backreference
    // consumes what the lookahead captured.
    const number = state.next++;
    const body = `(?:${emit(node.body, state)})${quantifier}`;
    return `(?=(${body}))\\${number}`;
  }
  return `${atomSource(node.body, state)}${quantifier}${node.mode === "lazy" ? "?" : ""}`;
}

function atomSource(node: RegexNode, state: EmitState): string {
  const text = emit(node, state);
  if (node.type === "set" || (node.type === "group" && state.capture && node.index !== undefined)) return text;
  return `(?:${text})`;
}

const SAFE = /^[A-Za-z0-9 _,:;'"<>=@#%&~`!-]$/u;

function codePoint(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (SAFE.test(ch) && ch !== "-") return ch;
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, "0").toUpperCase()}` : `\\u{${cp.toString(16).toUpperCase()}}`;
}

export function setSource(set: CharSet): string {
  const ranges = pairs(set);
  if (ranges.length === 1 && ranges[0]![0] === ranges[0]![1]) return codePoint(ranges[0]![0]);
  if (ranges.length === 0) return "[]";
  const negated = pairs(complement(set));
  // The complement is often far shorter (`[^:]`, `.`), and reads as the model wrote it.
  if (negated.length < ranges.length) return `[^${rangesSource(negated)}]`;
  return `[${rangesSource(ranges)}]`;
}

function rangesSource(ranges: readonly [number, number][]): string {
  return ranges
    .map(([lo, hi]) =>
      lo === hi ? codePoint(lo) : hi === lo + 1 ? codePoint(lo) + codePoint(hi) : `${codePoint(lo)}-${codePoint(hi)}`,
    )
    .join("");
}

/** Java's word characters for `\b` (Java 17, no UNICODE_CHARACTER_CLASS): letters, decimal digits and `_`. */
export function wordSets(): WordSets {
  if (!words) {
    const letterOrDigit = union(unicode("L"), unicode("Nd"));
    words = { word: union(letterOrDigit, [0x5f, 0x5f]), letterOrDigit, mark: unicode("Mn") };
  }
  return words;
}

interface WordSets {
  readonly word: CharSet;
  readonly letterOrDigit: CharSet;
  readonly mark: CharSet;
}

/**
 * Made once: the union of every letter and digit is hundreds of ranges, and each `\b` of a pattern computed it
 * again, then wrote it out as source (sagemaker's `(…\b){4}` spent a third of the service's translation there).
 */
let words: WordSets | undefined;
const boundaries = new Map<AssertKind, string>();

function assertSource(kind: AssertKind): string {
  let source = boundaries.get(kind);
  if (source === undefined) {
    source = assertSource_(kind);
    boundaries.set(kind, source);
  }
  return source;
}

function assertSource_(kind: AssertKind): string {
  const terminators = "[\\r\\x85\\u{2028}\\u{2029}]";
  switch (kind) {
    case "start":
      return "^";
    case "end":
      return "$";
    case "dollar":
      // Java's `$` (and `\Z`): at the end, or before a final line terminator, but not between `\r` and `\n`.
      return `(?:$|(?=\\r\\n$)|(?<!\\r)(?=\\n$)|(?=${terminators}$))`;
    case "line-start":
      // MULTILINE `^`: after a line terminator (not inside `\r\n`), never at the very end of the input.
      return `(?!$)(?:^|(?<=[\\n\\x85\\u{2028}\\u{2029}])|(?<=\\r)(?!\\n))`;
    case "line-end":
      return `(?:$|(?<!\\r)(?=\\n)|(?=${terminators}))`;
    case "word":
    case "not-word": {
      // Java's Bound: a non-spacing mark counts as a word character when it follows a letter or digit.
      const { word, letterOrDigit, mark } = wordSets();
      const w = setSource(word);
      const base = `${setSource(letterOrDigit)}${setSource(mark)}+`;
      const left = `${w}|${base}`;
      const right = `${w}|${setSource(mark)}(?<=${base})`;
      return kind === "word"
        ? `(?:(?<=${left})(?!${right})|(?<!${left})(?=${right}))`
        : `(?:(?<=${left})(?=${right})|(?<!${left})(?!${right}))`;
    }
  }
}

function usesBackrefs(node: RegexNode): boolean {
  switch (node.type) {
    case "backref":
      return true;
    case "seq":
      return node.items.some(usesBackrefs);
    case "alt":
      return node.options.some(usesBackrefs);
    case "repeat":
    case "group":
    case "look":
      return usesBackrefs(node.body);
    default:
      return false;
  }
}
