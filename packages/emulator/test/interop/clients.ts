import { spawnSync } from "node:child_process";

/** Whether this machine has the third-party clients the interop tests run: they are skipped, loudly, without. */
export const HAS_BOTO3 = spawnSync("python3", ["-c", "import boto3"]).status === 0;
export const HAS_AWS_CLI = spawnSync("aws", ["--version"]).status === 0;

export function warnIfMissing(what: string): void {
  if (!HAS_BOTO3)
    console.warn(`SKIPPED: boto3 is not installed here (python3 -c 'import boto3'); its ${what} did not run`);
  if (!HAS_AWS_CLI) console.warn(`SKIPPED: the AWS CLI is not installed here (aws --version); its ${what} did not run`);
}

/** An environment with these credentials and no user configuration, so nothing of this machine's AWS setup leaks in. */
export function clientEnv(
  credentials: { accessKeyId: string; secretAccessKey: string },
  region = "us-east-1",
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: "/nonexistent/emrkit-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/emrkit-credentials",
  };
}
