/**
 * The generator's cost grows with the model, not with its square (issue 16: cost per shape flat). Time is no
 * measure in a test on a shared machine, so this counts work instead: every lookup of a shape by name, over every
 * emitter, on two models alike but for their size. A re-walk of the shape graph for each shape (as finding the
 * recursive shapes once did) makes the count grow with the square of the model; a linear generator's count
 * doubles when the model doubles.
 */
import { expect, test } from "vitest";
import { generateFrom, loadModelText, type ServiceIR, type ShapeIR } from "../src/index.js";

/** A map that counts the lookups made through it. */
class CountingMap extends Map<string, ShapeIR> {
  lookups = 0;
  override get(key: string): ShapeIR | undefined {
    this.lookups++;
    return super.get(key);
  }
  override has(key: string): boolean {
    this.lookups++;
    return super.has(key);
  }
}

/**
 * `size` structures in a chain, each holding the next (the graph's worst case: every shape reaches all those after
 * it), the last one holding itself (so every shape reaches a recursive one); one operation takes the chain's head,
 * and `size / 4` more take small inputs of their own.
 */
function model(size: number): string {
  const shapes: Record<string, unknown> = { Text: { type: "string", max: 64, pattern: "[a-z]+(-[a-z]+)*" } };
  for (let i = 0; i < size; i++) {
    const next = i + 1 < size ? `Link${i + 1}` : `Link${i}`;
    shapes[`Link${i}`] = {
      type: "structure",
      documentation: `<p>Link <b>${i}</b> of the chain.</p>`,
      members: { Name: { shape: "Text" }, Next: { shape: next }, Items: { shape: `List${i}` } },
    };
    shapes[`List${i}`] = { type: "list", member: { shape: "Text" }, max: 10 };
  }
  const operations: Record<string, unknown> = { Walk: { name: "Walk", input: { shape: "Link0" } } };
  for (let i = 0; i < size / 4; i++) {
    shapes[`Small${i}Input`] = { type: "structure", members: { Name: { shape: "Text" } }, required: ["Name"] };
    operations[`Small${i}`] = { name: `Small${i}`, input: { shape: `Small${i}Input` } };
  }
  return JSON.stringify({
    metadata: { serviceId: "Chain", apiVersion: "2030-01-01", protocol: "json", targetPrefix: "Chain" },
    operations,
    shapes,
  });
}

function lookups(size: number): number {
  const loaded = loadModelText(model(size), "chain.service-2.json");
  const shapes = new CountingMap(loaded.shapes);
  const service: ServiceIR = { ...loaded, shapes };
  generateFrom(service);
  return shapes.lookups;
}

test("every emitter's work doubles, not quadruples, when the model doubles", () => {
  const small = lookups(400);
  const large = lookups(800);
  // Linear: 2×, plus a little for what does not scale; quadratic would be 4×.
  expect(large / small).toBeLessThan(2.3);
  expect(large / small).toBeGreaterThan(1.7);
});
