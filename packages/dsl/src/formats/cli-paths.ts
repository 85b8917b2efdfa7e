/**
 * Paths of the converted request (`Steps[0].HadoopJarStep.Args[2]`) back into the CLI input they came from
 * (`[0].Args[1]`): the CLI puts its own arguments before a typed step's Args (`spark-submit`, …), makes the Jar of
 * the Type, writes Properties as one string and LogUri and EncryptionKeyArn at the entry's top level.
 */
import type { Issue } from "../issues/issue.js";

/** How one entry was converted: whether its Jar came from its Type, and how many arguments the CLI put first. */
export interface CliLayout {
  readonly wrapped: boolean;
  readonly head: number;
}

const STEP_PATH = /^Steps\[(\d+)\](.*)$/;
const ARG = /^\.HadoopJarStep\.Args\[(\d+)\]/;

export function cliPath(path: string, layouts: readonly CliLayout[]): string {
  if (path === "Steps") return "";
  const m = STEP_PATH.exec(path);
  if (m === null) return path;
  const index = Number(m[1]);
  const entry = `[${index}]`;
  const rest = m[2]!;
  const layout = layouts[index] ?? { wrapped: false, head: 0 };
  if (rest === ".Name" || rest === ".ActionOnFailure") return entry + rest;
  if (rest === ".HadoopJarStep.Jar") return `${entry}${layout.wrapped ? ".Type" : ".Jar"}`;
  if (rest === ".HadoopJarStep.MainClass" || rest === ".HadoopJarStep.Args") return entry + rest.slice(14);
  if (rest.startsWith(".HadoopJarStep.Properties")) return `${entry}.Properties`;
  const arg = ARG.exec(rest);
  if (arg !== null) {
    const k = Number(arg[1]);
    return k < layout.head ? `${entry}.Type` : `${entry}.Args[${k - layout.head}]`;
  }
  const s3 = ".StepMonitoringConfiguration.S3MonitoringConfiguration.";
  if (rest === `${s3}LogUri` || rest === `${s3}EncryptionKeyArn`) return `${entry}.${rest.slice(s3.length)}`;
  return entry;
}

/** An issue of the converted request, its path (and a step's name in a duplicate's message) in the CLI input. */
export function toCliIssue(issue: Issue, layouts: readonly CliLayout[]): Issue {
  const path = cliPath(issue.path, layouts);
  if (issue.code !== "duplicate-step-name") return { ...issue, path };
  const message = issue.message.replace(/Steps\[(\d+)\]\.Name/, (_, i: string) => `[${i}].Name`);
  return { ...issue, path, message };
}
