/**
 * No pattern check may hang. The patterns named in the issue backtrack catastrophically in V8 (seconds to hours
 * on ~35 characters): the analysis must refuse to prove them linear, and the linear-time matcher must answer them,
 * and every other model pattern it runs, at once on hostile input. The bound (2 s a case) is a guard against a
 * hang, not a benchmark: the old code takes minutes on these.
 */
import { describe, expect, test } from "vitest";
import { parseJavaRegex } from "../../../src/emit/patterns/parse-java-regex.js";
import { translatePattern } from "../../../src/emit/patterns/translate-pattern.js";
import { linearEngine } from "../../helpers/linear-engine-module.js";
import { describeWithModels, serviceModels } from "../../helpers/models.js";
import { HOSTILE, patternStrings } from "../../helpers/pattern-strings.js";

const { matchesLinear } = await linearEngine();
const GUARD_MS = 2_000;

function timed(run: () => boolean): { result: boolean; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

const PROMETHEUS =
  "https://aps-workspaces.([a-z]{2}-[a-z-]{1,20}-[1-9]).amazonaws(.[0-9A-Za-z]{2,4})+/workspaces/[-_.0-9A-Za-z]{1,100}/api/v1/remote_write";

// [service shape, pattern, a value, whether Java accepts it]
const NAMED: [string, string, string, boolean][] = [
  ["rds BlueGreenDeploymentName", "[a-zA-Z](?:-?[a-zA-Z0-9]+)*", `${"a".repeat(59)}!`, false],
  ["cleanrooms AthenaTableName", "[a-zA-Z0-9_](([a-zA-Z0-9_]+)*([a-zA-Z0-9_]+))?", `${"a".repeat(127)}!`, false],
  ["events HeaderValue", "^[ \\t]*[\\x20-\\x7E]+([ \\t]+[\\x20-\\x7E]+)*[ \\t]*$", `${" a".repeat(255)}\n`, false],
  ["bedrock JobName", "[a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.])*", `a${"-".repeat(61)}!`, false],
  ["lex SlotName", "^([A-Za-z](-|_|.)?)+$", `${"a".repeat(99)}\n`, false],
  [
    "emr-serverless PrometheusUrlString",
    PROMETHEUS,
    `https://aps-workspaces.us-east-1.amazonaws${".com".repeat(30)}/workspaces/${"a.b-".repeat(25)}/api/v1/remote_write`,
    true,
  ],
  [
    "emr-serverless PrometheusUrlString",
    PROMETHEUS,
    `https://aps-workspaces.us-east-1.amazonaws${".com".repeat(2000)}/workspaces/x/api/v1/remote_writ`,
    false,
  ],
];

describe("the patterns the issue names", () => {
  test.each(NAMED)(
    "%s: not proved linear for V8, so the linear matcher runs it, at once",
    (_name, pattern, value, valid) => {
      const plan = translatePattern(pattern);
      expect(plan.kind).toBe("linear");
      if (plan.kind !== "linear") return;
      const { result, ms } = timed(() => matchesLinear(plan.program, value));
      expect(result).toBe(valid);
      expect(ms).toBeLessThan(GUARD_MS);
      // Far past any field's maximum, still linear.
      const long = timed(() => matchesLinear(plan.program, value.repeat(Math.ceil(200_000 / value.length))));
      expect(long.ms).toBeLessThan(GUARD_MS);
    },
  );
});

/** A ReDoS attack string: one walk of the pattern pumped to `length`, then a character that spoils the match. */
function pumped(pattern: string, length: number): string[] {
  const root = parseJavaRegex(pattern).root;
  const walks = patternStrings(root, 12, 3, 6).filter((s) => s.length > 0);
  return walks.flatMap((walk) => {
    const body = walk.repeat(Math.ceil(length / walk.length)).slice(0, length);
    return ["!", "\n", "\u0000", HOSTILE[0]!].map((tail) => body + tail);
  });
}

describeWithModels(
  "every pattern the linear matcher runs, in the models of models/, on pumped hostile input",
  serviceModels(),
  async () => {
    const { loadModelFile } = await import("../../../src/load/load-model.js");
    const { servicePatterns } = await import("../../../src/emit/patterns/pattern-report.js");
    const patterns = new Set<string>();
    for (const file of serviceModels()) {
      try {
        for (const { pattern } of servicePatterns(loadModelFile(file))) patterns.add(pattern);
      } catch {}
    }
    const linear = [...patterns].sort().filter((p) => translatePattern(p).kind === "linear");
    test("some are there", () => expect(linear.length).toBeGreaterThan(10));
    test.each(linear)("%s", (pattern) => {
      const plan = translatePattern(pattern);
      if (plan.kind !== "linear") throw new Error("not linear");
      for (const text of pumped(pattern, 20_000)) {
        const { ms } = timed(() => matchesLinear(plan.program, text));
        expect(ms, `${text.length} characters`).toBeLessThan(GUARD_MS);
      }
    });
  },
);
