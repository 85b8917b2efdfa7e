/**
 * Every single mutation of a valid value that breaks exactly one constraint, with the issue it must cause: the
 * code and the path. Walks the value alongside the IR; each mutation is a function that returns a changed copy.
 */

import type { MemberIR, ServiceIR, ShapeIR } from "../../src/index.js";
import { classRanges, mustHave, shapeOf } from "./arbitrary-from-ir.js";
import { compiledPattern } from "./compiled-pattern.js";

export type Path = (string | number)[];

export interface Mutation {
  readonly what: string;
  readonly code: string;
  readonly path: Path;
  readonly apply: (root: unknown) => unknown;
}

export function mutationsOf(service: ServiceIR, name: string, value: unknown): Mutation[] {
  const found: Mutation[] = [];
  walk(service, shapeOf(service, name), value, [], undefined, found);
  return found;
}

function walk(
  service: ServiceIR,
  shape: ShapeIR,
  value: unknown,
  path: Path,
  member: MemberIR | undefined,
  out: Mutation[],
) {
  const at = (what: string, code: string, replacement: unknown, where: Path = path) =>
    out.push({ what, code, path: where, apply: (root) => setAt(root, path, replacement) });
  at("wrong type", "type", shape.kind === "string" || shape.kind === "blob" ? 42 : "not this type");
  if (shape.kind === "document") out.pop();
  switch (shape.kind) {
    case "string": {
      if (shape.enum) {
        at("a value not in the enum", "enum", "NOT_IN_THE_ENUM");
        break;
      }
      const length = member?.length ?? shape.length;
      const pattern = member?.pattern ?? shape.pattern;
      const good = goodChar(pattern);
      if (length?.max !== undefined && length.max < 100_000)
        at("too long, in code points", "length", good.repeat(length.max + 1));
      // Shorter than the minimum, unless the pattern refuses that string too (`[a-z]+` and the empty string).
      const short = good.repeat(Math.max(0, (length?.min ?? 0) - 1));
      if (length?.min !== undefined && length.min > 0 && (!pattern || compiledPattern(pattern)?.test(short) !== false))
        at("too short", "length", short);
      if (pattern && classRanges(pattern)) {
        const text = value as string;
        const chars = [...text];
        for (const bad of ["\u0001", "\uD800"]) {
          // Same length in code points: one character swapped for a bad one.
          const changed = chars.length > 0 ? [bad, ...chars.slice(1)].join("") : bad;
          if ((length?.max ?? 1) >= 1) at(`a bad character ${JSON.stringify(bad)}`, "pattern", changed);
        }
      }
      break;
    }
    case "number": {
      if (shape.enum) at("a value not in the enum", "enum", Math.max(...shape.enum) + 1);
      const range = member?.range ?? shape.range;
      if (range?.max !== undefined) at("above the range", "range", range.max + 1);
      if (range?.min !== undefined) at("below the range", "range", range.min - 1);
      break;
    }
    case "list": {
      const items = value as unknown[];
      const length = member?.length ?? shape.length;
      if (length?.max !== undefined && items.length > 0 && !shape.uniqueItems && length.max < 1000)
        at(
          "too many items",
          "length",
          Array.from({ length: length.max + 1 }, () => items[0]),
        );
      if (length?.min !== undefined && length.min > 0) at("too few items", "length", items.slice(0, length.min - 1));
      for (const [i, item] of items.entries())
        walk(service, shapeOf(service, shape.member), item, [...path, i], undefined, out);
      break;
    }
    case "map":
      for (const [key, item] of Object.entries(value as object))
        walk(service, shapeOf(service, shape.value), item, [...path, key], undefined, out);
      break;
    case "structure":
    case "union": {
      const record = value as Record<string, unknown>;
      at("an unknown member", "unknown-member", { ...record, NotAMember__: 1 }, [...path, "NotAMember__"]);
      for (const m of shape.members) {
        if (!(m.name in record)) continue;
        if (mustHave(shape, m)) {
          const { [m.name]: _removed, ...rest } = record;
          at(`without ${m.name}`, "required", rest, [...path, m.name]);
        }
        walk(service, shapeOf(service, m.target), record[m.name], [...path, m.name], m, out);
      }
      break;
    }
  }
}

/** A character the pattern accepts, astral when it can be (so lengths count code points, not UTF-16 units). */
function goodChar(pattern: string | undefined): string {
  const ranges = pattern ? classRanges(pattern) : [[0x61, 0x7a] as const];
  if (!ranges) return "a";
  const astral = ranges.find(([, hi]) => hi >= 0x10000);
  return String.fromCodePoint(astral ? Math.max(astral[0], 0x1f600) : ranges[0]![0]);
}

function setAt(root: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...Path];
  copy[head] = setAt(copy[head], rest, replacement);
  return copy;
}
