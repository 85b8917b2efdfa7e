import type { ServiceIR } from "../ir/types.js";

/** Every shape an operation or another shape names must exist: a dangling reference is a bad model. */
export function checkReferences(service: ServiceIR, fail: (detail: string, shape?: string) => never): void {
  const need = (target: string | undefined, from: string, what: string) => {
    if (target !== undefined && !service.shapes.has(target))
      fail(`${what} refers to ${target}, which is not defined`, from);
  };
  for (const op of service.operations) {
    need(op.input, op.name, "input");
    need(op.output, op.name, "output");
    for (const e of op.errors) need(e, op.name, "error");
  }
  for (const shape of service.shapes.values()) {
    switch (shape.kind) {
      case "list":
        need(shape.member, shape.name, "member");
        break;
      case "map":
        need(shape.key, shape.name, "key");
        need(shape.value, shape.name, "value");
        break;
      case "structure":
      case "union":
        for (const m of shape.members) need(m.target, shape.name, `member ${m.name}`);
        break;
    }
  }
}
