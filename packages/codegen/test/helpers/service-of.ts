import type { ServiceIR, ShapeIR } from "../../src/index.js";

/** A service of no operations holding `shapes`, for tests that emit checks for shapes written out by hand. */
export function serviceOf(name: string, shapes: readonly ShapeIR[]): ServiceIR {
  return {
    name,
    title: name,
    version: "1",
    protocol: "json",
    source: { file: `${name.toLowerCase()}.json`, format: "smithy", sha256: "0".repeat(64) },
    operations: [],
    shapes: new Map(shapes.map((shape) => [shape.name, shape])),
  } as unknown as ServiceIR;
}
