import type { ServiceIR, ShapeIR } from "../ir/types.js";
import { reachable } from "./reachable.js";

/**
 * Narrows a service to the operations asked for and the closure of every shape their inputs, outputs and errors
 * reach. Asking for an operation the model does not have is an error that lists the ones it has.
 */
export function selectOperations(service: ServiceIR, names: readonly string[] | undefined): ServiceIR {
  if (names === undefined || names.length === 0) return service;
  const known = new Map(service.operations.map((op) => [op.name, op]));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new SelectionError(
      `${service.source.file}: no operation named ${unknown.join(", ")} (the model has ${[...known.keys()].join(", ")})`,
    );
  }
  const operations = service.operations.filter((op) => names.includes(op.name));
  const keep = reachable(
    service,
    operations.flatMap((op) => [...(op.input ? [op.input] : []), ...(op.output ? [op.output] : []), ...op.errors]),
  );
  const shapes = new Map<string, ShapeIR>([...service.shapes].filter(([name]) => keep.has(name)));
  return { ...service, operations, shapes };
}

export class SelectionError extends Error {
  override readonly name = "SelectionError";
}
