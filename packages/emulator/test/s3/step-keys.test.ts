/**
 * The keys a step signs its S3 calls with: while signatures are checked, a secret drawn for this emulator, so that the
 * dummy pair written in the source does not open the local S3 root to whoever reaches the endpoint.
 */

import { EMRClient } from "@aws-sdk/client-emr";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { STEP_ACCESS_KEY_ID, STEP_SECRET_ACCESS_KEY } from "../../src/emr/step-environment.js";
import type { EmulatorHandle } from "../../src/index.js";
import { commandStep, runSteps } from "../programs/steps.js";
import { clientFor, started } from "../support.js";
import { LOCAL } from "./s3-clients.js";

async function stepKeys(emu: EmulatorHandle, emr: EMRClient): Promise<[string, string]> {
  const [step] = await runSteps(emu, emr, [
    commandStep("keys", ["sh", "-c", 'printf "%s %s" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY"']),
  ]);
  expect(step!.state).toBe("COMPLETED");
  return step!.stdout.split(" ") as [string, string];
}

const s3With = (emu: EmulatorHandle, [accessKeyId, secretAccessKey]: [string, string]) =>
  new S3Client({
    endpoint: emu.s3Endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
  });

describe("the keys steps sign S3 calls with", () => {
  it("with signatures checked: a secret of this emulator's, which S3 accepts; the source's dummy pair is refused", async () => {
    const emu = await started({ verifySignatures: LOCAL });
    const emr = new EMRClient({ endpoint: emu.endpoint, region: "us-east-1", credentials: LOCAL });
    const keys = await stepKeys(emu, emr);
    expect(keys[0]).toBe(STEP_ACCESS_KEY_ID);
    expect(keys[1]).not.toBe(STEP_SECRET_ACCESS_KEY);
    expect(keys[1]!.length).toBeGreaterThanOrEqual(32);
    await s3With(emu, keys).send(new CreateBucketCommand({ Bucket: "step-keys" }));
    await s3With(emu, keys).send(new PutObjectCommand({ Bucket: "step-keys", Key: "k", Body: "x" }));
    const refused = await s3With(emu, [STEP_ACCESS_KEY_ID, STEP_SECRET_ACCESS_KEY])
      .send(new PutObjectCommand({ Bucket: "step-keys", Key: "k2", Body: "x" }))
      .then(
        () => undefined,
        (e: { name: string; $metadata: { httpStatusCode?: number } }) => e,
      );
    expect(refused?.name).toBe("SignatureDoesNotMatch");
    expect(refused?.$metadata.httpStatusCode).toBe(403);
    const other = await started({ verifySignatures: LOCAL });
    const otherKeys = await stepKeys(
      other,
      new EMRClient({ endpoint: other.endpoint, region: "us-east-1", credentials: LOCAL }),
    );
    expect(otherKeys[1]).not.toBe(keys[1]);
  });

  it("without signature checks: the fixed dummy pair, which no AWS account has", async () => {
    const emu = await started();
    expect(await stepKeys(emu, clientFor(emu.endpoint))).toEqual([STEP_ACCESS_KEY_ID, STEP_SECRET_ACCESS_KEY]);
  });
});
