/**
 * Loads a botocore `service-2.json` into the IR. botocore puts `min`/`max` on the shape: a length for strings,
 * blobs, lists and maps, a range for numbers. Members carry no constraints of their own.
 */

import { documentation } from "../ir/documentation.js";
import { ModelError } from "../ir/model-error.js";
import { optional } from "../ir/optional.js";
import type {
  Deprecation,
  LengthConstraint,
  MemberIR,
  ModelSource,
  NumberFormat,
  OperationIR,
  ServiceIR,
  ShapeIR,
  TimestampFormat,
} from "../ir/types.js";
import { compareNames } from "../ir/types.js";
import { checkReferences } from "./check-references.js";
import type { BotocoreJson } from "./load-model.js";
import { isObject } from "./load-model.js";

const NUMBER_FORMATS: Record<string, NumberFormat> = {
  byte: "byte",
  short: "short",
  integer: "integer",
  long: "long",
  float: "float",
  double: "double",
  bigInteger: "bigInteger",
  bigDecimal: "bigDecimal",
};

type Raw = Record<string, unknown>;

export function loadBotocore(json: BotocoreJson, source: ModelSource): ServiceIR {
  const fail = (detail: string, shape?: string): never => {
    throw new ModelError(source.file, detail, shape);
  };
  const meta = json.metadata;
  const shapes = new Map<string, ShapeIR>();
  for (const [name, raw] of Object.entries(json.shapes)) {
    if (!isObject(raw)) fail("a shape must be a JSON object", name);
    shapes.set(name, loadShape(name, raw, fail));
  }
  const operations: OperationIR[] = Object.entries(json.operations)
    .map(([name, raw]) => loadOperation(name, raw, fail))
    .sort((a, b) => compareNames(a.name, b.name));
  const service: ServiceIR = {
    name: text(meta.serviceId) ?? text(meta.endpointPrefix) ?? fail("metadata has no serviceId"),
    title: text(meta.serviceFullName) ?? text(meta.serviceId) ?? "",
    version: text(meta.apiVersion) ?? fail("metadata has no apiVersion"),
    protocol: text(meta.protocol) ?? fail("metadata has no protocol"),
    ...optional("targetPrefix", text(meta.targetPrefix)),
    ...optional("documentation", documentation(json.documentation)),
    operations,
    shapes,
    source,
  };
  checkReferences(service, fail);
  return service;
}

function loadOperation(name: string, raw: unknown, fail: (d: string, s?: string) => never): OperationIR {
  if (!isObject(raw)) return fail("an operation must be a JSON object", name);
  const ref = (value: unknown, what: string): string | undefined => {
    if (value === undefined) return undefined;
    if (!isObject(value) || typeof value.shape !== "string") return fail(`operation ${what} must name a shape`, name);
    return value.shape;
  };
  const errors = raw.errors === undefined ? [] : raw.errors;
  if (!Array.isArray(errors)) return fail("operation errors must be a list", name);
  return {
    name,
    ...optional("input", ref(raw.input, "input")),
    ...optional("output", ref(raw.output, "output")),
    errors: errors.map((e) => ref(e, "error") as string).sort(compareNames),
    ...optional("documentation", documentation(raw.documentation)),
    ...optional("deprecated", deprecation(raw)),
  };
}

function loadShape(name: string, raw: Raw, fail: (d: string, s?: string) => never): ShapeIR {
  const base = {
    name,
    ...optional("documentation", documentation(raw.documentation)),
    ...optional("deprecated", deprecation(raw)),
    ...(raw.sensitive === true ? { sensitive: true as const } : {}),
  };
  const length = bounds(raw);
  const type = raw.type;
  if (typeof type === "string" && type in NUMBER_FORMATS) {
    return { ...base, kind: "number", format: NUMBER_FORMATS[type]!, ...optional("range", length) };
  }
  switch (type) {
    case "string": {
      const values = raw.enum;
      if (values !== undefined && !(Array.isArray(values) && values.every((v) => typeof v === "string"))) {
        return fail("enum must be a list of strings", name);
      }
      return {
        ...base,
        kind: "string",
        ...optional("enum", values as string[] | undefined),
        ...optional("length", length),
        ...optional("pattern", text(raw.pattern)),
      };
    }
    case "boolean":
      return { ...base, kind: "boolean" };
    case "timestamp":
      return { ...base, kind: "timestamp", ...optional("timestampFormat", timestampFormat(raw.timestampFormat)) };
    case "blob":
      return { ...base, kind: "blob", ...optional("length", length), ...flag("streaming", raw.streaming) };
    case "list":
      return { ...base, kind: "list", member: target(raw.member, "member"), ...optional("length", length) };
    case "map":
      return {
        ...base,
        kind: "map",
        key: target(raw.key, "key"),
        value: target(raw.value, "value"),
        ...optional("length", length),
      };
    case "structure": {
      if (raw.document === true) return { ...base, kind: "document" };
      const required = new Set(Array.isArray(raw.required) ? (raw.required as string[]) : []);
      if (!isObject(raw.members)) return fail("a structure needs members", name);
      const members = Object.entries(raw.members).map(([memberName, m]) => member(memberName, m, required));
      for (const r of required) {
        if (!members.some((m) => m.name === r)) fail(`required member ${r} is not a member`, name);
      }
      if (raw.union === true) return { ...base, kind: "union", members };
      const error = raw.exception === true ? errorInfo(raw) : undefined;
      return {
        ...base,
        kind: "structure",
        members,
        ...optional("error", error),
        ...flag("eventStream", raw.eventstream),
      };
    }
    default:
      return fail(`unknown shape type ${JSON.stringify(type)}`, name);
  }

  function target(value: unknown, what: string): string {
    if (!isObject(value) || typeof value.shape !== "string") return fail(`${what} must name a shape`, name);
    return value.shape;
  }

  function member(memberName: string, m: unknown, required: Set<string>): MemberIR {
    if (!isObject(m)) return fail(`member ${memberName} must be a JSON object`, name);
    return {
      name: memberName,
      target: target(m, `member ${memberName}`),
      required: required.has(memberName),
      ...optional("documentation", documentation(m.documentation)),
      ...optional("deprecated", deprecation(m)),
      ...(m.idempotencyToken === true ? { idempotencyToken: true as const } : {}),
      ...optional("timestampFormat", timestampFormat(m.timestampFormat)),
      ...flag("streaming", m.streaming),
      ...optional("location", typeof m.location === "string" ? LOCATIONS[m.location] : undefined),
    };
  }
}

/** botocore's names for the Smithy timestamp formats (botocore/serialize.py). */
const TIMESTAMP_FORMATS: Record<string, TimestampFormat> = {
  iso8601: "date-time",
  unixTimestamp: "epoch-seconds",
  rfc822: "http-date",
};

function timestampFormat(value: unknown): TimestampFormat | undefined {
  return typeof value === "string" ? TIMESTAMP_FORMATS[value] : undefined;
}

/** botocore member locations that set a timestamp's default format; `headers`, `statusCode` and the body do not. */
const LOCATIONS: Record<string, "header" | "query" | "label"> = {
  header: "header",
  querystring: "query",
  uri: "label",
};

function flag<K extends string>(key: K, value: unknown): { [P in K]?: true } {
  return (value === true ? { [key]: true } : {}) as { [P in K]?: true };
}

function errorInfo(raw: Raw) {
  const error = isObject(raw.error) ? raw.error : {};
  return {
    fault: raw.fault === true ? ("server" as const) : ("client" as const),
    ...optional("code", text(error.code)),
    ...optional("httpStatus", typeof error.httpStatusCode === "number" ? error.httpStatusCode : undefined),
  };
}

function bounds(raw: Raw): LengthConstraint | undefined {
  const min = typeof raw.min === "number" ? raw.min : undefined;
  const max = typeof raw.max === "number" ? raw.max : undefined;
  if (min === undefined && max === undefined) return undefined;
  return { ...optional("min", min), ...optional("max", max) };
}

function deprecation(raw: Raw): Deprecation | undefined {
  if (raw.deprecated !== true) return undefined;
  return optional("message", text(raw.deprecatedMessage));
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
