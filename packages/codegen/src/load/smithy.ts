/**
 * Loads a Smithy 2.0 JSON AST into the IR. Follows the Smithy 2.0 specification (smithy.io/2.0/spec): `apply`
 * statements and mixins are resolved first, so the rest sees each shape whole; `enum`/`intEnum` shapes and the
 * 1.0 `enum` trait become enumerated strings and numbers; prelude targets become the shapes of `smithy-prelude.ts`.
 *
 * `clientOptional` is resolved this way: the member stays required (the service still rejects a request without
 * it, and the validators check that), and a default on it is dropped, since clients must not rely on it.
 * Shape-level `default` traits are ignored: Smithy 2.0 repeats every default on the members that use it.
 */

import { documentation } from "../ir/documentation.js";
import { ModelError } from "../ir/model-error.js";
import { optional } from "../ir/optional.js";
import type {
  ErrorInfo,
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
import type { SmithyJson } from "./load-model.js";
import { isObject } from "./load-model.js";
import type { Fail, Raw, Traits } from "./smithy-ast.js";
import { bounds, deprecation, refs, splitId, T, text, traitsOf } from "./smithy-ast.js";
import { PRELUDE_NAMESPACE, SMITHY_PRELUDE } from "./smithy-prelude.js";
import { applyMixins, applyStatements, operationIds } from "./smithy-resolve.js";

const NUMBER_TYPES: Record<string, NumberFormat> = {
  byte: "byte",
  short: "short",
  integer: "integer",
  intEnum: "integer",
  long: "long",
  float: "float",
  double: "double",
  bigInteger: "bigInteger",
  bigDecimal: "bigDecimal",
};

const PROTOCOLS: Record<string, string> = {
  "aws.protocols#awsJson1_0": "json",
  "aws.protocols#awsJson1_1": "json",
  "aws.protocols#restJson1": "rest-json",
  "aws.protocols#awsQuery": "query",
  "aws.protocols#ec2Query": "ec2",
  "aws.protocols#restXml": "rest-xml",
};

export function loadSmithy(json: SmithyJson, source: ModelSource): ServiceIR {
  const fail: Fail = (detail, shape) => {
    throw new ModelError(source.file, detail, shape);
  };
  if (!json.smithy.startsWith("2.")) fail(`Smithy version ${json.smithy} is not supported (expected 2.x)`);
  const raw = applyStatements(json.shapes, fail);
  const resolved = new Map<string, Raw>();
  const resolve = (id: string, trail: string[] = []): Raw => {
    const done = resolved.get(id);
    if (done) return done;
    const shape = raw.get(id) ?? fail(`mixin ${id} is not defined`, trail.at(-1));
    if (trail.includes(id)) fail("mixins form a cycle", id);
    const whole = applyMixins(id, shape, (mixin) => resolve(mixin, [...trail, id]), fail);
    resolved.set(id, whole);
    return whole;
  };

  const serviceIds = [...raw.keys()].filter((id) => raw.get(id)?.type === "service");
  if (serviceIds.length !== 1) fail(`expected exactly one service shape, found ${serviceIds.length}`);
  const serviceId = serviceIds[0]!;
  const service = resolve(serviceId);
  const serviceTraits = traitsOf(service);

  const shapes = new Map<string, ShapeIR>();
  const owners = new Map<string, string>();
  // A model may define a shape with a prelude shape's name (EMR has an enum `Unit`): the prelude one is renamed.
  const modelNames = new Set([...raw.keys()].map((id) => id.slice(id.indexOf("#") + 1)));
  const local = (id: string, from: string): string => {
    const [namespace, name] = splitId(id, from, fail);
    if (namespace === PRELUDE_NAMESPACE) {
      const prelude = SMITHY_PRELUDE[name] ?? fail(`${id} is not a Smithy prelude shape`, from);
      const renamed = modelNames.has(name) ? `Smithy${name}` : name;
      if (!shapes.has(renamed)) shapes.set(renamed, { ...prelude, name: renamed });
      return renamed;
    }
    if (!raw.has(id)) fail(`refers to ${id}, which is not defined`, from);
    const owner = owners.get(name);
    if (owner !== undefined && owner !== id) fail(`${id} and ${owner} have the same name`, name);
    owners.set(name, id);
    return name;
  };

  for (const [id, shape] of raw) {
    if (["service", "operation", "resource", "apply"].includes(shape.type as string)) continue;
    const whole = resolve(id);
    if (T.mixin in traitsOf(whole)) continue;
    const name = local(id, id);
    shapes.set(
      name,
      loadShape(name, whole, (target) => local(target, id), fail),
    );
  }

  const operations = operationIds(serviceId, raw, fail)
    .map((id) => loadOperation(id, resolve(id), service, local, fail))
    .sort((a, b) => compareNames(a.name, b.name));

  const awsService: Raw = isObject(serviceTraits[T.awsService]) ? (serviceTraits[T.awsService] as Raw) : {};
  const protocol = Object.keys(serviceTraits).find((t) => t in PROTOCOLS);
  const ir: ServiceIR = {
    name: text(awsService.sdkId) ?? splitId(serviceId, serviceId, fail)[1],
    title: text(serviceTraits[T.title]) ?? text(awsService.sdkId) ?? "",
    version: text(service.version) ?? fail("the service has no version", serviceId),
    protocol: protocol ? PROTOCOLS[protocol]! : "unknown",
    ...optional(
      "targetPrefix",
      protocol?.startsWith("aws.protocols#awsJson") ? splitId(serviceId, serviceId, fail)[1] : undefined,
    ),
    ...optional("documentation", documentation(serviceTraits[T.documentation])),
    operations,
    shapes,
    source,
  };
  checkReferences(ir, fail);
  return ir;
}

function loadOperation(
  id: string,
  shape: Raw,
  service: Raw,
  local: (id: string, from: string) => string,
  fail: Fail,
): OperationIR {
  if (shape.type !== "operation") fail("is listed as an operation but is not one", id);
  const name = splitId(id, id, fail)[1];
  const io = (value: unknown): string | undefined => {
    if (!isObject(value) || typeof value.target !== "string" || value.target === "smithy.api#Unit") return undefined;
    return local(value.target, id);
  };
  const errors = new Set([...refs(shape.errors), ...refs(service.errors)].map((e) => local(e, id)));
  const traits = traitsOf(shape);
  return {
    name,
    ...optional("input", io(shape.input)),
    ...optional("output", io(shape.output)),
    errors: [...errors].sort(compareNames),
    ...optional("documentation", documentation(traits[T.documentation])),
    ...optional("deprecated", deprecation(traits)),
  };
}

function loadShape(name: string, shape: Raw, local: (id: string) => string, fail: Fail): ShapeIR {
  const traits = traitsOf(shape);
  const base = {
    name,
    ...optional("documentation", documentation(traits[T.documentation])),
    ...optional("deprecated", deprecation(traits)),
    ...(T.sensitive in traits ? { sensitive: true as const } : {}),
  };
  const length = bounds(traits[T.length]);
  const type = shape.type as string;
  const target = (value: unknown, what: string): string => {
    if (!isObject(value) || typeof value.target !== "string") return fail(`${what} must name a target`, name);
    return local(value.target);
  };
  const members = (): MemberIR[] =>
    Object.entries(isObject(shape.members) ? shape.members : {}).map(([memberName, m]) => {
      if (!isObject(m)) return fail(`member ${memberName} must be an object`, name);
      return loadMember(memberName, m, target(m, `member ${memberName}`));
    });

  if (type in NUMBER_TYPES) {
    const values = type === "intEnum" ? enumValues(shape, "number", name, fail) : undefined;
    return {
      ...base,
      kind: "number",
      format: NUMBER_TYPES[type]!,
      ...optional("range", bounds(traits[T.range])),
      ...optional("enum", values as number[] | undefined),
    };
  }
  switch (type) {
    case "string":
    case "enum": {
      const values = type === "enum" ? enumValues(shape, "string", name, fail) : legacyEnum(traits[T.enum], name, fail);
      return {
        ...base,
        kind: "string",
        ...optional("enum", values as string[] | undefined),
        ...optional("length", length),
        ...optional("pattern", text(traits[T.pattern])),
      };
    }
    case "boolean":
      return { ...base, kind: "boolean" };
    case "timestamp":
      return { ...base, kind: "timestamp", ...optional("timestampFormat", timestampFormat(traits)) };
    case "document":
      return { ...base, kind: "document" };
    case "blob":
      return { ...base, kind: "blob", ...optional("length", length), ...(T.streaming in traits ? STREAMING : {}) };
    case "list":
    case "set":
      return {
        ...base,
        kind: "list",
        member: target(shape.member, "member"),
        ...optional("length", length),
        ...(T.uniqueItems in traits || type === "set" ? { uniqueItems: true as const } : {}),
      };
    case "map":
      return {
        ...base,
        kind: "map",
        key: target(shape.key, "key"),
        value: target(shape.value, "value"),
        ...optional("length", length),
      };
    case "structure":
      return { ...base, kind: "structure", members: members(), ...optional("error", errorInfo(traits)) };
    case "union":
      return { ...base, kind: "union", members: members(), ...(T.streaming in traits ? EVENT_STREAM : {}) };
    default:
      return fail(`unknown shape type ${JSON.stringify(type)}`, name);
  }
}

const STREAMING = { streaming: true } as const;
const EVENT_STREAM = { eventStream: true } as const;
const FORMATS: readonly TimestampFormat[] = ["date-time", "epoch-seconds", "http-date"];

function timestampFormat(traits: Traits): TimestampFormat | undefined {
  const format = traits[T.timestampFormat];
  return FORMATS.find((f) => f === format);
}

function location(traits: Traits): MemberIR["location"] {
  if (T.httpHeader in traits) return "header";
  if (T.httpQuery in traits) return "query";
  return T.httpLabel in traits ? "label" : undefined;
}

function loadMember(name: string, member: Raw, target: string): MemberIR {
  const traits = traitsOf(member);
  const clientOptional = T.clientOptional in traits;
  // `@default(null)` says the member has no default, even if its target has one (smithy.io/2.0/spec/type-refinement-traits.html#default-trait).
  const fallback = traits[T.default] === null ? undefined : traits[T.default];
  return {
    name,
    target,
    required: T.required in traits,
    ...optional("default", clientOptional ? undefined : fallback),
    ...optional("documentation", documentation(traits[T.documentation])),
    ...optional("deprecated", deprecation(traits)),
    ...(T.idempotencyToken in traits ? { idempotencyToken: true as const } : {}),
    ...optional("length", bounds(traits[T.length])),
    ...optional("pattern", text(traits[T.pattern])),
    ...optional("range", bounds(traits[T.range])),
    ...optional("timestampFormat", timestampFormat(traits)),
    ...optional("location", location(traits)),
  };
}

function enumValues(shape: Raw, kind: "string" | "number", name: string, fail: Fail): (string | number)[] {
  return Object.entries(isObject(shape.members) ? shape.members : {}).map(([memberName, m]) => {
    const value = isObject(m) ? traitsOf(m)[T.enumValue] : undefined;
    if (value === undefined && kind === "string") return memberName;
    if (typeof value !== kind) return fail(`enum member ${memberName} needs a ${kind} enumValue`, name);
    return value as string | number;
  });
}

function legacyEnum(trait: unknown, name: string, fail: Fail): string[] | undefined {
  if (trait === undefined) return undefined;
  if (!Array.isArray(trait)) return fail("the enum trait must be a list", name);
  return trait.map((entry) =>
    isObject(entry) && typeof entry.value === "string" ? entry.value : fail("enum trait entries need a value", name),
  );
}

function errorInfo(traits: Traits): ErrorInfo | undefined {
  const fault = traits[T.error];
  if (fault !== "client" && fault !== "server") return undefined;
  const query: Raw = isObject(traits[T.queryError]) ? (traits[T.queryError] as Raw) : {};
  const status = traits[T.httpError] ?? query.httpResponseCode;
  return {
    fault,
    ...optional("code", text(query.code)),
    ...optional("httpStatus", typeof status === "number" ? status : undefined),
  };
}
