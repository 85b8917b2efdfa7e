/**
 * Whether no per-step rule has anything to say about a step, errors or warnings: the common case, decided in one
 * read of each part and no allocation, so that `runEmrRules` fills a StepView and runs the rules' own checks (the
 * reporting path, which says what is wrong) only for a step this answers false for. It answers exactly what those
 * checks would: true if and only if they report nothing (step-passes.property.test.ts holds it to that).
 */

import { isOneWord } from "./command-line-in-one-arg.js";
import { unitTotal } from "./hadoop-jar-step-too-long.js";
import { isKeyArn } from "./invalid-kms-key-arn.js";
import { MAX_HADOOP_JAR_STEP_CHARACTERS } from "./limits.js";
import { logUriVerdict } from "./log-uri.js";
import { isCommandRunnerJar, isRecord, type RuleInput } from "./rule.js";

/** Step `index` of the request; one that is not an object passes: the model reports it, and no rule reads it. */
export function stepPasses(input: RuleInput, index: number): boolean {
  const step = input.steps![index];
  if (!isRecord(step)) return true;
  if (!actionPasses(step.ActionOnFailure, input, index)) return false;
  const jarStep = step.HadoopJarStep;
  if (isRecord(jarStep) && !jarStepPasses(jarStep)) return false;
  const monitoring = step.StepMonitoringConfiguration;
  if (!isRecord(monitoring)) return true;
  const s3 = monitoring.S3MonitoringConfiguration;
  return !isRecord(s3) || monitoringPasses(s3);
}

/**
 * The three action rules at once (limits.ts lists the actions each names): TERMINATE_JOB_FLOW is deprecated
 * always; TERMINATE_CLUSTER stops the steps after it and is refused with concurrency, CANCEL_AND_WAIT is refused
 * with concurrency. Anything else (CONTINUE, no action, a value the model refuses) is no rule's business.
 */
function actionPasses(action: unknown, input: RuleInput, index: number): boolean {
  if (action === "CONTINUE") return true;
  if (action === "TERMINATE_JOB_FLOW") return false;
  if (action === "TERMINATE_CLUSTER") return index === input.steps!.length - 1 && !concurrent(input);
  return action !== "CANCEL_AND_WAIT" || !concurrent(input);
}

/** Whether the context's StepConcurrencyLevel is above 1: read only for the actions it matters to. */
function concurrent({ context }: RuleInput): boolean {
  const level = context.stepConcurrencyLevel;
  return typeof level === "number" && level > 1;
}

/** The length budget, and command-runner.jar's two warnings (an empty argument, a command line in Args[0]). */
function jarStepPasses(jarStep: Record<string, unknown>): boolean {
  const commandRunner = isCommandRunnerJar(jarStep.Jar);
  const args = jarStep.Args;
  let argUnits = 0;
  if (Array.isArray(args)) {
    for (let i = 0; i < args.length; i++) {
      const arg: unknown = args[i];
      if (typeof arg !== "string") continue;
      if (commandRunner && arg.length === 0) return false;
      argUnits += arg.length;
    }
    const program: unknown = args[0];
    if (commandRunner && typeof program === "string" && !isOneWord(program)) return false;
  }
  return unitTotal(jarStep, argUnits) <= MAX_HADOOP_JAR_STEP_CHARACTERS;
}

/** LogUri valid (not legacy: that is a warning) and EncryptionKeyArn a key ARN; either may be absent or "". */
function monitoringPasses(s3: Record<string, unknown>): boolean {
  const uri = s3.LogUri;
  if (typeof uri === "string" && uri !== "" && logUriVerdict(uri) !== "valid") return false;
  const key = s3.EncryptionKeyArn;
  return typeof key !== "string" || key === "" || isKeyArn(key);
}
