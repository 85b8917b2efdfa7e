import { type JavaVerdicts, javaVerdicts } from "./java-checker.js";

/**
 * Java's verdicts, asked once per distinct set of cases in a process. Only for strings that do not depend on the
 * code under test (a fixed alphabet, written by hand): Stryker reruns a test file for every mutant it covers, in
 * the same process, and Java's answer on the same input never changes, so one JVM serves the whole run.
 */
const asked = new Map<string, JavaVerdicts[]>();

export function javaVerdictsOnce(cases: readonly { pattern: string; strings: readonly string[] }[]): JavaVerdicts[] {
  const key = JSON.stringify(cases);
  let verdicts = asked.get(key);
  if (verdicts === undefined) {
    verdicts = javaVerdicts(cases);
    asked.set(key, verdicts);
  }
  return verdicts;
}
