/**
 * Parses `java.util.regex.Pattern` syntax (Java 17) into a RegexNode tree. Flags (`(?i)`, `(?s)`, `(?m)`, scoped
 * `(?i:…)`) are applied while parsing: case-insensitive literals and classes become their ASCII case closure, `.`
 * becomes the set it means under the DOTALL flag in force. Constructs Java refuses, and the few it accepts that
 * we do not translate, throw a PatternError saying what and where.
 */
import { ANY, asciiCaseClosure, type CharSet, chars, complement, EMPTY, intersect, union } from "./char-set.js";
import { DOT, javaProperty, predefinedClass } from "./java-classes.js";
import type { RegexNode } from "./regex-ast.js";

export class PatternError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** True when Java accepts the construct and only this translator does not. */
    readonly unsupported = false,
  ) {
    super(`${message} (at offset ${offset})`);
  }
}

interface Flags {
  readonly i: boolean;
  readonly s: boolean;
  readonly m: boolean;
}

export interface ParsedPattern {
  readonly root: RegexNode;
  readonly groups: number;
}

export function parseJavaRegex(source: string): ParsedPattern {
  const parser = new Parser(source);
  const root = parser.alternation({ i: false, s: false, m: false });
  if (parser.pos < source.length) {
    throw new PatternError(source[parser.pos] === ")" ? "unmatched closing ')'" : "unexpected character", parser.pos);
  }
  return { root, groups: parser.groups };
}

/** One code point or a whole class, as a class item or an escape outside classes yields. */
type Atom = { readonly char: number } | { readonly set: CharSet } | { readonly node: RegexNode };

class Parser {
  pos = 0;
  groups = 0;
  /** How many `\R` have been read so far. */
  lineBreaks = 0;
  constructor(private readonly src: string) {}

  private peek(offset = 0): string {
    return this.src[this.pos + offset] ?? "";
  }

  private fail(message: string, unsupported = false, at = this.pos): never {
    throw new PatternError(message, at, unsupported);
  }

  /** `a|b|…` up to a `)` or the end. Flags set by `(?i)` inside carry to the end of the enclosing group. */
  alternation(flags: Flags): RegexNode {
    const options: RegexNode[] = [];
    const state = { flags };
    for (;;) {
      options.push(this.sequence(state));
      if (this.peek() !== "|") break;
      this.pos++;
    }
    return options.length === 1 ? options[0]! : { type: "alt", options };
  }

  private sequence(state: { flags: Flags }): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.src.length && this.peek() !== "|" && this.peek() !== ")") {
      const start = this.pos;
      const lineBreaks = this.lineBreaks;
      if (this.src.startsWith("(?", this.pos) && this.inlineFlags(state)) continue;
      const atom = this.atom(state.flags);
      if (atom === undefined) continue;
      items.push(this.quantified(atom, start, lineBreaks));
    }
    return items.length === 1 ? items[0]! : { type: "seq", items };
  }

  /** `(?is-m)` alone sets flags for the rest of the group; answers false for any other `(?`. */
  private inlineFlags(state: { flags: Flags }): boolean {
    const match = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)/.exec(this.src.slice(this.pos));
    if (!match) return false;
    state.flags = this.applyFlags(state.flags, match[1] ?? "", match[2] ?? "", this.pos);
    this.pos += match[0].length;
    return true;
  }

  /** `at`: the group's `(?`, where a flag not taken is reported. */
  private applyFlags(flags: Flags, on: string, off: string, at: number): Flags {
    const next = { ...flags };
    for (const [letters, value] of [
      [on, true],
      [off, false],
    ] as const) {
      for (const letter of letters) {
        if (letter === "i" || letter === "s" || letter === "m") next[letter] = value;
        else if ("duxUc".includes(letter)) this.fail(`the inline flag (?${letter})`, true, at);
        else this.fail(`unknown inline flag ${letter}`, false, at);
      }
    }
    return next;
  }

  /** `lineBreaksBefore`: how many `\R` had been read before `node`, which holds one if there are more now. */
  private quantified(node: RegexNode, start: number, lineBreaksBefore: number): RegexNode {
    let out = node;
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === "*" || c === "+" || c === "?") {
        this.pos++;
        [min, max] = c === "*" ? [0, Infinity] : c === "+" ? [1, Infinity] : [0, 1];
      } else if (c === "{") {
        const match = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
        if (!match) this.fail("illegal repetition");
        this.pos += match[0].length;
        min = Number(match[1]);
        max = match[2] === undefined ? min : match[3] === "" ? Infinity : Number(match[3]);
        if (max < min) this.fail("illegal repetition range", false, start);
      } else return out;
      const mode = this.peek() === "?" ? "lazy" : this.peek() === "+" ? "possessive" : "greedy";
      if (mode !== "greedy") this.pos++;
      if (this.lineBreaks > lineBreaksBefore) this.fail("\\R under a quantifier", true, start);
      out = { type: "repeat", body: out, min, max, mode };
      // Java reads `a**` as a dangling meta character; a second quantifier only follows a group.
      if (this.peek() !== "" && "*+?".includes(this.peek())) this.fail("dangling meta character");
      // Java reads `x{2}{3}` in a way of its own (it matches "xx"); not worth imitating.
      if (/^\{\d/.test(this.src.slice(this.pos))) this.fail("a quantifier on a quantifier", true);
    }
  }

  private atom(flags: Flags): RegexNode | undefined {
    const c = this.peek();
    const at = this.pos;
    if ("*+?".includes(c)) this.fail(`dangling meta character '${c}'`);
    if (c === "{") {
      // Java reads a count with nothing before it as repeating the empty string (`{1}` matches ""), and refuses
      // a `{` that opens no count: outside a class it is never a literal.
      if (!/^\{\d+(?:,\d*)?\}/.test(this.src.slice(this.pos))) this.fail("illegal repetition");
      return { type: "seq", items: [] };
    }
    if (c === "(") return this.group(flags);
    if (c === "[") return { type: "set", set: this.charClass(flags) };
    this.pos++;
    if (c === ".") return { type: "set", set: flags.s ? ANY : DOT };
    if (c === "^") return { type: "assert", kind: flags.m ? "line-start" : "start" };
    if (c === "$") return { type: "assert", kind: flags.m ? "line-end" : "dollar" };
    if (c === "\\") {
      if (this.peek() === "Q") return this.quoted(flags);
      const escaped = this.escape(false, flags, at);
      if ("node" in escaped) return escaped.node;
      return { type: "set", set: "set" in escaped ? escaped.set : literal(escaped.char, flags) };
    }
    const cp = this.src.codePointAt(at)!;
    this.pos = at + String.fromCodePoint(cp).length;
    return { type: "set", set: literal(cp, flags) };
  }

  /** `\Q…\E`: every character up to `\E` (or the end) is literal. */
  private quoted(flags: Flags): RegexNode {
    this.pos++;
    const end = this.src.indexOf("\\E", this.pos);
    const text = this.src.slice(this.pos, end < 0 ? undefined : end);
    this.pos = end < 0 ? this.src.length : end + 2;
    return { type: "seq", items: [...text].map((ch) => ({ type: "set", set: literal(ch.codePointAt(0)!, flags) })) };
  }

  private group(flags: Flags): RegexNode {
    const open = this.pos;
    this.pos++;
    let make: (body: RegexNode) => RegexNode;
    let inner = flags;
    if (this.peek() !== "?") {
      const index = ++this.groups;
      make = (body) => ({ type: "group", body, index });
    } else {
      const rest = this.src.slice(this.pos);
      const look = /^\?(<?)([=!])/.exec(rest);
      const named = /^\?<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
      const scoped = /^\?([a-zA-Z]*)(?:-([a-zA-Z]*))?:/.exec(rest);
      if (look) {
        this.pos += look[0].length;
        const behind = look[1] === "<";
        const negate = look[2] === "!";
        make = (body) => ({ type: "look", body, behind, negate });
      } else if (named) {
        this.pos += named[0].length;
        const index = ++this.groups;
        make = (body) => ({ type: "group", body, index });
      } else if (rest.startsWith("?>")) {
        this.pos += 2;
        // An atomic group is a possessive `{1}`: it keeps its first match.
        make = (body) => ({ type: "repeat", body, min: 1, max: 1, mode: "possessive" });
      } else if (scoped) {
        this.pos += scoped[0].length;
        inner = this.applyFlags(flags, scoped[1] ?? "", scoped[2] ?? "", open);
        make = (body) => ({ type: "group", body });
      } else this.fail("unknown group type");
    }
    const body = this.alternation(inner);
    if (this.peek() !== ")") this.fail("unclosed group", false, open);
    this.pos++;
    return make(body);
  }

  /** After a backslash. Inside a class only characters and sets are allowed. */
  private escape(inClass: boolean, flags: Flags, at: number): Atom {
    const c = this.peek();
    if (c === "") this.fail("unexpected end after a backslash", false, at);
    this.pos++;
    const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 27 };
    if (simple[c] !== undefined) return { char: simple[c]! };
    const predefined = predefinedClass(c);
    if (predefined) return { set: predefined };
    if (c === "p" || c === "P") return { set: this.property(c === "P", flags, at) };
    if (c === "0") return { char: this.octal(at) };
    if (c === "x") return { char: this.hex(at) };
    if (c === "u") return { char: this.unicodeEscape(at) };
    if (c === "c") {
      const next = this.src.codePointAt(this.pos);
      if (next === undefined) this.fail("illegal control escape", false, at);
      this.pos++;
      return { char: next ^ 64 };
    }
    if (!inClass) {
      if (/[1-9]/.test(c)) return { node: this.backref(c) };
      const kinds: Record<string, RegexNode> = {
        A: { type: "assert", kind: "start" },
        z: { type: "assert", kind: "end" },
        Z: { type: "assert", kind: "dollar" },
        b: { type: "assert", kind: "word" },
        B: { type: "assert", kind: "not-word" },
        R: LINE_BREAK,
      };
      if (c === "b" && this.peek() === "{") this.fail("\\b{g}", true, at);
      if (c === "R") this.lineBreaks++;
      const kind = kinds[c];
      if (kind) return { node: kind };
      if ("GXNk".includes(c)) this.fail(`\\${c}`, true, at);
    }
    if (/[a-zA-Z]/.test(c)) this.fail(`illegal escape \\${c}`, false, at);
    if (inClass && /[0-9]/.test(c)) this.fail(`illegal escape \\${c} in a class`, false, at);
    const cp = this.src.codePointAt(this.pos - 1)!;
    this.pos += String.fromCodePoint(cp).length - 1;
    return { char: cp };
  }

  /** Java: `\n` through `\9` always refer back; more digits while the group number exists. */
  private backref(first: string): RegexNode {
    let index = Number(first);
    while (/[0-9]/.test(this.peek()) && index * 10 + Number(this.peek()) <= this.groups) {
      index = index * 10 + Number(this.peek());
      this.pos++;
    }
    return { type: "backref", index };
  }

  private property(negate: boolean, flags: Flags, at: number): CharSet {
    let name: string;
    if (this.peek() === "{") {
      const end = this.src.indexOf("}", this.pos);
      if (end < 0) this.fail("unclosed character family", false, at);
      name = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
    } else {
      name = this.peek();
      this.pos++;
    }
    const eq = /^(?:general_category|gc|script|sc|block|blk)=(.*)$/i.exec(name);
    if (eq) {
      if (/^(?:block|blk)=/i.test(name)) this.fail(`the block property \\p{${name}}`, true, at);
      name = /^(?:script|sc)=/i.test(name) ? `Is${eq[1]}` : eq[1]!;
    }
    if (name.startsWith("In")) this.fail(`the block property \\p{${name}}`, true, at);
    if (name.startsWith("java")) this.fail(`the property \\p{${name}}`, true, at);
    const set = javaProperty(name, flags.i);
    if (typeof set === "string") this.fail(set, true, at);
    return negate ? complement(set) : set;
  }

  private octal(at: number): number {
    const digits = /^[0-7]{1,3}/.exec(this.src.slice(this.pos))?.[0];
    if (!digits) this.fail("illegal octal escape sequence", false, at);
    // Java reads a third digit only when the first is 0-3, so the value stays within \0377.
    const used = digits.length === 3 && digits[0]! > "3" ? digits.slice(0, 2) : digits;
    this.pos += used.length;
    return Number.parseInt(used, 8);
  }

  private hex(at: number): number {
    const braced = /^\{([0-9a-fA-F]+)\}/.exec(this.src.slice(this.pos));
    if (braced) {
      const value = Number.parseInt(braced[1]!, 16);
      if (value > 0x10ffff) this.fail("hexadecimal codepoint is too big", false, at);
      this.pos += braced[0].length;
      return value;
    }
    const two = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.pos));
    if (!two) this.fail("illegal hexadecimal escape sequence", false, at);
    this.pos += 2;
    return Number.parseInt(two[0], 16);
  }

  /** `\uXXXX`; a high surrogate escape followed by a low surrogate escape is one code point, as in Java. */
  private unicodeEscape(at: number): number {
    const four = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.pos));
    if (!four) this.fail("illegal Unicode escape sequence", false, at);
    this.pos += 4;
    const unit = Number.parseInt(four[0], 16);
    const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(this.src.slice(this.pos));
    if (unit >= 0xd800 && unit <= 0xdbff && low) {
      this.pos += 6;
      return 0x10000 + ((unit - 0xd800) << 10) + (Number.parseInt(low[1]!, 16) - 0xdc00);
    }
    return unit;
  }

  /**
   * `[…]`: unions of items, ranges and nested classes, `&&` intersections, `^` negating the whole class (Java 9+).
   * A `]` right after the opening bracket is literal, as Java reads it.
   */
  private charClass(flags: Flags): CharSet {
    const open = this.pos;
    this.pos++;
    const negate = this.peek() === "^";
    if (negate) this.pos++;
    let result: CharSet | undefined;
    let current: CharSet = EMPTY;
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === "") this.fail("unclosed character class", false, open);
      if (c === "]" && !first) {
        this.pos++;
        break;
      }
      first = false;
      if (c === "[") {
        current = union(current, this.charClass(flags));
        continue;
      }
      if (c === "&" && this.peek(1) === "&") {
        this.pos += 2;
        result = result === undefined ? current : intersect(result, current);
        current = EMPTY;
        // An empty right operand (`[a&&]`) leaves the left one as it is.
        if (this.peek() === "]") {
          current = result;
          result = undefined;
        }
        continue;
      }
      const item = this.classItem(flags);
      if ("set" in item) {
        current = union(current, item.set);
        continue;
      }
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== "" && this.peek(1) !== "[") {
        const dash = this.pos;
        this.pos++;
        if (this.peek() === "&" && this.peek(1) === "&") this.fail("illegal character range", false, dash);
        const end = this.classItem(flags);
        if ("set" in end) this.fail("illegal character range", false, dash);
        if (end.char < item.char) this.fail("illegal character range", false, dash);
        const span: CharSet = [item.char, end.char];
        current = union(current, flags.i ? asciiCaseClosure(span) : span);
        continue;
      }
      current = union(current, literal(item.char, flags));
    }
    const set = result === undefined ? current : intersect(result, current);
    return negate ? complement(set) : set;
  }

  private classItem(flags: Flags): { char: number } | { set: CharSet } {
    const at = this.pos;
    if (this.peek() === "\\") {
      this.pos++;
      if (this.peek() === "Q") {
        this.pos++;
        const end = this.src.indexOf("\\E", this.pos);
        const text = this.src.slice(this.pos, end < 0 ? undefined : end);
        this.pos = end < 0 ? this.src.length : end + 2;
        return { set: union(...[...text].map((ch) => literal(ch.codePointAt(0)!, flags))) };
      }
      const atom = this.escape(true, flags, at);
      if ("node" in atom) this.fail("not allowed in a class", false, at);
      return atom;
    }
    const cp = this.src.codePointAt(this.pos)!;
    this.pos += String.fromCodePoint(cp).length;
    return { char: cp };
  }
}

function literal(cp: number, flags: Flags): CharSet {
  return flags.i ? asciiCaseClosure([cp, cp]) : [cp, cp];
}

function lit(cp: number): RegexNode {
  return { type: "set", set: [cp, cp] };
}

/**
 * `\R`: `\r\n` or one of `[\n\x0B\f\r\u0085\u2028\u2029]`. Java 17 gives the `\n` of `\r\n` back when what follows
 * needs it (`\R\n` matches "\r\n"), as this alternation does, but not under a quantifier, where it keeps its first
 * match (`\R{2}`, `(?:\R)+\n` and `\R?\n` do not match "\r\n"; checked with `java`): there it is not translated.
 */
const LINE_BREAK: RegexNode = {
  type: "alt",
  options: [
    { type: "seq", items: [lit(13), lit(10)] },
    { type: "set", set: chars("\n\x0B\f\r\u0085\u2028\u2029") },
  ],
};
