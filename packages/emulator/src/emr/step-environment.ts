/**
 * The environment a step runs with: written out in full, never the emulator's own, so that no host credential,
 * profile or token reaches a step by accident and a step's AWS calls do not go to real AWS.
 *
 * EMR documents no environment for steps. Its step controller logs the one it gives (`INFO Environment:` in
 * `controller`), and what it shows there is the primary node's login environment (JAVA_HOME, HADOOP_* and the like
 * under /usr/lib or /home/hadoop): paths of a node this machine is not, so none of them is copied here. What a step
 * gets instead is listed in `stepEnvironment`'s documentation (start-emulator.ts) and the README.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { StepRecord } from "./records.js";

/** Host variables a step may see, and variables set for it: the `stepEnvironment` option of `startEmulator`. */
export interface StepEnvironmentOptions {
  /**
   * Names of the emulator's own environment variables to give every step as they are when the emulator starts
   * (`["JAVA_HOME", "SPARK_HOME"]`); a name that is not set is left out. Nothing else of the host's environment
   * reaches a step. Passing `AWS_*` credentials or `AWS_PROFILE` lets steps reach real AWS: that is the point of
   * asking by name.
   */
  pass?: readonly string[];
  /**
   * Variables set for every step, over the emulator's defaults and what `pass` brings (`{ SPARK_MASTER: "local[2]" }`).
   * Setting AWS_ENDPOINT_URL_S3 sends steps' S3 calls elsewhere than the local S3 endpoint.
   */
  set?: Readonly<Record<string, string>>;
}

/** What the defaults are made of, decided by the emulator when it starts. */
export interface StepEnvironmentContext {
  /** Shared by every step of this emulator, as /home/hadoop is by every step on a primary node. */
  home: string;
  s3Root: string;
  /** Where AWS SDK calls go (AWS_ENDPOINT_URL): the offline endpoint, which refuses them all and says why. */
  awsEndpoint: string;
  /** Where S3 calls go (AWS_ENDPOINT_URL_S3): the emulator's local S3 endpoint, over `s3Root`. */
  s3Endpoint: string;
  /** Where EMR calls go (AWS_ENDPOINT_URL_EMR): the emulator itself, known once it listens (hence a function). */
  emrEndpoint: () => string;
  /** The key pair steps sign with (stepCredentials); default the fixed dummy one. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The region a step is told it is in when its cluster names none (a journal older than regions): the one the
 * emulator's ARNs named then. Otherwise a step gets its cluster's region, the one that signed for it.
 */
export const STEP_REGION = "us-east-1";

/**
 * Credentials no AWS account has: a call that gets past AWS_ENDPOINT_URL to real AWS is refused there. The steps'
 * keys while nothing checks signatures; with checks, each emulator draws a secret of its own (stepCredentials).
 */
export const STEP_ACCESS_KEY_ID = "EMRKITLOCALSTEP";
export const STEP_SECRET_ACCESS_KEY = "emrkit-local-step-not-a-secret";

/**
 * The key pair an emulator's steps sign with: the fixed dummy one while nothing checks signatures, and a secret
 * drawn for this emulator when the S3 endpoint checks them, since a secret written in this source file would let
 * anyone who reaches the endpoint read and write the local S3 root.
 */
export function stepCredentials(signaturesChecked: boolean): { accessKeyId: string; secretAccessKey: string } {
  return {
    accessKeyId: STEP_ACCESS_KEY_ID,
    secretAccessKey: signaturesChecked ? randomBytes(30).toString("base64url") : STEP_SECRET_ACCESS_KEY,
  };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LOOPBACK = "127.0.0.1,localhost,::1";

/** Checks the option as `startEmulator` is given it, naming the member that is wrong; throws TypeError. */
export function checkStepEnvironment(options: unknown): StepEnvironmentOptions {
  const where = "startEmulator: stepEnvironment";
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${where} must be an object with pass and set, not ${describe(options)}`);
  }
  const { pass, set, ...rest } = options as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new TypeError(`${where} has no member ${unknown[0]}; it takes pass and set`);
  if (pass !== undefined) {
    if (!Array.isArray(pass)) throw new TypeError(`${where}.pass must be an array of names, not ${describe(pass)}`);
    pass.forEach((name, i) => {
      if (typeof name !== "string" || !NAME.test(name)) {
        throw new TypeError(`${where}.pass[${i}] must be a variable name (${NAME.source}), not ${describe(name)}`);
      }
    });
  }
  if (set !== undefined) {
    if (typeof set !== "object" || set === null || Array.isArray(set)) {
      throw new TypeError(`${where}.set must be an object of names to strings, not ${describe(set)}`);
    }
    for (const [name, value] of Object.entries(set)) {
      if (!NAME.test(name))
        throw new TypeError(`${where}.set has ${JSON.stringify(name)}, which is not a variable name`);
      if (typeof value !== "string" || value.includes("\0")) {
        throw new TypeError(`${where}.set.${name} must be a string without NUL, not ${describe(value)}`);
      }
    }
  }
  return options as StepEnvironmentOptions;
}

/**
 * The function that gives each step its environment: the defaults, then the host variables passed through, then
 * the ones set; later wins. Host variables are read once, now.
 */
export function stepEnvironment(
  options: StepEnvironmentOptions,
  context: StepEnvironmentContext,
  host: NodeJS.ProcessEnv = process.env,
): (step: StepRecord, tmpDir: string, region?: string) => Record<string, string> {
  const fixed: Record<string, string> = {
    // The host's, so that a step finds the programs the user has; not a secret, and a step without it runs nothing.
    PATH: host.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: context.home,
    AWS_ACCESS_KEY_ID: context.credentials?.accessKeyId ?? STEP_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: context.credentials?.secretAccessKey ?? STEP_SECRET_ACCESS_KEY,
    // The SDKs' shared files under the step's HOME, so a passed-through HOME does not bring ~/.aws along.
    AWS_CONFIG_FILE: join(context.home, ".aws", "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(context.home, ".aws", "credentials"),
    // No instance metadata: on an EC2 host it would hand out the instance role's real credentials.
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ENDPOINT_URL: context.awsEndpoint,
    // Service-specific endpoints win over AWS_ENDPOINT_URL in the SDKs and the CLI that read them (botocore since
    // 1.31, SDK for JavaScript v3, for Java 2.x: "Service-specific endpoints", AWS SDKs and Tools Reference Guide).
    AWS_ENDPOINT_URL_S3: context.s3Endpoint,
    EMRKIT_S3_ROOT: context.s3Root,
  };
  const chosen: Record<string, string> = {};
  for (const name of options.pass ?? []) {
    const value = host[name];
    if (value !== undefined) chosen[name] = value;
  }
  Object.assign(chosen, options.set);
  // The local endpoints are never reached through a proxy a step is given (HTTPS_PROXY passed through or set): the
  // loopback addresses are added to whatever NO_PROXY it has.
  const noProxy = [LOOPBACK, chosen.NO_PROXY ?? chosen.no_proxy].filter(Boolean).join(",");
  return (step, tmpDir, region = STEP_REGION) => ({
    ...fixed,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_ENDPOINT_URL_EMR: context.emrEndpoint(),
    TMPDIR: tmpDir,
    EMRKIT_CLUSTER_ID: step.clusterId,
    EMRKIT_STEP_ID: step.id,
    ...chosen,
    NO_PROXY: noProxy,
    no_proxy: noProxy,
  });
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? JSON.stringify(value) : typeof value;
}
