/**
 * A set of code points as sorted, disjoint, non-adjacent inclusive ranges `[lo, hi, lo, hi, …]`. Java's classes
 * are resolved into these at generation time, so that what we emit says exactly which code points match, whatever
 * JavaScript's own `\s`, `.`, `i` flag or class syntax would have meant.
 */
export type CharSet = readonly number[];

export const MAX_CODE_POINT = 0x10ffff;
export const EMPTY: CharSet = [];
export const ANY: CharSet = [0, MAX_CODE_POINT];

/** The set of the given ranges (in any order, overlapping or not). */
export function fromRanges(ranges: readonly (readonly [number, number])[]): CharSet {
  const sorted = [...ranges].filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of sorted) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last]! + 1) out[last] = Math.max(out[last]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function chars(text: string): CharSet {
  return fromRanges([...text].map((c) => [c.codePointAt(0)!, c.codePointAt(0)!] as const));
}

export function pairs(set: CharSet): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < set.length; i += 2) out.push([set[i]!, set[i + 1]!]);
  return out;
}

export function union(...sets: CharSet[]): CharSet {
  if (sets.length === 2) return union2(sets[0]!, sets[1]!);
  return fromRanges(sets.flatMap(pairs));
}

/**
 * Two sets merged in one pass over both (they are sorted already): the determinism proof unions a large Unicode
 * class once per unrolled copy of `[\p{L}…]{0,1024}`, where sorting all the ranges again each time cost seconds.
 */
function union2(a: CharSet, b: CharSet): CharSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let lo: number;
    let hi: number;
    if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) {
      lo = a[i]!;
      hi = a[i + 1]!;
      i += 2;
    } else {
      lo = b[j]!;
      hi = b[j + 1]!;
      j += 2;
    }
    const last = out.length - 1;
    if (last > 0 && lo <= out[last]! + 1) out[last] = Math.max(out[last]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function complement(set: CharSet): CharSet {
  // The gaps of a sorted, non-adjacent set are themselves sorted and non-adjacent: no merge needed.
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    if (set[i]! > next) out.push(next, set[i]! - 1);
    next = set[i + 1]! + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}

export function intersect(a: CharSet, b: CharSet): CharSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!, b[j]!);
    const hi = Math.min(a[i + 1]!, b[j + 1]!);
    if (lo <= hi) out.push(lo, hi);
    // The range that ends first can meet nothing further on.
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

export function isEmpty(set: CharSet): boolean {
  return set.length === 0;
}

export function overlaps(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (Math.max(a[i]!, b[j]!) <= Math.min(a[i + 1]!, b[j + 1]!)) return true;
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return false;
}

/**
 * Java's CASE_INSENSITIVE without UNICODE_CASE folds US-ASCII letters only (`Pattern` docs, "CASE_INSENSITIVE"):
 * every ASCII letter in the set brings its other case, nothing else changes.
 */
export function asciiCaseClosure(set: CharSet): CharSet {
  const extra: [number, number][] = [];
  for (const [lo, hi] of pairs(set)) {
    for (const [from, to, shift] of [
      [0x41, 0x5a, 0x20],
      [0x61, 0x7a, -0x20],
    ] as const) {
      const a = Math.max(lo, from);
      const b = Math.min(hi, to);
      if (a <= b) extra.push([a + shift, b + shift]);
    }
  }
  return union(set, fromRanges(extra));
}
