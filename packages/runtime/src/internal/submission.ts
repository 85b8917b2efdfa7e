import { createHash, randomBytes } from "node:crypto";
import type { KeyValue, StepConfig, StepSummary } from "@aws-sdk/client-emr";

/**
 * A submission token tells our steps from anyone's. Each step we send carries one `HadoopJarStep.Properties` entry,
 * `emrkit.submission=<id>.<fingerprint>.<index>`, which ListSteps echoes back in `Config.Properties`:
 * - `id`: 16 hex digits, random per run, or derived from the user's idempotency key so that another process running
 *   the same request with the same key recognises the steps (after a crash, a `kill -9`, an orchestrator's retry);
 * - `fingerprint`: 12 hex digits of the request's content, so the same key with a different request is an error;
 * - `index`: the step's place in the request.
 * Why a property: the step's name is what users see and depend on (dependencies go by name), and its args are
 * what the program sees. A Java system property set for the jar's JVM is invisible to a command-runner.jar command
 * and ignored by custom jars; EMR documents no restriction of Properties by jar (a guess that the emulator and moto
 * share). It costs TOKEN_CHARACTERS of the step's 10,240-character HadoopJarStep budget, which preflight counts.
 */
export const TOKEN_PROPERTY = "emrkit.submission";

export interface Submission {
  readonly id: string;
  readonly fingerprint: string;
  /** The user's idempotency key, when there is one. */
  readonly key: string | undefined;
}

/** What a step's token says, read back from ListSteps. */
export interface ReadToken {
  readonly id: string;
  readonly fingerprint: string;
  readonly index: number;
}

/** A new submission for a request: its id from the key (hashed: any text, fixed length) or at random. */
export function newSubmission(
  steps: readonly StepConfig[],
  executionRoleArn: string | undefined,
  key?: string,
): Submission {
  const id =
    key === undefined
      ? randomBytes(8).toString("hex")
      : createHash("sha256").update(`emrkit idempotency key\0${key}`).digest("hex").slice(0, 16);
  const content = canonical({ steps: steps.map(withoutToken), executionRoleArn: executionRoleArn ?? null });
  const fingerprint = createHash("sha256").update(content).digest("hex").slice(0, 12);
  return { id, fingerprint, key };
}

/** The token of the step at `index`. */
export function tokenOf(submission: Submission, index: number): string {
  return `${submission.id}.${submission.fingerprint}.${index}`;
}

/**
 * What one step's token costs of its HadoopJarStep budget, at most: the key, and a value for an index below 100,000
 * (far above the steps a request can sensibly hold; preflight validates the steps as sent, so this is for docs).
 */
export const TOKEN_CHARACTERS = TOKEN_PROPERTY.length + "0123456789abcdef.0123456789ab.99999".length;

/** The step as sent: its own properties (any earlier token dropped, as from a copied ListSteps dump) and ours. */
export function withToken(step: StepConfig, token: string): StepConfig {
  const jar = step.HadoopJarStep;
  const properties: KeyValue[] = (jar?.Properties ?? []).filter((p) => p.Key !== TOKEN_PROPERTY);
  properties.push({ Key: TOKEN_PROPERTY, Value: token });
  return { ...step, HadoopJarStep: { ...jar, Jar: jar?.Jar, Properties: properties } };
}

/** The token a listed step carries, if it is one of emrkit's. */
export function readToken(summary: StepSummary): ReadToken | undefined {
  const value = summary.Config?.Properties?.[TOKEN_PROPERTY];
  const match = value === undefined ? null : /^([0-9a-f]{16})\.([0-9a-f]{12})\.(\d{1,9})$/.exec(value);
  if (match === null) return undefined;
  return { id: match[1]!, fingerprint: match[2]!, index: Number(match[3]) };
}

/** The step as the user wrote it: a token it came with is not part of its content (nor the list it needed). */
function withoutToken(step: StepConfig): StepConfig {
  const jar = step.HadoopJarStep;
  if (jar?.Properties === undefined || !jar.Properties.some((p) => p.Key === TOKEN_PROPERTY)) return step;
  const { Properties, ...rest } = jar;
  const own = Properties.filter((p) => p.Key !== TOKEN_PROPERTY);
  return { ...step, HadoopJarStep: own.length === 0 ? rest : { ...rest, Properties: own } };
}

/** JSON with object keys sorted, so that the same content in another key order has the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
