/**
 * Java's predefined character classes, as `java.util.regex.Pattern` (Java 17) defines them without the
 * UNICODE_CHARACTER_CLASS flag: https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/regex/Pattern.html
 * `\s`, `\w`, `\d` and the POSIX names are US-ASCII only; `\p{L}`-style categories, `\p{IsAlphabetic}`-style
 * binary properties are Unicode as Java 17 has it (Unicode 13: java-unicode-data.generated.ts); scripts and
 * blocks (`\p{IsLatin}`, `\p{InGreek}`) are not translated (no model uses them).
 */
import { ANY, type CharSet, chars, complement, union } from "./char-set.js";
import { JAVA_UNICODE } from "./java-unicode-data.generated.js";

const range = (lo: number, hi: number): CharSet => [lo, hi];
const LOWER = range(0x61, 0x7a);
const UPPER = range(0x41, 0x5a);
const DIGIT = range(0x30, 0x39);
const ALPHA = union(LOWER, UPPER);
const ALNUM = union(ALPHA, DIGIT);
const PUNCT = chars("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
const GRAPH = union(ALNUM, PUNCT);

/** Java's line terminators: what `.` leaves out without DOTALL, and what `$` may stand before. */
export const LINE_TERMINATORS = chars("\n\r\u0085\u2028\u2029");
export const DOT = complement(LINE_TERMINATORS);
export const DOT_ALL = ANY;

/** The escapes `\d \s \w \v \h` and their capitals. */
export function predefinedClass(letter: string): CharSet | undefined {
  const lower = letter.toLowerCase();
  const base =
    lower === "d"
      ? DIGIT
      : lower === "s"
        ? chars(" \t\n\x0B\f\r")
        : lower === "w"
          ? union(ALNUM, chars("_"))
          : lower === "v"
            ? chars("\n\x0B\f\r\u0085\u2028\u2029")
            : lower === "h"
              ? union(chars(" \t\u00A0\u1680\u180e\u202f\u205f\u3000"), range(0x2000, 0x200a))
              : undefined;
  if (!base) return undefined;
  return letter === lower ? base : complement(base);
}

const POSIX: Record<string, CharSet> = {
  ASCII: range(0, 0x7f),
  Alnum: ALNUM,
  Alpha: ALPHA,
  Blank: chars(" \t"),
  Cntrl: union(range(0, 0x1f), range(0x7f, 0x7f)),
  Digit: DIGIT,
  Graph: GRAPH,
  Lower: LOWER,
  Print: range(0x20, 0x7e),
  Punct: PUNCT,
  Space: chars(" \t\n\x0B\f\r"),
  Upper: UPPER,
  XDigit: union(DIGIT, range(0x41, 0x46), range(0x61, 0x66)),
  L1: range(0, 0xff),
  all: ANY,
};

const CATEGORIES = new Set(
  "C Cc Cf Cn Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(" "),
);

/** `\p{IsXxx}` binary properties Java 17 knows, by their upper-cased name, as the table names them. */
const BINARY: Record<string, string> = {
  ALPHABETIC: "IsAlphabetic",
  LETTER: "L",
  IDEOGRAPHIC: "IsIdeographic",
  LOWERCASE: "IsLowercase",
  UPPERCASE: "IsUppercase",
  TITLECASE: "IsTitlecase",
  PUNCTUATION: "P",
  CONTROL: "Cc",
  WHITE_SPACE: "IsWhite_Space",
  WHITESPACE: "IsWhite_Space",
  DIGIT: "Nd",
  HEX_DIGIT: "IsHex_Digit",
  JOIN_CONTROL: "IsJoin_Control",
  NONCHARACTER_CODE_POINT: "IsNoncharacter_Code_Point",
  ASSIGNED: "IsAssigned",
};

/** A property as Java 17 reads it (Unicode 13), from the table scripts/patterns/java-unicode-data.ts writes. */
export function unicode(name: string): CharSet {
  const set = JAVA_UNICODE[name];
  if (!set) throw new Error(`java-unicode-data has no ${name}`);
  return set;
}

/** Under CASE_INSENSITIVE, Java 17's `forProperty` widens the case-bearing names to every cased letter. */
const CASE_WIDENED: Record<string, string> = { Lu: "LuLlLt", Ll: "LuLlLt", Lt: "LuLlLt" };

/**
 * The code points of `\p{name}`, or a reason it cannot be resolved. `caseInsensitive` is Java's CASE_INSENSITIVE
 * flag, which changes `Lower`, `Upper`, `Lu`, `Ll`, `Lt`, `IsUppercase`, `IsLowercase` and `IsTitlecase`.
 */
export function javaProperty(name: string, caseInsensitive: boolean): CharSet | string {
  if (caseInsensitive && (name === "Lower" || name === "Upper")) return ALPHA;
  const posix = POSIX[name];
  if (posix) return posix;
  if (name === "LD") return union(unicode("L"), unicode("Nd"));
  if (name === "LC") return union(unicode("Lu"), unicode("Ll"), unicode("Lt"));
  const category = name.startsWith("Is") && CATEGORIES.has(name.slice(2)) ? name.slice(2) : name;
  if (CATEGORIES.has(category)) {
    const widened = caseInsensitive ? CASE_WIDENED[category] : undefined;
    if (widened) return union(...(widened.match(/../g) ?? []).map(unicode));
    return unicode(category);
  }
  if (name.startsWith("Is")) {
    const upper = name.slice(2).toUpperCase();
    if (caseInsensitive && (upper === "UPPERCASE" || upper === "LOWERCASE" || upper === "TITLECASE"))
      return union(unicode("IsUppercase"), unicode("IsLowercase"), unicode("IsTitlecase"));
    const binary = BINARY[upper];
    if (binary) return unicode(binary);
  }
  return `the property \\p{${name}} is not one this translator knows`;
}
