/**
 * hadoop-jar-step-too-long's second count, in code points (its message gives both when they differ): a surrogate
 * pair is one code point at either end of the ranges (U+10000, U+10FFFF), a lone surrogate is one, and the
 * characters just outside the ranges are one each. And parts of the wrong type count nothing in either count,
 * without breaking the rule for the parts that are right (the type checks report them).
 */
import { MAX_HADOOP_JAR_STEP_CHARACTERS as MAX, validate } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";
import { withJarStep } from "./requests.js";

const message = (jarStep: Record<string, unknown>) =>
  validate(withJarStep(jarStep)).issues.find((issue) => issue.code === "hadoop-jar-step-too-long")?.message;
const counted = (what: string) =>
  `has ${what} in its jar, main class, arguments and properties, but at most ${MAX} are allowed ` +
  "(MAX_HADOOP_JAR_STEP_CHARACTERS, counted in UTF-16 units)";

describe("hadoop-jar-step-too-long counts code points", () => {
  it.each([
    ["the first astral character, U+10000", "\u{10000}", `${MAX + 2} UTF-16 units (${MAX + 1} code points)`],
    ["the last, U+10FFFF", "\u{10FFFF}", `${MAX + 2} UTF-16 units (${MAX + 1} code points)`],
    ["the characters either side of the surrogates, U+D7FF and U+E000", "\ud7ff\ue000", `${MAX + 2} characters`],
    ["a high surrogate at the end of a string", "a\ud83d", `${MAX + 2} characters`],
    ["a high surrogate before a letter", "\ud83dx", `${MAX + 2} characters`],
    ["a high surrogate before U+E000, just past the low ones", "\ud83d\ue000", `${MAX + 2} characters`],
    ["a high surrogate before a pair", "\ud83d\ud83d\ude00", `${MAX + 3} UTF-16 units (${MAX + 2} code points)`],
    ["two low surrogates", "\udc00\udfff", `${MAX + 2} characters`],
    ["a letter before a low surrogate", "a\ude00", `${MAX + 2} characters`],
  ])("%s", (_label, arg, what) => {
    expect(message({ Jar: "x".repeat(MAX), Args: [arg] })).toBe(counted(what));
  });

  it("in every part: the main class and property keys and values too", () => {
    const astral = "\u{1F600}";
    const jarStep = {
      Jar: "x".repeat(MAX),
      MainClass: astral,
      Properties: [{ Key: astral, Value: astral }],
    };
    expect(message(jarStep)).toBe(counted(`${MAX + 6} UTF-16 units (${MAX + 3} code points)`));
  });
});

describe("hadoop-jar-step-too-long on parts of the wrong type", () => {
  it("counts only the strings, in either count", () => {
    const jarStep = {
      Jar: "x".repeat(MAX),
      // A value with a length that is no string (an array, an object) is no more counted than a number.
      MainClass: ["a", "b"],
      Args: [7, null, "y", { length: 100 }],
      Properties: [null, 3, "a string", { Key: { length: 5 }, Value: "v" }, { Key: "k", Value: ["v", "w"] }, [1, 2]],
    };
    expect(message(jarStep)).toBe(counted(`${MAX + 3} characters`));
    const unlisted = { Jar: "x".repeat(MAX + 1), Args: "not a list", Properties: { Key: "k", Value: "v" } };
    expect(message(unlisted)).toBe(counted(`${MAX + 1} characters`));
  });

  it("a Jar that is no string counts nothing", () => {
    expect(message({ Jar: 42, Args: ["x".repeat(MAX + 1)] })).toBe(counted(`${MAX + 1} characters`));
    expect(message({ Jar: ["a", "b"], Args: ["x".repeat(MAX + 1)] })).toBe(counted(`${MAX + 1} characters`));
  });

  it("a step with no HadoopJarStep has nothing to count: the one issue is the missing member", () => {
    const issues = validate({ JobFlowId: "j-ABC123", Steps: [{ Name: "a", ActionOnFailure: "CONTINUE" }] }).issues;
    expect(issues.map((issue) => `${issue.code}@${issue.path}`)).toEqual(["required@Steps[0].HadoopJarStep"]);
  });
});
