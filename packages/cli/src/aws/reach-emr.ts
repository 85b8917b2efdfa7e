import { DescribeClusterCommand } from "@aws-sdk/client-emr";
import { CliError } from "../cli-error.js";
import { EXIT } from "../exit-codes.js";
import type { EmrTarget } from "./emr-target.js";

/** Node's errors for a connection that could not be made or was lost, and TLS failures: nothing reached EMR. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "ECONNRESET",
  "EPIPE",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);
/** How long the first call may take to be answered at all. */
const FIRST_ANSWER_MS = 20_000;

/**
 * One DescribeCluster before the run, so that an endpoint that cannot be reached fails within seconds, naming it,
 * instead of after the runtime's retries (meant for a connection lost during a long run). Any answer from EMR, an
 * error included, means the endpoint is there: the run then reports that error in its place.
 */
export async function reachEmr(target: EmrTarget, clusterId: string): Promise<void> {
  try {
    await target.client.send(new DescribeClusterCommand({ ClusterId: clusterId }), {
      abortSignal: AbortSignal.timeout(FIRST_ANSWER_MS),
    });
  } catch (error) {
    const failure = connectionFailure(error);
    if (failure === undefined) return;
    const where = target.endpoint() ?? `EMR in ${target.region}`;
    throw new CliError("connection", EXIT.awsSetup, `cannot reach EMR at ${where}: ${failure}`, {
      ...(target.endpoint() === undefined ? {} : { endpoint: target.endpoint()! }),
    });
  }
}

/** Why nothing reached EMR, or undefined when EMR answered (with whatever error). */
export function connectionFailure(error: unknown): string | undefined {
  const { code, name, message, $metadata } = error as {
    code?: string;
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  if ($metadata?.httpStatusCode !== undefined) return undefined;
  if (code !== undefined && CONNECTION_CODES.has(code)) return message ?? code;
  if (name === "TimeoutError") return message ?? "timed out connecting";
  if (name === "AbortError") return `no answer within ${FIRST_ANSWER_MS / 1000} s`;
  return undefined;
}
