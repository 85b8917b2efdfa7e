import { optional } from "../ir/optional.js";
import type { Deprecation, LengthConstraint } from "../ir/types.js";
import { isObject } from "./load-model.js";

export type Raw = Record<string, unknown>;
export type Traits = Record<string, unknown>;
export type Fail = (detail: string, shape?: string) => never;

export const T = {
  documentation: "smithy.api#documentation",
  length: "smithy.api#length",
  pattern: "smithy.api#pattern",
  range: "smithy.api#range",
  required: "smithy.api#required",
  clientOptional: "smithy.api#clientOptional",
  default: "smithy.api#default",
  sensitive: "smithy.api#sensitive",
  deprecated: "smithy.api#deprecated",
  uniqueItems: "smithy.api#uniqueItems",
  enum: "smithy.api#enum",
  enumValue: "smithy.api#enumValue",
  error: "smithy.api#error",
  httpError: "smithy.api#httpError",
  idempotencyToken: "smithy.api#idempotencyToken",
  mixin: "smithy.api#mixin",
  title: "smithy.api#title",
  timestampFormat: "smithy.api#timestampFormat",
  streaming: "smithy.api#streaming",
  httpHeader: "smithy.api#httpHeader",
  httpQuery: "smithy.api#httpQuery",
  httpLabel: "smithy.api#httpLabel",
  queryError: "aws.protocols#awsQueryError",
  awsService: "aws.api#service",
} as const;

export function bounds(trait: unknown): LengthConstraint | undefined {
  if (!isObject(trait)) return undefined;
  const min = typeof trait.min === "number" ? trait.min : undefined;
  const max = typeof trait.max === "number" ? trait.max : undefined;
  if (min === undefined && max === undefined) return undefined;
  return { ...optional("min", min), ...optional("max", max) };
}

export function deprecation(traits: Traits): Deprecation | undefined {
  const trait = traits[T.deprecated];
  if (trait === undefined) return undefined;
  return optional("message", isObject(trait) ? text(trait.message) : undefined);
}

export function traitsOf(shape: Raw): Traits {
  return isObject(shape.traits) ? shape.traits : {};
}

export function refs(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((ref) => (isObject(ref) && typeof ref.target === "string" ? [ref.target] : []));
}

export function splitId(id: string, from: string, fail: Fail): [string, string] {
  const hash = id.indexOf("#");
  if (hash <= 0 || hash === id.length - 1) return fail(`${JSON.stringify(id)} is not an absolute shape id`, from);
  return [id.slice(0, hash), id.slice(hash + 1)];
}

export function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
