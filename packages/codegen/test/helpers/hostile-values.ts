/**
 * Hostile variations of a valid value, for any shape: one place replaced by a hostile value (lone surrogates,
 * control characters, prototype-named keys, non-JSON values, objects that inherit their members), one
 * prototype-named own key added, and values nested through a recursive shape's cycle to any depth.
 */
import fc from "fast-check";
import type { ServiceIR } from "../../src/index.js";
import { arbitraryOf, shapeOf } from "./arbitrary-from-ir.js";

const protoKey = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf");

const nastyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc
    .tuple(
      fc.string({ maxLength: 6 }),
      fc.constantFrom("\u0000", "\u0001", "\u001f", "\ud800", "\udbff", "\udc00", "\udfff", "\ufffe", "😀", "\n"),
      fc.string({ maxLength: 6 }),
    )
    .map((p) => p.join("")),
  protoKey,
);

/** Values of every kind, some no JSON can hold. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(undefined, null, Number.NaN, Number.POSITIVE_INFINITY, -0, 1.5, 2 ** 53, 10n),
  fc.constant(null).map(() => new Date(Number.NaN)),
  fc.constant(null).map(() => new Uint8Array(3)),
  fc.constant(null).map(() => Object.create(null) as unknown),
  fc.constant(null).map(() => JSON.parse('{"__proto__":{"polluted":1}}') as unknown),
  fc.constant(null).map(() => JSON.parse('{"constructor":{"prototype":{"polluted":1}}}') as unknown),
);

type Slot = readonly [holder: Record<string | number, unknown>, key: string | number];

function slotsOf(root: unknown): { slots: Slot[]; objects: Record<string, unknown>[] } {
  const slots: Slot[] = [];
  const objects: Record<string, unknown>[] = [];
  const visit = (node: unknown) => {
    if (typeof node !== "object" || node === null || node instanceof Date || node instanceof Uint8Array) return;
    if (!Array.isArray(node)) objects.push(node as Record<string, unknown>);
    for (const key of Object.keys(node)) {
      slots.push([node as Record<string, unknown>, Array.isArray(node) ? Number(key) : key]);
      visit((node as Record<string, unknown>)[key]);
    }
  };
  visit(root);
  return { slots, objects };
}

/** A valid value of a shape with one hostile change somewhere in it (or at its root). */
export function hostileOf(service: ServiceIR, name: string): fc.Arbitrary<unknown> {
  return fc
    .tuple(arbitraryOf(service, name, 3), fc.nat(), hostileValue, fc.nat(3), protoKey)
    .map(([original, pick, replacement, how, key]) => {
      // A copy: fast-check reuses generated values while shrinking.
      const value = { root: structuredClone(original) as unknown };
      const { slots, objects } = slotsOf(value);
      const [holder, at] = slots[pick % slots.length]!;
      if (how === 0) holder[at] = replacement;
      else if (how === 1 && objects.length > 1) {
        // An own prototype-named key (as JSON.parse makes `__proto__`), never on the wrapper.
        const target = objects[1 + (pick % (objects.length - 1))]!;
        Object.defineProperty(target, key, {
          value: replacement,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else if (how === 2 && typeof holder[at] === "object" && holder[at] !== null && !Array.isArray(holder[at]))
        // Members inherited rather than own: both passes read with [[Get]] and enumerate with for-in.
        holder[at] = Object.create(holder[at] as object);
      else if (typeof holder[at] === "string") {
        // A lone surrogate at some place in a string.
        const text = holder[at] as string;
        const i = pick % (text.length + 1);
        holder[at] = `${text.slice(0, i)}${pick % 2 === 0 ? "\ud800" : "\udfff"}${text.slice(i)}`;
      } else holder[at] = replacement;
      return value.root;
    });
}

/** One step of a recursive shape's cycle: into member (or item 0, or a map entry) `key` of shape `shape`. */
interface Step {
  readonly shape: string;
  readonly key: string | number;
}

/** The shortest way from a recursive shape back to itself. */
export function cycleOf(service: ServiceIR, name: string): Step[] {
  const queue: { at: string; steps: Step[] }[] = [{ at: name, steps: [] }];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { at, steps } = queue.shift()!;
    const shape = shapeOf(service, at);
    const next: [string | number, string][] =
      shape.kind === "list"
        ? [[0, shape.member]]
        : shape.kind === "map"
          ? [["k", shape.value]]
          : shape.kind === "structure" || shape.kind === "union"
            ? shape.members.map((m) => [m.name, m.target])
            : [];
    for (const [key, target] of next) {
      const path = [...steps, { shape: at, key }];
      if (target === name) return path;
      if (!seen.has(target)) {
        seen.add(target);
        queue.push({ at: target, steps: path });
      }
    }
  }
  throw new Error(`${name} is not recursive`);
}

/** A valid-looking value of a recursive shape, nested `levels` times round its cycle. */
export function nested(service: ServiceIR, name: string, levels: number, seed: number): unknown {
  const cycle = cycleOf(service, name);
  const sample = (shape: string) => fc.sample(arbitraryOf(service, shape, 0), { numRuns: 1, seed })[0];
  let inner = sample(name);
  for (let level = 0; level < levels; level++) {
    for (const { shape, key } of [...cycle].reverse()) {
      const ir = shapeOf(service, shape);
      if (ir.kind === "list") inner = Array.from({ length: Math.max(1, ir.length?.min ?? 0) }, () => inner);
      else if (ir.kind === "union") inner = { [key]: inner };
      else if (ir.kind === "map") inner = { [sample(ir.key) as string]: inner };
      else inner = { ...(sample(shape) as object), [key]: inner };
    }
  }
  return inner;
}
