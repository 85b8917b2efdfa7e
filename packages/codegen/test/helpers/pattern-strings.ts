import { pairs } from "../../src/emit/patterns/char-set.js";
import type { RegexNode } from "../../src/emit/patterns/regex-ast.js";

/**
 * Strings to try a pattern on: walks of the pattern's own tree (so most come close to matching), each then
 * bent by one hostile edit — a character JavaScript and Java class differently (NBSP, U+0085, U+2028, U+FEFF,
 * U+3000, astral characters), a trailing line terminator, a case flip, a cut, a doubling. Deterministic per seed.
 */
export const HOSTILE = [
  "\u00a0",
  "\u0085",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\u3000",
  "\u000b",
  "\r",
  "\n",
  "\r\n",
  "\u{1f600}",
  "\u{10400}",
  "\ud800",
  "\u00e9",
  "\u0130",
  "\u212a",
  "\u0300",
];

export function patternStrings(root: RegexNode, count: number, seed: number, maxRepeat = 4): string[] {
  let state = seed >>> 0 || 1;
  const random = (n: number): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
  const out = new Set<string>(["", ...HOSTILE]);
  for (let i = 0; out.size < count && i < count * 4; i++) {
    const base = walk(root, random, maxRepeat);
    out.add(base);
    out.add(bend(base, random));
  }
  return [...out].slice(0, count);
}

function walk(node: RegexNode, random: (n: number) => number, maxRepeat: number): string {
  switch (node.type) {
    case "set":
      return pick(node.set, random);
    case "seq":
      return node.items.map((item) => walk(item, random, maxRepeat)).join("");
    case "alt":
      return walk(node.options[random(node.options.length)]!, random, maxRepeat);
    case "repeat": {
      const top = Math.min(node.max, node.min + maxRepeat);
      const times = node.min + random(top - node.min + 1);
      let text = "";
      for (let i = 0; i < times; i++) text += walk(node.body, random, maxRepeat);
      return text;
    }
    case "group":
      return walk(node.body, random, maxRepeat);
    case "look":
      return random(3) === 0 ? walk(node.body, random, maxRepeat) : "";
    default:
      return "";
  }
}

/** A code point of the set, often one at or just beyond a range's edge, where translations go wrong. */
function pick(set: readonly number[], random: (n: number) => number): string {
  const ranges = pairs(set);
  if (ranges.length === 0) return "";
  const [lo, hi] = ranges[random(ranges.length)]!;
  const choices = [lo, hi, lo + random(hi - lo + 1), lo - 1, hi + 1];
  const cp = Math.min(0x10ffff, Math.max(0, choices[random(random(4) === 0 ? 5 : 3)]!));
  return String.fromCodePoint(cp);
}

function bend(text: string, random: (n: number) => number): string {
  const chars = [...text];
  const at = random(chars.length + 1);
  const hostile = HOSTILE[random(HOSTILE.length)]!;
  switch (random(6)) {
    case 0:
      return chars.slice(0, at).join("") + hostile + chars.slice(at).join("");
    case 1:
      return chars.map((c, i) => (i === at ? hostile : c)).join("");
    case 2:
      return text + (random(2) === 0 ? "\n" : "\r\n");
    case 3:
      return chars.map((c) => (random(2) === 0 ? c.toUpperCase() : c.toLowerCase())).join("");
    case 4:
      return chars.slice(0, at).join("");
    default:
      return text + text;
  }
}
