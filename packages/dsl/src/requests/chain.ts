/**
 * A persistent append-only list: each append makes one (readonly) cell pointing at the list before it, so deriving a
 * builder shares everything already appended and n appends cost O(n) in all (an array copied on each append would
 * cost O(n²)). `toArray` reads it back in order once, at build time.
 */
export interface Chain<T> {
  readonly last: T;
  readonly before: Chain<T> | undefined;
  readonly size: number;
}

export function append<T>(chain: Chain<T> | undefined, items: readonly T[]): Chain<T> | undefined {
  let out = chain;
  for (const item of items) out = { last: item, before: out, size: (out?.size ?? 0) + 1 };
  return out;
}

export function toArray<T>(chain: Chain<T> | undefined): T[] {
  const out = new Array<T>(chain?.size ?? 0);
  for (let cell = chain; cell !== undefined; cell = cell.before) out[cell.size - 1] = cell.last;
  return out;
}
