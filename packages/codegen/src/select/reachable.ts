import type { ServiceIR, ShapeIR } from "../ir/types.js";

/** The names of every shape reachable from `roots`, the roots included. Recursive shapes are visited once. */
export function reachable(service: ServiceIR, roots: Iterable<string>): Set<string> {
  return closure(roots, (name) => {
    const shape = service.shapes.get(name);
    return shape ? targetsOf(shape) : [];
  });
}

/** Every name reached from `start` (those included) by following `next`, each visited once. */
function closure(start: Iterable<string>, next: (name: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...next(name));
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

/**
 * Shapes that can contain themselves (a Configuration holding Configurations): the ones whose nesting has no end.
 * A shape is recursive when it lies on a cycle: a strongly connected component of more than one shape, or one
 * that refers to itself. One pass of Tarjan's algorithm finds them all, in time linear in the shapes and their
 * references (a walk of the graph from every shape was quadratic: sagemaker's 2,500 shapes walked 2,500 times).
 */
export function recursiveShapes(service: ServiceIR): Set<string> {
  const recursive = new Set<string>();
  for (const component of stronglyConnected(service))
    if (component.length > 1 || edges(service, component[0]!).includes(component[0]!))
      for (const name of component) recursive.add(name);
  return recursive;
}

/** Every shape that can reach one of `targets` (those included), by one walk of the references backwards. */
export function reaching(service: ServiceIR, targets: Iterable<string>): Set<string> {
  const referrers = new Map<string, string[]>();
  for (const [name, shape] of service.shapes)
    for (const target of targetsOf(shape)) {
      const list = referrers.get(target);
      if (list) list.push(name);
      else referrers.set(target, [name]);
    }
  return closure(targets, (name) => referrers.get(name) ?? []);
}

/** A shape's references to shapes the service has (a dangling one is the reference checker's to report). */
function edges(service: ServiceIR, name: string): string[] {
  const shape = service.shapes.get(name);
  return shape ? targetsOf(shape).filter((t) => service.shapes.has(t)) : [];
}

/** Tarjan's strongly connected components, iteratively (a chain of thousands of shapes would overflow the stack). */
function stronglyConnected(service: ServiceIR): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const root of service.shapes.keys()) {
    if (index.has(root)) continue;
    const work: { name: string; next: string[]; i: number }[] = [];
    const open = (name: string) => {
      index.set(name, index.size);
      low.set(name, index.get(name)!);
      stack.push(name);
      onStack.add(name);
      work.push({ name, next: edges(service, name), i: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      if (frame.i < frame.next.length) {
        const target = frame.next[frame.i++]!;
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) low.set(frame.name, Math.min(low.get(frame.name)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
      if (low.get(frame.name) === index.get(frame.name)) {
        const component: string[] = [];
        let name: string;
        do {
          name = stack.pop()!;
          onStack.delete(name);
          component.push(name);
        } while (name !== frame.name);
        components.push(component);
      }
    }
  }
  return components;
}
