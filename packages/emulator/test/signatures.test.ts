import { Sha256 } from "@aws-crypto/sha256-js";
import { EMRClient, ListClustersCommand, ListStepsCommand, RunJobFlowCommand } from "@aws-sdk/client-emr";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { started } from "./support.js";

const LOCAL = { accessKeyId: "AKIDEMRKITLOCAL", secretAccessKey: "local-secret" };
const signedEmulator = () => started({ verifySignatures: LOCAL });

const client = (endpoint: string, credentials = LOCAL, extra: { systemClockOffset?: number } = {}) =>
  new EMRClient({ endpoint, region: "us-east-1", credentials, maxAttempts: 1, ...extra });

/** A ListClusters request signed by the SDK's own signer at a chosen time, sent as raw bytes. */
async function signedRequest(endpoint: string, at: Date, body = "{}") {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    credentials: LOCAL,
    region: "us-east-1",
    service: "elasticmapreduce",
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: "/",
      query: {},
      headers: {
        host: url.host,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "ElasticMapReduce.ListClusters",
      },
      body,
    },
    { signingDate: at },
  );
  return { headers: signed.headers as Record<string, string>, body };
}

async function post(endpoint: string, request: { headers: Record<string, string>; body: string }) {
  const { host: _host, ...headers } = request.headers;
  const response = await fetch(endpoint, { method: "POST", headers, body: request.body });
  return { status: response.status, body: (await response.json()) as { __type: string; Message: string } };
}

describe("signature verification", () => {
  it("lets the AWS SDK in with the local credentials", async () => {
    const emu = await signedEmulator();
    const emr = client(emu.endpoint);
    const { JobFlowId } = await emr.send(new RunJobFlowCommand({ Name: "signed", Instances: {} }));
    const steps = await emr.send(new ListStepsCommand({ ClusterId: JobFlowId }));
    expect(steps.Steps).toEqual([]);
  });

  it("refuses an unsigned request with MissingAuthenticationTokenException", async () => {
    const emu = await signedEmulator();
    const answer = await post(emu.endpoint, {
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "ElasticMapReduce.ListClusters" },
      body: "{}",
    });
    expect(answer).toEqual({
      status: 403,
      body: { __type: "MissingAuthenticationTokenException", Message: "Missing Authentication Token" },
    });
  });

  it("refuses a wrong secret with InvalidSignatureException and an unknown key with UnrecognizedClientException", async () => {
    const emu = await signedEmulator();
    await expect(
      client(emu.endpoint, { ...LOCAL, secretAccessKey: "guess" }).send(new ListClustersCommand({})),
    ).rejects.toMatchObject({ name: "InvalidSignatureException", $metadata: { httpStatusCode: 400 } });
    await expect(
      client(emu.endpoint, { ...LOCAL, accessKeyId: "AKIDSOMEONEELSE" }).send(new ListClustersCommand({})),
    ).rejects.toMatchObject({ name: "UnrecognizedClientException" });
  });

  it("refuses a body that is not the one that was signed", async () => {
    const emu = await signedEmulator();
    const request = await signedRequest(emu.endpoint, new Date());
    expect((await post(emu.endpoint, request)).status).toBe(200);
    const tampered = await post(emu.endpoint, { ...request, body: '{"ClusterStates":["RUNNING"]}' });
    expect(tampered.body.__type).toBe("InvalidSignatureException");
  });

  it("refuses a request replayed more than five minutes after it was signed, and one dated in the future", async () => {
    const emu = await signedEmulator();
    const late = await post(emu.endpoint, await signedRequest(emu.endpoint, new Date(Date.now() - 6 * 60_000)));
    expect(late.status).toBe(400);
    expect(late.body.__type).toBe("InvalidSignatureException");
    expect(late.body.Message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z/);
    const early = await post(emu.endpoint, await signedRequest(emu.endpoint, new Date(Date.now() + 6 * 60_000)));
    expect(early.body.Message).toMatch(/^Signature not yet current/);
  });

  it("is what a client with a skewed clock meets, as on EMR", async () => {
    const emu = await signedEmulator();
    const skewed = client(emu.endpoint, LOCAL, { systemClockOffset: -10 * 60_000 });
    await expect(skewed.send(new ListClustersCommand({}))).rejects.toMatchObject({
      name: "InvalidSignatureException",
      message: expect.stringMatching(/^Signature expired/),
    });
  });

  it("is off by default, and any client gets in", async () => {
    const emu = await started();
    expect(emu.verifiesSignatures).toBe(false);
    await expect(
      client(emu.endpoint, { accessKeyId: "x", secretAccessKey: "y" }).send(new ListClustersCommand({})),
    ).resolves.toMatchObject({ Clusters: [] });
  });
});

describe("who can reach it", () => {
  it("listens on loopback unless told otherwise", async () => {
    const emu = await started();
    expect(emu.host).toBe("127.0.0.1");
    expect(emu.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("refuses any other address without signature verification or an explicit insecure", async () => {
    await expect(startEmulator({ host: "0.0.0.0" })).rejects.toThrow(/without signature verification/);
    const emu = await started({ host: "0.0.0.0", verifySignatures: LOCAL });
    expect(emu.verifiesSignatures).toBe(true);
  });

  it("needs credentials to check against", async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    try {
      await expect(startEmulator({ verifySignatures: true })).rejects.toThrow(/needs local credentials/);
    } finally {
      if (saved.id !== undefined) process.env.AWS_ACCESS_KEY_ID = saved.id;
      if (saved.secret !== undefined) process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
    }
  });
});
