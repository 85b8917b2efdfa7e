/**
 * Each Java construct the translator knows (the table of src/emit/patterns/README.md, and the corners of Java's
 * syntax: flags that carry to the end of a group, `&&` with an empty side, `\0` with three digits, a surrogate
 * pair of escapes), checked against Java itself on every string up to a few characters over an alphabet chosen for
 * the construct — the characters where Java and JavaScript differ, and the ones either side of each edge. The
 * model-wide differential test (java-differential.test.ts) only meets the constructs the models use; this one
 * meets every one, and the strings are fixed, so a mistake cannot hide by also changing the strings it is tried on.
 * Both ways the generated code checks a pattern must agree with Java: the RegExp and the linear-time matcher.
 */
import { describe, expect, test } from "vitest";
import { compileProgram, ProgramError } from "../../../src/emit/patterns/compile-program.js";
import { parseJavaRegex } from "../../../src/emit/patterns/parse-java-regex.js";
import { translatePattern } from "../../../src/emit/patterns/translate-pattern.js";
import { hasJava } from "../../helpers/java-checker.js";
import { javaVerdictsOnce } from "../../helpers/java-verdicts-once.js";
import { linearEngine } from "../../helpers/linear-engine-module.js";

interface Construct {
  readonly patterns: readonly string[];
  /** The characters of the strings tried: every string of them up to `length` characters. */
  readonly alphabet: readonly string[];
  readonly length?: number;
}

const SPACES = [
  " ",
  "\t",
  "\n",
  "\u000b",
  "\f",
  "\r",
  "\u00a0",
  "\u0085",
  "\u1680",
  "\u2000",
  "\u200a",
  "\u200b",
  "\u180e",
  "\u202f",
  "\u205f",
  "\u3000",
];
const TERMINATORS = ["a", "\n", "\r", "\u0085", "\u2028", "\u2029", "\u000b"];
const ASCII_EDGES = ["\u0000", "\u001f", " ", "!", "/", "0", "9", ":", "@", "A", "F", "G", "Z", "[", "_", "`"];
const ASCII_EDGES_2 = ["a", "f", "g", "z", "{", "~", "\u007f", "\u0080", "\u00ff", "\u0100", "\t", "\u000b"];
/** One character of each general category, and those whose binary properties differ from their category. */
const UNICODE = [
  "a",
  "A",
  "\u01c5", // Lt
  "\u02b0", // Lm
  "\u4e2d", // Lo, Ideographic
  "\u00aa", // Lo, but Lowercase
  "\u2170", // Nl, Lowercase
  "\u0663", // Nd
  "\u216b", // Nl, Uppercase
  "\u00bd", // No
  "\u0300", // Mn
  "\u0903", // Mc
  "\u20dd", // Me
  "$",
  "\u20ac", // Sc
  "+", // Sm
  "^", // Sk
  "\u00a9", // So
  "-", // Pd
  "(", // Ps
  "\u00ab", // Pi
  "_", // Pc
  "!", // Po
  " ", // Zs
  "\u2028", // Zl
  "\u2029", // Zp
  "\u0000", // Cc
  "\u00ad", // Cf
  "\u200d", // Cf, Join_Control
  "\ue000", // Co
  "\u0378", // Cn
  "\u0870", // a letter since Unicode 14: unassigned in Java 17's Unicode 13
  "\ufdd0", // Noncharacter_Code_Point
  "\uff21", // Lu, Hex_Digit
  "\u{1f600}", // So, astral
  "\u{10400}", // Lu, astral
  "\ud800", // a lone surrogate
  "\u3000", // Zs, White_Space
];

const CONSTRUCTS: readonly Construct[] = [
  { patterns: ["\\s+", "\\S\\S?", "\\h+", "\\H\\H?", "\\v+", "\\V\\V?"], alphabet: SPACES, length: 2 },
  { patterns: ["\\d\\D?", "\\w+\\W?"], alphabet: ["0", "9", "/", ":", "a", "Z", "_", "\u0663", "\u00e9", "-"] },
  { patterns: [".", ".+", "(?s).", "(?s:.)a", "a(?s).", "(?s)(?-s).", "(?is)."], alphabet: TERMINATORS, length: 2 },
  {
    patterns: [
      "\\p{Print}",
      "\\p{Alnum}",
      "\\p{Alpha}",
      "\\p{Punct}",
      "\\p{Graph}",
      "\\p{ASCII}",
      "\\p{Cntrl}",
      "\\p{XDigit}",
      "\\p{Blank}",
      "\\p{Space}",
      "\\p{Lower}",
      "\\p{Upper}",
      "\\p{Digit}",
      "\\p{L1}",
      "\\p{all}",
      "\\P{Alpha}",
      "(?i)\\p{Lower}",
      "(?i)\\p{Upper}",
    ],
    alphabet: [...ASCII_EDGES, ...ASCII_EDGES_2, "\u{1f600}"],
    length: 1,
  },
  {
    patterns: [
      "\\p{L}",
      "\\pL",
      "\\PL",
      "\\p{IsL}",
      "\\p{Lu}",
      "\\p{Ll}",
      "\\p{Lt}",
      "\\p{Lm}",
      "\\p{Lo}",
      "\\p{LC}",
      "\\p{LD}",
      "\\p{M}",
      "\\p{Mn}",
      "\\p{Mc}",
      "\\p{N}",
      "\\p{Nd}",
      "\\p{Nl}",
      "\\p{gc=Nd}",
      "\\p{general_category=Lu}",
      "\\p{Zs}",
      "\\p{Z}",
      "\\p{S}",
      "\\p{Sc}",
      "\\p{P}",
      "\\p{Pd}",
      "\\p{C}",
      "\\p{Cc}",
      "\\p{Cf}",
      "\\p{Co}",
      "\\p{Cn}",
      "\\p{IsAlphabetic}",
      "\\p{IsLetter}",
      "\\p{IsDigit}",
      "\\p{IsPunctuation}",
      "\\p{IsHex_Digit}",
      "\\p{IsWhite_Space}",
      "\\p{IsWhitespace}",
      "\\p{IsIdeographic}",
      "\\p{IsLowercase}",
      "\\p{IsUppercase}",
      "\\p{IsTitlecase}",
      "\\p{IsControl}",
      "\\p{IsJoin_Control}",
      "\\p{IsNoncharacter_Code_Point}",
      "\\p{IsAssigned}",
      "(?i)\\p{Lu}",
      "(?i)\\p{Ll}",
      "(?i)\\p{Lt}",
      "(?i)\\p{IsLu}",
      "(?i)\\p{IsUppercase}",
      "(?i)\\p{IsLowercase}",
      "(?i)\\p{IsTitlecase}",
      "[\\p{L}&&[^\\p{Lu}]]",
    ],
    alphabet: UNICODE,
    length: 1,
  },
  {
    patterns: [
      "(?i)ak",
      "(?i)[a-c]+",
      "(?i)[^b]",
      "(?i)[k-m]",
      "(?i)\\u00e9",
      "(?i:a)b",
      "a(?i)b(?-i)a",
      "(a(?i)b)a",
      "(?i)\\Qab\\E",
      "(?i)[\\Qa\\E]b",
      "(?i)[A-C&&b]",
    ],
    alphabet: ["a", "A", "b", "B", "k", "K", "\u212a", "\u017f", "\u00e9", "\u00c9", "m", "M"],
    length: 2,
  },
  {
    patterns: [
      "[a-c&&b-d]+",
      "[^a-c&&b-d]",
      "[a-c&&]",
      "[a-d&&[^bc]]",
      "[a-d&&b-d&&c]",
      "[a[c-d]]",
      "[^a[c-d]]",
      "[[:alpha:]]",
      "[\\s-_]",
      "[]a]",
      "[^]a]",
      "[a-]",
      "[-a]",
      "[\\x61-\\x63]",
      "[\\u0061-\\u0063]",
      "[\\d&&[^5]]",
      "[\\w&&\\D]",
      "[\\Q-]\\E]",
      "[a\\-c]",
    ],
    alphabet: ["a", "b", "c", "d", "e", "-", "]", "[", ":", "p", "l", "h", "_", " ", "5", "6", "\\", "\u00a0"],
    length: 1,
  },
  {
    patterns: [
      "\\x{1F600}",
      "\\x{61}b",
      "\\x61",
      "\\u0061",
      "\\uD83D\\uDE00",
      "\\uD83D",
      "\\0141",
      "\\0377",
      "\\0400",
      "\\07a",
      "\\cA",
      "\\a\\e",
      "\\t\\n\\r\\f",
      "\\Qa.b\\E",
      "\\Qa.",
      '\\_\\:\\"',
      "a\\.b",
      "😀+",
      "[😀-😂]",
    ],
    alphabet: [
      "a",
      ".",
      "b",
      "\u0001",
      "\u0007",
      "\u001b",
      "\t",
      "\n",
      "\u00ff",
      " 0",
      "\ud83d",
      "\ude00",
      "😁",
      "\u001b",
    ],
    length: 2,
  },
  {
    patterns: [
      "a*",
      "a+",
      "a?b",
      "a{2}",
      "a{2,}",
      "a{1,3}",
      "a{0}b",
      "a*?b",
      "a+?",
      "a{1,2}?b",
      "a*+a",
      "a++b",
      "a?+a",
      "a{1,2}+a",
      "[ab]{2,3}+b",
      "[ab]{2}+b",
      "(?=a)*a",
      "$*a",
      "(?=a){2}a",
      "(?:)a",
      "a|",
      "|a",
      "ab|ba",
      "a(b|c)a",
      "(a|b)*c",
      "(a)(b)?",
      "(?<name>a)b",
      "(?:a{2}){1,2}",
      "(a|ab)(c|bcd)?",
    ],
    alphabet: ["a", "b", "c", "d"],
    length: 4,
  },
  {
    patterns: [
      "a$",
      "a\\Z",
      "a\\z",
      "\\Aa",
      "^a",
      "a$\\n",
      "a$\\r\\n",
      "a\\r$\\n",
      "(?s).$.+",
      "a(?=$)\\r?\\n?",
      "(?:a$)+\\n?",
      "(?m)^a$",
      "(?m)a$\\n?^b",
      "(?m)a$(?s:.)*",
      "(?m)(?s).*^",
      "(?m)(?s)\\r^\\n",
      "(?s)a\\z.?",
      "(?s).*$",
    ],
    alphabet: ["a", "b", "\n", "\r", "\u0085", "\u2028", "\u000b"],
    length: 3,
  },
  {
    patterns: ["\\ba\\b.?", "a\\b\\u0300?", "\\Ba", ".\\b.", ".\\B.", "(?:\\b.)+"],
    alphabet: ["a", "-", "\u0300", "1", "\u00e9", " ", "_", "\u0663"],
    length: 3,
  },
  {
    patterns: ["(?=a).", "(?!a).", ".(?<=a)", ".(?<!a)", "(?=.*b)a+b?", "a(?!b)\\w*", "(?<=a|bb)c|.*"],
    alphabet: ["a", "b", "c"],
    length: 4,
  },
];

function* stringsOver(alphabet: readonly string[], length: number): Generator<string> {
  yield "";
  let level = [""];
  for (let n = 1; n <= length; n++) {
    level = level.flatMap((prefix) => alphabet.map((c) => prefix + c));
    yield* level;
  }
}

const cases = CONSTRUCTS.flatMap(({ patterns, alphabet, length = 3 }) => {
  const strings = [...new Set(stringsOver(alphabet, length))];
  return patterns.map((pattern) => ({ pattern, strings }));
});

describe.skipIf(!hasJava)("each Java construct, against Java's Matcher.matches()", async () => {
  const { matchesLinear } = await linearEngine();

  test.each(cases.map((c, i) => [c.pattern, i] as const))("%s", (pattern, i) => {
    const java = javaVerdictsOnce(cases)[i]!;
    expect(java.error, "Java accepts it").toBeUndefined();
    const plan = translatePattern(pattern);
    if (plan.kind === "skip") throw new Error(`skipped: ${plan.reason}`);
    const regex = new RegExp(plan.source, "u");
    const program = plan.kind === "linear" ? plan.program : compileProgram(parseJavaRegex(pattern).root);
    const wrong = cases[i]!.strings.flatMap((text, k) => {
      const expected = java.matches[k];
      const out: string[] = [];
      if (regex.test(text) !== expected) out.push(`RegExp on ${JSON.stringify(text)}: Java says ${expected}`);
      if (matchesLinear(program, text) !== expected)
        out.push(`linear on ${JSON.stringify(text)}: Java says ${expected}`);
      return out;
    });
    expect(wrong).toEqual([]);
  });
});

/**
 * What the generated code cannot check exactly is skipped for its shape and listed with the reason, and only what
 * Java refuses is listed as "Java refuses it": each reason says what, and where (the offset in the pattern).
 */
const REFUSED: readonly (readonly [string, string])[] = [
  ["a{,3}", "Java refuses it: illegal repetition (at offset 1)"],
  ["{1a", "Java refuses it: illegal repetition (at offset 0)"],
  ["a{3,2}", "Java refuses it: illegal repetition range (at offset 0)"],
  ["a{2", "Java refuses it: illegal repetition (at offset 1)"],
  ["[z-a]", "Java refuses it: illegal character range (at offset 2)"],
  ["[a-\\d]", "Java refuses it: illegal character range (at offset 2)"],
  ["[a-&&b]", "Java refuses it: illegal character range (at offset 2)"],
  ["\\y", "Java refuses it: illegal escape \\y (at offset 0)"],
  ["[\\1]", "Java refuses it: illegal escape \\1 in a class (at offset 1)"],
  ["[\\b]", "Java refuses it: illegal escape \\b (at offset 1)"],
  ["a**", "Java refuses it: dangling meta character (at offset 2)"],
  ["a?*", "Java refuses it: dangling meta character (at offset 2)"],
  ["*a", "Java refuses it: dangling meta character '*' (at offset 0)"],
  ["(a", "Java refuses it: unclosed group (at offset 0)"],
  ["a)", "Java refuses it: unmatched closing ')' (at offset 1)"],
  ["(?<a>b)(?<1>c)", "Java refuses it: unknown group type (at offset 8)"],
  ["(?z)a", "Java refuses it: unknown inline flag z (at offset 0)"],
  ["(?i-z:a)", "Java refuses it: unknown inline flag z (at offset 0)"],
  ["[a", "Java refuses it: unclosed character class (at offset 0)"],
  ["[]", "Java refuses it: unclosed character class (at offset 0)"],
  ["a\\", "Java refuses it: unexpected end after a backslash (at offset 1)"],
  ["\\x{110000}", "Java refuses it: hexadecimal codepoint is too big (at offset 0)"],
  ["\\xG0", "Java refuses it: illegal hexadecimal escape sequence (at offset 0)"],
  ["\\u00G0", "Java refuses it: illegal Unicode escape sequence (at offset 0)"],
  ["\\08", "Java refuses it: illegal octal escape sequence (at offset 0)"],
  ["\\c", "Java refuses it: illegal control escape (at offset 0)"],
  ["\\p{Lu", "Java refuses it: unclosed character family (at offset 0)"],
  ["[\\Aa]", "Java refuses it: illegal escape \\A (at offset 1)"],
];

const NOT_TRANSLATED: readonly (readonly [string, string])[] = [
  ["x{2}{3}", "not translated: a quantifier on a quantifier (at offset 4)"],
  ["(a)\\1", "not translated: a backreference (JavaScript matches one to a group that took no part; Java does not)"],
  ["(?x)a", "not translated: the inline flag (?x) (at offset 0)"],
  ["(?u:a)", "not translated: the inline flag (?u) (at offset 0)"],
  ["\\p{IsLatin}", "not translated: the property \\p{IsLatin} is not one this translator knows (at offset 0)"],
  ["a\\p{InGreek}", "not translated: the block property \\p{InGreek} (at offset 1)"],
  ["\\p{block=Greek}", "not translated: the block property \\p{block=Greek} (at offset 0)"],
  ["\\p{sc=Latin}", "not translated: the property \\p{IsLatin} is not one this translator knows (at offset 0)"],
  ["\\p{javaLowerCase}", "not translated: the property \\p{javaLowerCase} (at offset 0)"],
  ["a\\G", "not translated: \\G (at offset 1)"],
  ["\\X", "not translated: \\X (at offset 0)"],
  ["\\b{g}", "not translated: \\b{g} (at offset 0)"],
  ["(ab)++", "no linear-time check for it: a possessive quantifier or atomic group on more than one set"],
  ["(?>a|ab)b", "no linear-time check for it: a possessive quantifier or atomic group on more than one set"],
  [
    "(?:x{1,1000}|y){1,1000}",
    "no linear-time check for it: more than 200000 instructions once its repetitions are unrolled",
  ],
];

describe("patterns the generated code cannot check: skipped, with what and where", () => {
  test.each([...REFUSED, ...NOT_TRANSLATED])("%s", (pattern, reason) => {
    expect(translatePattern(pattern)).toEqual({ kind: "skip", reason });
  });

  test.skipIf(!hasJava)("Java refuses exactly the ones listed as refused", () => {
    const all = [...REFUSED, ...NOT_TRANSLATED].map(([pattern]) => ({ pattern, strings: [] }));
    const refused = javaVerdictsOnce(all).flatMap((verdict, i) =>
      verdict.error === undefined ? [] : [all[i]!.pattern],
    );
    expect(refused).toEqual(REFUSED.map(([pattern]) => pattern));
  });
});

test("a count too big to unroll is a ProgramError, not a crash", () => {
  expect(() => compileProgram(parseJavaRegex("(?:x{1,1000}|y){1,1000}").root)).toThrow(ProgramError);
});

// Without Java the run shows why the constructs were not checked, rather than leaving them out silently.
if (!hasJava) test.skip("each Java construct against Java: skipped, no `java`/`javac` on the PATH", () => {});
