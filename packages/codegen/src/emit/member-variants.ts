/**
 * Members that a shape's own validator cannot check: a timestamp member whose format is not its target's (set on
 * the member, or implied by an HTTP header, query or label binding), and a botocore `streaming` member whose target
 * is a plain blob. Each gets a *variant* of its target, a shape named `Target$format` (`$` appears in no model
 * name), validated like any other shape but not listed in the registries.
 */
import type { MemberIR, ServiceIR, ShapeIR, TimestampFormat, TimestampShape } from "../ir/types.js";
import { compareNames } from "../ir/types.js";

/**
 * The format of a timestamp in a request body by protocol: epoch seconds for the JSON and CBOR protocols, RFC 3339
 * date-time for the XML and query ones (smithy.io/2.0/aws/protocols: "Timestamp formats" of each protocol).
 */
export function protocolTimestampFormat(protocol: string): TimestampFormat {
  return ["query", "ec2", "rest-xml"].includes(protocol) ? "date-time" : "epoch-seconds";
}

export function shapeTimestampFormat(service: ServiceIR, shape: TimestampShape): TimestampFormat {
  return shape.timestampFormat ?? protocolTimestampFormat(service.protocol);
}

/**
 * A member's format: its own trait, else its target's, else its HTTP binding's (headers http-date; query strings
 * and labels date-time: smithy.io/2.0/spec/http-bindings.html), else the protocol's.
 */
export function memberTimestampFormat(service: ServiceIR, m: MemberIR, target: TimestampShape): TimestampFormat {
  const binding = m.location === "header" ? "http-date" : m.location !== undefined ? "date-time" : undefined;
  return m.timestampFormat ?? target.timestampFormat ?? binding ?? protocolTimestampFormat(service.protocol);
}

const SUFFIX: Record<TimestampFormat, string> = {
  "date-time": "dateTime",
  "epoch-seconds": "epochSeconds",
  "http-date": "httpDate",
};

/** The shape a member's value is checked against: its target, or the target's variant for this member. */
export function memberShape(service: ServiceIR, m: MemberIR): ShapeIR {
  const target = service.shapes.get(m.target)!;
  if (target.kind === "timestamp") {
    const format = memberTimestampFormat(service, m, target);
    if (format === shapeTimestampFormat(service, target)) return target;
    return { ...target, name: `${target.name}$${SUFFIX[format]}`, timestampFormat: format };
  }
  if (target.kind === "blob" && m.streaming && !target.streaming) {
    return { ...target, name: `${target.name}$streaming`, streaming: true };
  }
  return target;
}

/** Every variant some member of the service needs, sorted by name. */
export function variantShapes(service: ServiceIR): ShapeIR[] {
  const variants = new Map<string, ShapeIR>();
  for (const shape of service.shapes.values()) {
    if (shape.kind !== "structure" && shape.kind !== "union") continue;
    for (const m of shape.members) {
      const checked = memberShape(service, m);
      if (checked.name !== m.target) variants.set(checked.name, checked);
    }
  }
  return [...variants.values()].sort((a, b) => compareNames(a.name, b.name));
}
