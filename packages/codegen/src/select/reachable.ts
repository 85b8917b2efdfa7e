import type { ServiceIR, ShapeIR } from "../ir/types.js";

/** The names of every shape reachable from `roots`, the roots included. Recursive shapes are visited once. */
export function reachable(service: ServiceIR, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const shape = service.shapes.get(name);
    if (shape) stack.push(...targetsOf(shape));
  }
  return seen;
}

/** The shapes a shape refers to directly. */
export function targetsOf(shape: ShapeIR): string[] {
  switch (shape.kind) {
    case "list":
      return [shape.member];
    case "map":
      return [shape.key, shape.value];
    case "structure":
    case "union":
      return shape.members.map((m) => m.target);
    default:
      return [];
  }
}

/** Shapes that can appear in a request: emitters make their required members required. */
export function inputShapes(service: ServiceIR): Set<string> {
  return reachable(
    service,
    service.operations.flatMap((op) => (op.input ? [op.input] : [])),
  );
}

/** Shapes that can contain themselves (a Configuration holding Configurations): the ones whose nesting has no end. */
export function recursiveShapes(service: ServiceIR): Set<string> {
  const recursive = new Set<string>();
  for (const [name, shape] of service.shapes) {
    if (reachable(service, targetsOf(shape)).has(name)) recursive.add(name);
  }
  return recursive;
}
