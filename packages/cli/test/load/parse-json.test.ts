import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonSyntaxError, locate, parseJson } from "../../src/load/parse-json.js";

describe("parseJson", () => {
  it("reads what JSON.parse reads, to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseJson(text).value).toEqual(JSON.parse(text));
      }),
    );
  });

  it("refuses exactly what JSON.parse refuses", () => {
    const near = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .tuple(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.nat(),
          fc.constantFrom("", ",", "}", "]", '"', "\\", "\n", "0"),
        )
        .map(([text, at, cut]) => text.slice(0, at % (text.length + 1)) + cut + text.slice(at % (text.length + 1))),
    );
    fc.assert(
      fc.property(near, (text) => {
        let native = true;
        try {
          JSON.parse(text);
        } catch {
          native = false;
        }
        let ours = true;
        try {
          parseJson(text);
        } catch (error) {
          expect(error).toBeInstanceOf(JsonSyntaxError);
          ours = false;
        }
        expect(ours).toBe(native);
      }),
      { numRuns: 2000 },
    );
  });

  it("says where a syntax error is and what was expected there", () => {
    const error = (text: string) => {
      try {
        parseJson(text);
      } catch (e) {
        const { at, message } = e as JsonSyntaxError;
        return `${at.line}:${at.column} ${message}`;
      }
      return "parsed";
    };
    expect(error('[\n  {"Name": "a",}\n]')).toBe(
      '2:16 expected a member name in double quotes, found "}" (JSON allows no comma before })',
    );
    expect(error('[{"Type":"Spark"')).toBe('1:17 expected "," or "}" after a member, found the end of the file');
    expect(error("")).toBe("1:1 the file is empty: expected a JSON value");
    expect(error('{"a": "x\ny"}')).toMatch(
      /^1:9 expected a character of the string, found "\\n" \(a control character/,
    );
    expect(error("\uFEFF[1]")).toBe("parsed");
  });

  it("knows where each value and member name is", () => {
    const { root } = parseJson('[\n  {"Name": "a",\n   "Args": ["x", "y"]}\n]');
    expect(locate(root, [0, "Args", 1])).toEqual({ line: 3, column: 18 });
    expect(locate(root, [0, "Args"], { key: true })).toEqual({ line: 3, column: 4 });
    expect(locate(root, [0, "Jar"])).toEqual({ line: 2, column: 3 });
  });
});
