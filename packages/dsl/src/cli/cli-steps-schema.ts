/**
 * What the AWS CLI checks in `aws emr add-steps --steps` before it converts anything: the entries' keys and types
 * of its STEPS_SCHEMA (awscli/customizations/emr/argumentschema.py), validated by botocore's ParamValidator, which
 * refuses an unknown key (`Unknown parameter in [0]: "ActionOnfailure", must be one of: …`) and a value of the wrong
 * type (`Invalid type for parameter [0].Args, …`), and checks no enum. LogUri and EncryptionKeyArn come after
 * Properties in the CLI that recorded test/fixtures/recorded (aws-cli 1.45); their place in its list is a guess.
 * The type messages name JSON types, where the CLI prints Python's (`<class 'str'>`).
 */
import { nearest, show } from "../generated/validation-support.generated.js";
import type { Issue } from "../issues/issue.js";
import { redact } from "../secrets/secret.js";

export const CLI_STEP_KEYS = [
  "Type",
  "Name",
  "ActionOnFailure",
  "Jar",
  "Args",
  "MainClass",
  "Properties",
  "LogUri",
  "EncryptionKeyArn",
] as const;

export const CLI_STEPS_SOURCE = "AWS CLI, aws emr add-steps --steps (awscli/customizations/emr/argumentschema.py)";

/** One refusal of the CLI as an issue, every string in it redacted where it is made. */
export function cliIssue(code: Issue["code"], path: string, message: string, suggestion?: string): Issue {
  const issue = { code, severity: "error", path: redact(path), message: redact(message), source: CLI_STEPS_SOURCE };
  return (suggestion === undefined ? issue : { ...issue, suggestion: redact(suggestion) }) as Issue;
}

/** `[0].Args`, or `[0]["a b"]` for a key that is no identifier (as issue paths quote them). */
export function entryPath(index: number, key?: string, item?: number): string {
  const member = key === undefined ? "" : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return `[${index}]${member}${item === undefined ? "" : `[${item}]`}`;
}

/** What the CLI's ParamValidator finds: issues, and the CLI's own line for each (its error message). */
export interface ShapeFindings {
  readonly issues: Issue[];
  readonly lines: string[];
}

/** The CLI's ParamValidator on one entry (an object): unknown keys and types, in the entry's key order. */
export function entryShape(entry: Record<string, unknown>, index: number, found: ShapeFindings): void {
  for (const key of Object.keys(entry)) {
    const value = entry[key];
    if (!(CLI_STEP_KEYS as readonly string[]).includes(key)) {
      const near = nearest(key, CLI_STEP_KEYS);
      const cli = `Unknown parameter in [${index}]: ${JSON.stringify(key)}`;
      const hint = near === undefined ? "" : `; did you mean ${near}?`;
      found.issues.push(
        cliIssue(
          "unknown-member",
          entryPath(index, key),
          `is not a parameter of a --steps entry (${cli})${hint}`,
          near,
        ),
      );
      found.lines.push(
        `${cli}, must be one of: ${CLI_STEP_KEYS.join(", ")}${near === undefined ? "" : `; did you mean ${JSON.stringify(near)}?`}`,
      );
    } else if (key === "Args" && Array.isArray(value)) {
      value.forEach((arg, k) => {
        if (typeof arg !== "string") wrongType(entryPath(index, key, k), arg, "string", found);
      });
    } else if (key === "Args" || typeof value !== "string") {
      wrongType(entryPath(index, key), value, key === "Args" ? "list" : "string", found);
    }
  }
}

function wrongType(path: string, value: unknown, valid: "string" | "list", found: ShapeFindings): void {
  const shown = value === null ? "null" : show(value);
  found.issues.push(cliIssue("type", path, `must be a ${valid}, but is ${shown}`));
  found.lines.push(`Invalid type for parameter ${path}, value: ${shown}, valid types: ${valid}`);
}

/** The CLI's text for what its ParamValidator found: `Parameter validation failed:` and a line each. */
export function paramValidationMessage(found: ShapeFindings): string {
  return redact(`Parameter validation failed:\n${found.lines.join("\n")}`);
}
