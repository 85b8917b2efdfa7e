/**
 * The intermediate representation: one small set of types that describes an AWS service whatever format its model
 * came in. Loaders produce it; emitters only read it. Shape and member names are the model's local names
 * (`StepConfig`, not `com.amazonaws.emr#StepConfig`).
 */

export interface ServiceIR {
  /** The model's service id (`EMR`). */
  readonly name: string;
  readonly title: string;
  readonly version: string;
  /** Wire protocol, botocore spelling: `json`, `rest-json`, `query`, … */
  readonly protocol: string;
  /** `X-Amz-Target` prefix for the JSON protocols (`ElasticMapReduce`). */
  readonly targetPrefix?: string;
  readonly documentation?: string;
  /** Sorted by name. */
  readonly operations: readonly OperationIR[];
  /** Keyed by shape name; iterate with `sortedShapes` for deterministic output. */
  readonly shapes: ReadonlyMap<string, ShapeIR>;
  readonly source: ModelSource;
}

export interface ModelSource {
  readonly file: string;
  readonly format: "botocore" | "smithy";
  readonly sha256: string;
}

export interface OperationIR {
  readonly name: string;
  readonly input?: string;
  readonly output?: string;
  readonly errors: readonly string[];
  readonly documentation?: string;
  readonly deprecated?: Deprecation;
}

export interface Deprecation {
  readonly message?: string;
}

export interface LengthConstraint {
  readonly min?: number;
  readonly max?: number;
}

export interface RangeConstraint {
  readonly min?: number;
  readonly max?: number;
}

interface ShapeBase {
  readonly name: string;
  readonly documentation?: string;
  readonly deprecated?: Deprecation;
  readonly sensitive?: true;
}

export interface StringShape extends ShapeBase {
  readonly kind: "string";
  readonly enum?: readonly string[];
  readonly length?: LengthConstraint;
  readonly pattern?: string;
}

export type NumberFormat = "byte" | "short" | "integer" | "long" | "float" | "double" | "bigInteger" | "bigDecimal";

export interface NumberShape extends ShapeBase {
  readonly kind: "number";
  readonly format: NumberFormat;
  readonly range?: RangeConstraint;
  /** Smithy `intEnum` values. */
  readonly enum?: readonly number[];
}

export interface BooleanShape extends ShapeBase {
  readonly kind: "boolean";
}

/** How a timestamp goes on the wire (Smithy `@timestampFormat`; botocore `iso8601`, `unixTimestamp`, `rfc822`). */
export type TimestampFormat = "date-time" | "epoch-seconds" | "http-date";

export interface TimestampShape extends ShapeBase {
  readonly kind: "timestamp";
  readonly timestampFormat?: TimestampFormat;
}

export interface BlobShape extends ShapeBase {
  readonly kind: "blob";
  readonly length?: LengthConstraint;
  /** Smithy `@streaming`, botocore `streaming`: the SDK takes a stream for it, not only bytes. */
  readonly streaming?: true;
}

export interface DocumentShape extends ShapeBase {
  readonly kind: "document";
}

export interface ListShape extends ShapeBase {
  readonly kind: "list";
  readonly member: string;
  readonly length?: LengthConstraint;
  readonly uniqueItems?: true;
}

export interface MapShape extends ShapeBase {
  readonly kind: "map";
  readonly key: string;
  readonly value: string;
  readonly length?: LengthConstraint;
}

export interface MemberIR {
  readonly name: string;
  readonly target: string;
  readonly required: boolean;
  /** Smithy `clientOptional`: required on the wire, but clients may not enforce it. */
  readonly clientOptional?: true;
  readonly default?: unknown;
  readonly documentation?: string;
  readonly deprecated?: Deprecation;
  readonly idempotencyToken?: true;
  /** Constraints placed on the member itself (Smithy allows them there); they add to the target's. */
  readonly length?: LengthConstraint;
  readonly pattern?: string;
  readonly range?: RangeConstraint;
  /** A format set on the member; it overrides the target's and the location's. */
  readonly timestampFormat?: TimestampFormat;
  /** botocore sets `streaming` on a member whose target is a plain blob (S3 `PutObjectRequest.Body`). */
  readonly streaming?: true;
  /** Where an HTTP binding puts the member, when not in the body: it sets the default timestamp format. */
  readonly location?: "header" | "query" | "label";
}

export interface ErrorInfo {
  readonly fault: "client" | "server";
  readonly code?: string;
  readonly httpStatus?: number;
}

export interface StructureShape extends ShapeBase {
  readonly kind: "structure";
  /** In model order. */
  readonly members: readonly MemberIR[];
  readonly error?: ErrorInfo;
  /** botocore `eventstream`: the members are the events of a stream. */
  readonly eventStream?: true;
}

export interface UnionShape extends ShapeBase {
  readonly kind: "union";
  readonly members: readonly MemberIR[];
  /** Smithy `@streaming` on a union: an event stream whose events are its members. */
  readonly eventStream?: true;
}

export type ShapeIR =
  | StringShape
  | NumberShape
  | BooleanShape
  | TimestampShape
  | BlobShape
  | DocumentShape
  | ListShape
  | MapShape
  | StructureShape
  | UnionShape;

export type ShapeKind = ShapeIR["kind"];

/** Shapes sorted by name: the one order every emitter uses, so output is deterministic. */
export function sortedShapes(service: ServiceIR): ShapeIR[] {
  return [...service.shapes.values()].sort((a, b) => compareNames(a.name, b.name));
}

/** Code-unit order, independent of locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
