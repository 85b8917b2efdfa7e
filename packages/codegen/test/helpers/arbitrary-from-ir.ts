/**
 * fast-check arbitraries derived from the IR: values that honour every constraint the validators check (lengths
 * in code points, patterns, ranges, enums, required members, unique items), with recursion cut at a depth.
 * Patterns that are one character class repeated (EMR's XML-character pattern) are generated from the class's
 * ranges, astral code points included; other patterns through fast-check's `stringMatching`.
 */
import fc from "fast-check";
import type { LengthConstraint, MemberIR, RangeConstraint, ServiceIR, ShapeIR } from "../../src/index.js";
import { compiledPattern } from "./compiled-pattern.js";

/** Generated collections and strings stay short; a constraint's minimum still wins. */
const SOFT_MAX = { string: 12, items: 3 };

export interface StringRule {
  length?: LengthConstraint | undefined;
  pattern?: string | undefined;
}

export function arbitraryOf(service: ServiceIR, name: string, depth = 4): fc.Arbitrary<unknown> {
  return arbitraryFor(service, shapeOf(service, name), depth, undefined);
}

export function shapeOf(service: ServiceIR, name: string): ShapeIR {
  const shape = service.shapes.get(name);
  if (!shape) throw new Error(`no shape ${name}`);
  return shape;
}

/** Members that must be present: required with no default. */
export function mustHave(shape: ShapeIR, m: MemberIR): boolean {
  return shape.kind === "structure" && m.required && m.default === undefined;
}

function arbitraryFor(
  service: ServiceIR,
  shape: ShapeIR,
  depth: number,
  member: MemberIR | undefined,
): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case "string":
      if (shape.enum) return fc.constantFrom(...shape.enum);
      return stringOf({ length: merge(shape.length, member?.length), pattern: member?.pattern ?? shape.pattern });
    case "number": {
      if (shape.enum) return fc.constantFrom(...shape.enum);
      const range = merge(shape.range, member?.range) ?? {};
      const integer = !["float", "double", "bigDecimal"].includes(shape.format);
      return integer
        ? fc.integer({ min: Math.ceil(range.min ?? -1e6), max: Math.floor(range.max ?? 1e6) })
        : fc.double({ min: range.min ?? -1e6, max: range.max ?? 1e6, noNaN: true, noDefaultInfinity: true });
    }
    case "boolean":
      return fc.boolean();
    case "timestamp":
      return fc.date({ noInvalidDate: true });
    case "blob":
      return fc.uint8Array(sizes(merge(shape.length, member?.length), depth));
    case "document":
      return fc.jsonValue({ maxDepth: 2 });
    case "list": {
      const item = arbitraryFor(service, shapeOf(service, shape.member), depth - 1, undefined);
      const size = sizes(merge(shape.length, member?.length), depth);
      return shape.uniqueItems
        ? fc.uniqueArray(item, { ...size, selector: (v) => JSON.stringify(v) })
        : fc.array(item, size);
    }
    case "map": {
      const key = arbitraryFor(service, shapeOf(service, shape.key), depth - 1, undefined) as fc.Arbitrary<string>;
      const value = arbitraryFor(service, shapeOf(service, shape.value), depth - 1, undefined);
      const size = sizes(merge(shape.length, member?.length), depth);
      return fc.dictionary(key, value, { minKeys: size.minLength, maxKeys: size.maxLength });
    }
    case "structure": {
      const present = shape.members.filter((m) => mustHave(shape, m) || depth > 0);
      const record = Object.fromEntries(
        present.map((m) => [m.name, arbitraryFor(service, shapeOf(service, m.target), depth - 1, m)]),
      );
      return fc.record(record, { requiredKeys: shape.members.filter((m) => mustHave(shape, m)).map((m) => m.name) });
    }
    case "union":
      return fc.oneof(
        ...shape.members.map((m) =>
          arbitraryFor(service, shapeOf(service, m.target), depth - 1, m).map((v) => ({ [m.name]: v })),
        ),
      );
  }
}

function merge<T extends LengthConstraint | RangeConstraint>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a || !b) return a ?? b;
  const min = Math.max(a.min ?? -Infinity, b.min ?? -Infinity);
  const max = Math.min(a.max ?? Infinity, b.max ?? Infinity);
  return { ...(min > -Infinity ? { min } : {}), ...(max < Infinity ? { max } : {}) } as T;
}

function sizes(length: LengthConstraint | undefined, depth: number): { minLength: number; maxLength: number } {
  const minLength = length?.min ?? 0;
  const cap = depth <= 0 ? minLength : Math.max(minLength, SOFT_MAX.items);
  return { minLength, maxLength: Math.min(length?.max ?? cap, cap) };
}

export function stringOf(rule: StringRule): fc.Arbitrary<string> {
  const minLength = rule.length?.min ?? 0;
  const maxLength = Math.min(rule.length?.max ?? Number.MAX_SAFE_INTEGER, Math.max(minLength, SOFT_MAX.string));
  const ranges = rule.pattern ? classRanges(rule.pattern) : [[0x20, 0x7e] as const];
  if (ranges) {
    const point = fc.oneof(...ranges.map(([lo, hi]) => fc.integer({ min: lo, max: hi })));
    return fc.array(point, { minLength, maxLength }).map((points) => String.fromCodePoint(...points));
  }
  const regex = compiledPattern(rule.pattern!);
  if (!regex) return stringOf({ ...rule, pattern: undefined });
  return fc.stringMatching(regex).filter((s) => [...s].length >= minLength && [...s].length <= maxLength);
}

/**
 * The code point ranges of a pattern that is one character class repeated (`[…]*`, `^[…]+$`), or undefined.
 * Reads `\uXXXX` escapes, surrogate pairs written as two escapes (one astral code point, as Java means it),
 * `\r \n \t`, and literal characters.
 */
export function classRanges(pattern: string): (readonly [number, number])[] | undefined {
  const match = /^\^?\[([^\]]+)\][*+]\$?$/.exec(pattern);
  if (!match || match[1]!.startsWith("^")) return undefined;
  const points: number[] = [];
  const source = match[1]!;
  for (let i = 0; i < source.length; ) {
    if (source[i] === "-" && points.length > 0 && i + 1 < source.length) {
      points.push(-1);
      i++;
      continue;
    }
    let [code, next] = charAt(source, i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const [low, after] = charAt(source, next);
      if (low >= 0xdc00 && low <= 0xdfff) [code, next] = [0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00), after];
    }
    points.push(code);
    i = next;
  }
  const ranges: [number, number][] = [];
  for (let i = 0; i < points.length; i++) {
    if (points[i + 1] === -1) {
      ranges.push([points[i]!, points[i + 2]!]);
      i += 2;
    } else ranges.push([points[i]!, points[i]!]);
  }
  return ranges;
}

function charAt(source: string, i: number): [number, number] {
  if (source[i] !== "\\") return [source.codePointAt(i)!, i + (source.codePointAt(i)! > 0xffff ? 2 : 1)];
  const c = source[i + 1]!;
  if (c === "u") return [Number.parseInt(source.slice(i + 2, i + 6), 16), i + 6];
  const named: Record<string, number> = { r: 13, n: 10, t: 9 };
  return [named[c] ?? c.codePointAt(0)!, i + 2];
}
