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
  return fromRanges(sets.flatMap(pairs));
}

export function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of pairs(set)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return fromRanges(out);
}

export function intersect(a: CharSet, b: CharSet): CharSet {
  return complement(union(complement(a), complement(b)));
}

export function isEmpty(set: CharSet): boolean {
  return set.length === 0;
}

export function overlaps(a: CharSet, b: CharSet): boolean {
  return !isEmpty(intersect(a, b));
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
