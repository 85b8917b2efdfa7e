/**
 * Checks the fixtures' models do not reach: a constraint placed on a member whose target is a list or a map (Smithy
 * allows `@length` there, on top of the target's own), a map's own size and its keys' constraints, optional and
 * required members, a union's one member, a sensitive value kept out of messages, and a pattern whose text needs
 * escaping in the message. Each case is asked of the validator and of the fast predicate, which must agree.
 */
import { describe, expect, test } from "vitest";
import type { MemberIR, ShapeIR } from "../../src/index.js";
import { emitted } from "../helpers/emitted.js";
import { importGenerated } from "../helpers/import-generated.js";
import { serviceOf } from "../helpers/service-of.js";

const member = (name: string, target: string, more: Partial<MemberIR> = {}): MemberIR => ({
  name,
  target,
  required: false,
  ...more,
});
const shapes: ShapeIR[] = [
  { kind: "string", name: "Text" },
  { kind: "string", name: "TagKey", length: { min: 1, max: 3 }, pattern: "^[a-z]+$" },
  { kind: "list", name: "Names", member: "Text" },
  { kind: "map", name: "Tags", key: "TagKey", value: "Text", length: { min: 1, max: 2 } },
  { kind: "map", name: "Labels", key: "Text", value: "Text" },
  { kind: "string", name: "Pin", sensitive: true, pattern: "^[0-9]{4}$" },
  { kind: "string", name: "Switch", sensitive: true, enum: ["on", "off"] },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${ in the pattern is the case
  { kind: "string", name: "Odd", pattern: "^(`|\\\\|[${}]|é)+$" },
  {
    kind: "structure",
    name: "Holder",
    members: [
      member("Id", "Text", { required: true }),
      member("Note", "Text"),
      member("Names", "Names", { length: { min: 1, max: 2 } }),
      member("Labels", "Labels", { length: { max: 1 } }),
    ],
  },
  { kind: "union", name: "Choice", members: [member("Left", "Text"), member("Right", "Text")] },
] as unknown as ShapeIR[];

const service = serviceOf("Checks", shapes);

const generated = emitted(() => importGenerated(service));

/** `code path: message` of each issue of `value` as `shape`, after checking that the fast predicate agrees. */
async function issues(shape: string, value: unknown): Promise<string[]> {
  const { validators, predicates, check } = await generated();
  const found = check(validators[shape]!, value);
  expect(predicates[shape]!(value), `the predicate on ${JSON.stringify(value)}`).toBe(found.length === 0);
  return found.map((issue) => `${issue.code} ${issue.path}: ${issue.message}`);
}

describe("a member's own length, on a list or a map", () => {
  test("a list member holds 1 to 2 items, though its list shape has no limit", async () => {
    expect(await issues("Holder", { Id: "h", Names: ["a"] })).toEqual([]);
    expect(await issues("Holder", { Id: "h", Names: ["a", "b"] })).toEqual([]);
    expect(await issues("Holder", { Id: "h", Names: [] })).toEqual(["length Names: must have 1–2 items, but has 0"]);
    expect(await issues("Holder", { Id: "h", Names: ["a", "b", "c"] })).toEqual([
      "length Names: must have 1–2 items, but has 3",
    ]);
  });

  test("a map member holds at most 1 entry, though its map shape has no limit", async () => {
    expect(await issues("Holder", { Id: "h", Labels: {} })).toEqual([]);
    expect(await issues("Holder", { Id: "h", Labels: { a: "1" } })).toEqual([]);
    expect(await issues("Holder", { Id: "h", Labels: { a: "1", b: "2" } })).toEqual([
      "length Labels: must have at most 1 entries, but has 2",
    ]);
  });

  test("a member of the wrong type gets the type issue alone", async () => {
    expect(await issues("Holder", { Id: "h", Names: "a" })).toEqual(["type Names: must be a list, but is a string"]);
    expect(await issues("Holder", { Id: "h", Labels: ["a", "b"] })).toEqual([
      "type Labels: must be a map (an object), but is an array",
    ]);
  });
});

describe("maps", () => {
  test("a map's own size counts its entries", async () => {
    expect(await issues("Tags", { a: "1" })).toEqual([]);
    expect(await issues("Tags", { a: "1", b: "2" })).toEqual([]);
    expect(await issues("Tags", {})).toEqual(["length : must have 1–2 entries, but has 0"]);
    expect(await issues("Tags", { a: "1", b: "2", c: "3" })).toEqual(["length : must have 1–2 entries, but has 3"]);
  });

  test("each key is checked against the key shape, at the key's path", async () => {
    expect(await issues("Tags", { abcd: "1" })).toEqual(["length abcd: must be 1–3 characters long, but is 4"]);
    expect(await issues("Tags", { A: "1" })).toEqual(['pattern A: must match the pattern ^[a-z]+$, but is "A"']);
  });
});

describe("structures and unions", () => {
  test("an optional member may be left out; a required one may not", async () => {
    expect(await issues("Holder", { Id: "h" })).toEqual([]);
    expect(await issues("Holder", { Id: "h", Note: "n" })).toEqual([]);
    expect(await issues("Holder", { Note: "n" })).toEqual(["required Id: is required"]);
  });

  test("a union sets exactly one member", async () => {
    expect(await issues("Choice", { Left: "l" })).toEqual([]);
    expect(await issues("Choice", { Right: "r" })).toEqual([]);
    expect(await issues("Choice", {})).toEqual(["union : must set exactly one of Left, Right, but sets 0"]);
    expect(await issues("Choice", { Left: "l", Right: "r" })).toEqual([
      "union : must set exactly one of Left, Right, but sets 2",
    ]);
  });
});

describe("messages", () => {
  test("a sensitive value is never shown, whether it breaks a pattern or an enum", async () => {
    expect(await issues("Pin", "12345")).toEqual(["pattern : must match the pattern ^[0-9]{4}$, but is ***"]);
    expect(await issues("Switch", "offf")).toEqual(["enum : must be one of on, off, but is ***; did you mean off?"]);
    expect(await issues("Pin", "1234")).toEqual([]);
  });

  test("a pattern is named as the model writes it: backquote, backslash, ${ and é included", async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${ in the pattern is the case
    expect(await issues("Odd", "`\\${}é")).toEqual([]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${ in the pattern is the case
    expect(await issues("Odd", "x")).toEqual(['pattern : must match the pattern ^(`|\\\\|[${}]|é)+$, but is "x"']);
  });
});
