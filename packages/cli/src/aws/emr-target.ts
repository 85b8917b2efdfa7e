import { EMRClient } from "@aws-sdk/client-emr";
import { CliError } from "../cli-error.js";
import { EXIT } from "../exit-codes.js";
import { missingCredentials, missingRegion, unknownProfile } from "./aws-setup-hints.js";
import { configuredEndpoint } from "./configured-endpoint.js";
import { sharedProfileNames } from "./shared-profiles.js";

export interface AwsOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
}

/** An EMR client ready to call: its region and credentials resolved, and the address its last request went to. */
export interface EmrTarget {
  client: EMRClient;
  region: string;
  /** The endpoint the client sends to, once a request has gone (for messages about reaching it). */
  endpoint(): string | undefined;
}

/** Connecting may take this long before it counts as failed; the SDK's default is to wait as long as the OS does. */
export const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The client for `submit --cluster`, configured as the AWS CLI and SDKs are (AWS SDKs and Tools Reference Guide,
 * "Configuration and credential file settings"): --region, else AWS_REGION, else AWS_DEFAULT_REGION (which the JS
 * SDK alone ignores, and the AWS CLI reads), else the profile's `region`; the profile is --profile, else
 * AWS_PROFILE; the endpoint --endpoint, else what the environment or the profile configures (configured-endpoint.ts);
 * credentials from the SDK's default chain (environment, shared files, SSO, process, web identity, container and
 * instance metadata). Fails here, saying what to set, rather than at the first call.
 */
export async function emrTarget(options: AwsOptions, env: NodeJS.ProcessEnv = process.env): Promise<EmrTarget> {
  const profile = options.profile || env.AWS_PROFILE || undefined;
  if (profile !== undefined) {
    const { names, files } = sharedProfileNames(env);
    if (!names.has(profile)) throw setupError(unknownProfile(profile, files));
  }
  const region = options.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
  let endpoint = options.endpoint;
  if (endpoint === undefined && profile !== undefined) {
    endpoint = await configuredEndpoint(profile, env).catch((error: Error) => {
      throw setupError(error.message);
    });
  }
  const client = new EMRClient({
    ...(region === undefined ? {} : { region }),
    ...(profile === undefined ? {} : { profile }),
    ...(endpoint === undefined ? {} : { endpoint }),
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS },
  });
  let resolved: string;
  try {
    resolved = await client.config.region();
  } catch {
    throw setupError(missingRegion(profile));
  }
  try {
    await client.config.credentials();
  } catch (error) {
    throw setupError(missingCredentials(profile, (error as Error).message.split("\n")[0]!));
  }
  return { client, region: resolved, endpoint: recordEndpoint(client) };
}

/** The client for the emulator in this process: its endpoint, its region, credentials it does not check. */
export function localTarget(endpoint: string, region = "us-east-1"): EmrTarget {
  const client = new EMRClient({
    region,
    endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  return { client, region, endpoint: () => endpoint };
}

function setupError(message: string): CliError {
  return new CliError("aws-config", EXIT.awsSetup, message);
}

/** Remembers where the client's requests go, as resolved by the SDK's endpoint rules (or --endpoint). */
function recordEndpoint(client: EMRClient): () => string | undefined {
  let last: string | undefined;
  client.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as { protocol?: string; hostname?: string; port?: number };
      if (request.hostname !== undefined) {
        last = `${request.protocol ?? "https:"}//${request.hostname}${request.port ? `:${request.port}` : ""}`;
      }
      return next(args);
    },
    { step: "finalizeRequest", name: "emrkitRecordEndpoint" },
  );
  return () => last;
}
