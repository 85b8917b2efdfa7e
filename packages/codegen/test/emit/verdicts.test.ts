/**
 * Verdicts every service shares (issue 16, section 4): what a generated validator and its fast predicate accept
 * for unique items, documents, structures and maps, timestamps by format, streaming blobs, event streams, blob
 * text lengths and integer widths. Each case is asked of both passes, which must agree.
 */
import { Readable } from "node:stream";
import { beforeEach, describe, expect, test } from "vitest";
import { loadModelFile } from "../../src/index.js";
import { emitted } from "../helpers/emitted.js";
import { fixture } from "../helpers/fixtures.js";
import { type GeneratedValidators, importGenerated } from "../helpers/import-generated.js";

const emit = emitted(() => importGenerated(loadModelFile(fixture("smithy-verdicts.json"))));
let generated: GeneratedValidators;
// Under Stryker each test needs its own (helpers/emitted.ts says why); elsewhere, one for the file.
beforeEach(async () => {
  generated = await emit();
});

/** The issues of `SendInput` with one member set, after checking that the fast predicate agrees. */
function issues(member: string, value: unknown): string[] {
  const input = { [member]: value };
  const found = generated.check(generated.validators.SendInput!, input);
  expect(generated.predicates.SendInput!(input), `the predicate on ${member}`).toBe(found.length === 0);
  return found.map((issue) => `${issue.code} ${issue.path}: ${issue.message}`);
}

const accepts = (member: string, value: unknown) => expect(issues(member, value)).toEqual([]);
const refuses = (member: string, value: unknown) => expect(issues(member, value)).not.toEqual([]);

class Point {
  constructor(readonly x = 1) {}
}

describe("@uniqueItems", () => {
  test("compares items as data: key order does not make two items different", () => {
    expect(
      issues("Rules", [
        { Type: "a", Action: "b" },
        { Action: "b", Type: "a" },
      ]),
    ).toEqual(["unique-items Rules: must not contain the same item twice"]);
    accepts("Rules", [
      { Type: "a", Action: "b" },
      { Type: "b", Action: "a" },
    ]);
    // An absent member is no member: `{ Type: "a", Action: undefined }` is `{ Type: "a" }`.
    refuses("Rules", [{ Type: "a", Action: undefined }, { Type: "a" }]);
  });
});

describe("documents are JSON", () => {
  test.each([
    ["null", null],
    ["a number", 1.5],
    ["nested arrays and objects", { a: [1, "two", { b: null, c: false }], d: {} }],
    ["an absent member", { a: undefined }],
  ])("accepts %s", (_, value) => accepts("Doc", value));

  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = { back: cyclic };
  test.each([
    ["a function", () => 1, "Doc"],
    ["a bigint", 10n, "Doc"],
    ["NaN", Number.NaN, "Doc"],
    ["Infinity inside", { a: [1, Number.POSITIVE_INFINITY] }, "Doc.a[1]"],
    ["a Map", new Map([["a", 1]]), "Doc"],
    ["a Date", new Date(0), "Doc"],
    ["a class instance", new Point(), "Doc"],
    ["a cycle", cyclic, "Doc.self.back"],
    ["an undefined array item", [1, undefined], "Doc[1]"],
  ])("refuses %s, at the value that is not JSON", (_, value, path) => {
    const found = issues("Doc", value);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^type ${path.replace(/[[\].]/g, "\\$&")}: must be a JSON document, but `));
  });
});

describe("structures and maps are plain objects", () => {
  test.each([
    ["a Date", new Date(0)],
    ["a Map", new Map()],
    ["an array", []],
    ["a class instance", new Point()],
  ])("refuse %s", (_, value) => {
    expect(issues("Rule", value)).toEqual([expect.stringMatching(/^type Rule: must be an object \(Rule\), but is /)]);
    expect(issues("Attributes", value)).toEqual([expect.stringMatching(/^type Attributes: must be a map/)]);
  });
  test("accept an object literal and one without a prototype", () => {
    accepts("Rule", { Type: "a" });
    accepts("Attributes", Object.assign(Object.create(null), { a: "b" }));
  });
});

describe("timestamps: what the SDK takes for the member's format", () => {
  test("a valid Date in every format, never an invalid one", () => {
    for (const member of ["When", "WhenText", "WhenHeader"]) {
      accepts(member, new Date("2030-03-07T12:00:00Z"));
      refuses(member, new Date("nonsense"));
    }
  });
  test("restJson1 body: epoch seconds within a Date's range", () => {
    accepts("When", 1_900_000_000);
    accepts("When", 1_900_000_000.25);
    for (const value of ["1", "March 7 2030", "2030-02-30", 1e300, Number.NaN, "2030-03-07T12:00:00Z"])
      refuses("When", value);
    expect(issues("When", "1")).toEqual([
      "type When: must be a timestamp (a valid Date or epoch seconds), but is a string",
    ]);
  });
  test("@timestampFormat date-time: RFC 3339 text with a real day", () => {
    accepts("WhenText", "2030-03-07T12:00:00Z");
    accepts("WhenText", "2028-02-29T23:59:59.123+05:30");
    for (const value of [
      "1",
      "March 7 2030",
      "2030-02-30",
      "2030-02-30T00:00:00Z",
      "2029-02-29T00:00:00Z",
      "2030-03-07T24:00:00Z",
      1_900_000_000,
    ])
      refuses("WhenText", value);
  });
  test("a header binding: HTTP-date text, weekday included", () => {
    accepts("WhenHeader", "Thu, 07 Mar 2030 12:00:00 GMT");
    refuses("WhenHeader", "Fri, 07 Mar 2030 12:00:00 GMT");
    refuses("WhenHeader", "2030-03-07T12:00:00Z");
  });
});

describe("streaming blobs and event streams: what the SDK's input types take", () => {
  test.each([
    ["a Uint8Array", new Uint8Array([1])],
    ["a string", "text"],
    ["a Node Readable", Readable.from(["a"])],
    ["a web ReadableStream", new ReadableStream()],
    ["a Blob", new Blob(["a"])],
  ])("a streaming blob takes %s", (_, value) => accepts("Payload", value));
  test("a streaming blob refuses what is no stream", () => {
    for (const value of [1, {}, [1], null]) refuses("Payload", value);
  });
  test("an event stream takes an async iterable, not one event", async () => {
    async function* events() {
      yield { Chunk: { Bytes: new Uint8Array([1]) } };
    }
    accepts("Events", events());
    refuses("Events", { Chunk: { Bytes: new Uint8Array([1]) } });
    refuses("Events", [{ Chunk: {} }]);
  });
});

describe("blob lengths are bytes, whether given as bytes or text", () => {
  test("text is measured as its UTF-8 bytes", () => {
    accepts("Small", "abcd");
    refuses("Small", "abcde");
    // Two characters, five bytes (é is 2, € is 3).
    expect(issues("Small", "é€")).toEqual(["length Small: must have 1–4 bytes, but has 5"]);
    refuses("Small", "");
    accepts("Small", new Uint8Array(4));
  });
  test("a length on the member counts bytes of text too", () => {
    accepts("Tiny", "é");
    refuses("Tiny", "é!");
  });
});

describe("integer widths", () => {
  test("an integer is 32-bit", () => {
    accepts("Count", 2 ** 31 - 1);
    accepts("Count", -(2 ** 31));
    refuses("Count", 2 ** 31);
    refuses("Count", 2 ** 40);
  });
  test("a byte is 8-bit", () => {
    accepts("Level", -128);
    refuses("Level", 128);
  });
  test("a long is what a number holds exactly: a safe integer", () => {
    accepts("Total", 2 ** 53 - 1);
    accepts("Total", 2 ** 40);
    refuses("Total", 2 ** 53);
    refuses("Total", 1.5);
  });
});
