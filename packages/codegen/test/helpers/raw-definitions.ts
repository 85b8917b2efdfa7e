/**
 * An independent reading of raw model files, for the cross-format test: each shape's definition in one canonical
 * form, straight from the JSON, sharing no code with the loaders. Two shapes are "defined alike" when their
 * canonical forms are equal. Documentation is compared as HTML, whose runs of whitespace mean one space.
 */
// biome-ignore lint/suspicious/noExplicitAny: raw model JSON, read field by field
type Raw = Record<string, any>;

export interface CanonicalMember {
  name: string;
  target: string;
  required: boolean;
  [trait: string]: unknown;
}

export type Canonical = Record<string, unknown>;

const local = (id: string) => id.slice(id.indexOf("#") + 1);
const docs = (html: unknown) =>
  typeof html === "string" && html.trim() !== "" ? html.replace(/\s+/g, " ").trim() : undefined;
const drop = (o: Canonical): Canonical => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const minMax = (o: Raw | undefined) =>
  o && (o.min !== undefined || o.max !== undefined) ? drop({ min: o.min, max: o.max }) : undefined;

export function canonicalBotocore(model: Raw): Map<string, Canonical> {
  const out = new Map<string, Canonical>();
  for (const [name, s] of Object.entries<Raw>(model.shapes)) {
    const numeric = ["byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal"].includes(
      s.type,
    );
    const sized = ["string", "blob", "list", "map"].includes(s.type);
    const required = new Set<string>(s.required ?? []);
    out.set(
      name,
      drop({
        kind: numeric
          ? `number:${s.type}`
          : s.type === "structure"
            ? s.union
              ? "union"
              : s.document
                ? "document"
                : "structure"
            : s.type,
        documentation: docs(s.documentation),
        deprecated: s.deprecated ? (s.deprecatedMessage ?? "") : undefined,
        sensitive: s.sensitive ? true : undefined,
        enum: s.enum,
        length: sized ? minMax(s) : undefined,
        range: numeric ? minMax(s) : undefined,
        pattern: s.pattern,
        member: s.member?.shape,
        key: s.key?.shape,
        value: s.value?.shape,
        members: s.members
          ? Object.entries<Raw>(s.members).map(([m, d]) =>
              drop({
                name: m,
                target: d.shape,
                required: required.has(m),
                documentation: docs(d.documentation),
                deprecated: d.deprecated ? (d.deprecatedMessage ?? "") : undefined,
                idempotencyToken: d.idempotencyToken ? true : undefined,
              }),
            )
          : undefined,
        error: s.exception
          ? drop({ fault: s.fault ? "server" : "client", code: s.error?.code, status: s.error?.httpStatusCode })
          : undefined,
      }),
    );
  }
  return out;
}

/** Smithy shapes by local name; mixins resolved (this reader's own, simple way), apply statements merged. */
export function canonicalSmithy(model: Raw): Map<string, Canonical> {
  const shapes: Record<string, Raw> = structuredClone(model.shapes);
  for (const [id, s] of Object.entries(shapes)) {
    if (s.type !== "apply") continue;
    const [shapeId, member] = id.split("$") as [string, string | undefined];
    const target = member ? shapes[shapeId]!.members[member] : shapes[shapeId]!;
    target.traits = { ...target.traits, ...s.traits };
  }
  const out = new Map<string, Canonical>();
  for (const [id, s] of Object.entries(shapes)) {
    if (["service", "operation", "resource", "apply"].includes(s.type) || s.mixins || s.traits?.["smithy.api#mixin"])
      continue;
    const t: Raw = s.traits ?? {};
    const numeric = [
      "byte",
      "short",
      "integer",
      "long",
      "float",
      "double",
      "bigInteger",
      "bigDecimal",
      "intEnum",
    ].includes(s.type);
    const enumValues =
      s.type === "enum" || s.type === "intEnum"
        ? Object.entries<Raw>(s.members).map(([m, d]) => d.traits?.["smithy.api#enumValue"] ?? m)
        : t["smithy.api#enum"]?.map((e: Raw) => e.value);
    const query: Raw = t["aws.protocols#awsQueryError"] ?? {};
    out.set(
      local(id),
      drop({
        kind: numeric
          ? `number:${s.type === "intEnum" ? "integer" : s.type}`
          : s.type === "enum"
            ? "string"
            : s.type === "set"
              ? "list"
              : s.type,
        documentation: docs(t["smithy.api#documentation"]),
        deprecated: t["smithy.api#deprecated"] ? (t["smithy.api#deprecated"].message ?? "") : undefined,
        sensitive: t["smithy.api#sensitive"] ? true : undefined,
        enum: enumValues,
        length: minMax(t["smithy.api#length"]),
        range: minMax(t["smithy.api#range"]),
        pattern: t["smithy.api#pattern"],
        uniqueItems: t["smithy.api#uniqueItems"] || s.type === "set" ? true : undefined,
        member: s.member && local(s.member.target),
        key: s.key && local(s.key.target),
        value: s.value && local(s.value.target),
        members:
          s.type === "structure" || s.type === "union"
            ? Object.entries<Raw>(s.members ?? {}).map(([m, d]) => {
                const mt: Raw = d.traits ?? {};
                return drop({
                  name: m,
                  target: local(d.target),
                  required: "smithy.api#required" in mt,
                  documentation: docs(mt["smithy.api#documentation"]),
                  deprecated: mt["smithy.api#deprecated"] ? (mt["smithy.api#deprecated"].message ?? "") : undefined,
                  idempotencyToken: mt["smithy.api#idempotencyToken"] ? true : undefined,
                  default: "smithy.api#clientOptional" in mt ? undefined : mt["smithy.api#default"],
                  length: minMax(mt["smithy.api#length"]),
                  range: minMax(mt["smithy.api#range"]),
                  pattern: mt["smithy.api#pattern"],
                });
              })
            : undefined,
        error: t["smithy.api#error"]
          ? drop({
              fault: t["smithy.api#error"],
              code: query.code,
              status: t["smithy.api#httpError"] ?? query.httpResponseCode,
            })
          : undefined,
      }),
    );
  }
  return out;
}
