/**
 * Smithy `@default(null)` means "no default" (smithy.io/2.0/spec/type-refinement-traits.html#default-trait): a
 * required member with it stays required, exactly as the same structure written in botocore, which has no defaults.
 * Property: for any structure, the two loaders agree on every member's required-ness and default, whatever mix of
 * absent, null and real defaults the Smithy side carries; a real default is kept.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { loadModelText, type MemberIR } from "../../src/index.js";

type Fallback = { kind: "absent" } | { kind: "null" } | { kind: "value"; value: string };

const memberArb = fc.record({
  required: fc.boolean(),
  fallback: fc.oneof(
    fc.constant<Fallback>({ kind: "absent" }),
    fc.constant<Fallback>({ kind: "null" }),
    fc.string({ maxLength: 4 }).map((value): Fallback => ({ kind: "value", value })),
  ),
});

function smithyModel(members: { required: boolean; fallback: Fallback }[]): string {
  const traits = (m: { required: boolean; fallback: Fallback }) => ({
    ...(m.required ? { "smithy.api#required": {} } : {}),
    ...(m.fallback.kind === "null" ? { "smithy.api#default": null } : {}),
    ...(m.fallback.kind === "value" ? { "smithy.api#default": m.fallback.value } : {}),
  });
  return JSON.stringify({
    smithy: "2.0",
    shapes: {
      "ex#Svc": { type: "service", version: "1", traits: { "aws.protocols#awsJson1_1": {} } },
      "ex#Thing": {
        type: "structure",
        members: Object.fromEntries(
          members.map((m, i) => [`M${i}`, { target: "smithy.api#String", traits: traits(m) }]),
        ),
      },
    },
  });
}

function botocoreModel(members: { required: boolean }[]): string {
  return JSON.stringify({
    metadata: { serviceId: "Svc", apiVersion: "1", protocol: "json" },
    operations: {},
    shapes: {
      String: { type: "string" },
      Thing: {
        type: "structure",
        required: members.flatMap((m, i) => (m.required ? [`M${i}`] : [])),
        members: Object.fromEntries(members.map((_, i) => [`M${i}`, { shape: "String" }])),
      },
    },
  });
}

const membersOf = (text: string, file: string): readonly MemberIR[] => {
  const thing = loadModelText(text, file).shapes.get("Thing")!;
  return thing.kind === "structure" ? thing.members : [];
};

test("@default(null) loads as no default: Smithy and botocore agree on what a request must carry", () => {
  fc.assert(
    fc.property(fc.array(memberArb, { minLength: 1, maxLength: 8 }), (members) => {
      const smithy = membersOf(smithyModel(members), "thing.json");
      const botocore = membersOf(botocoreModel(members), "thing.service-2.json");
      members.forEach((m, i) => {
        const s = smithy[i]!;
        const b = botocore[i]!;
        expect(s.required).toBe(b.required);
        if (m.fallback.kind === "value") expect(s.default).toBe(m.fallback.value);
        else {
          expect(s.default).toBeUndefined();
          // Must carry it: the validators' test (required and no default).
          expect(s.required && s.default === undefined).toBe(b.required && b.default === undefined);
        }
      });
    }),
  );
});
