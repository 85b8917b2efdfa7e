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

interface Signing {
  region?: string;
  service?: string;
  operation?: string;
  /** Headers the signer leaves out of the signature. */
  unsigned?: string[];
}

/** A request (ListClusters by default) signed by the SDK's own signer at a chosen time, sent as raw bytes. */
async function signedRequest(endpoint: string, at: Date, body = "{}", signing: Signing = {}) {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    credentials: LOCAL,
    region: signing.region ?? "us-east-1",
    service: signing.service ?? "elasticmapreduce",
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
        "x-amz-target": `ElasticMapReduce.${signing.operation ?? "ListClusters"}`,
      },
      body,
    },
    { signingDate: at, unsignableHeaders: new Set(signing.unsigned ?? []) },
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

describe("what must be signed (IAM User Guide, Elements of an AWS API request signature)", () => {
  it("refuses a request that did not sign host, or left an x-amz-* header out of the signature", async () => {
    const emu = await signedEmulator();
    const noHost = await post(
      emu.endpoint,
      await signedRequest(emu.endpoint, new Date(), "{}", { unsigned: ["host"] }),
    );
    expect(noHost).toEqual({
      status: 400,
      body: {
        __type: "IncompleteSignatureException",
        Message: "'Host' must be a 'SignedHeader' in the AWS Authorization.",
      },
    });
    // Only x-amz-date and host signed: the operation could be swapped under the signature.
    const target = await signedRequest(emu.endpoint, new Date(), "{}", { unsigned: ["x-amz-target", "content-type"] });
    expect(target.headers.authorization).toMatch(/SignedHeaders=host;[^,]*x-amz-date,/);
    expect(target.headers.authorization).not.toMatch(/x-amz-target/);
    const answer = await post(emu.endpoint, target);
    expect(answer.body.__type).toBe("IncompleteSignatureException");
    expect(answer.body.Message).toMatch(/not signed: x-amz-target\.$/);
  });

  it("refuses a signature re-targeted from ListSteps to CancelSteps", async () => {
    const emu = await signedEmulator();
    const emr = client(emu.endpoint);
    const { JobFlowId } = await emr.send(new RunJobFlowCommand({ Name: "retarget", Instances: {} }));
    const body = JSON.stringify({ ClusterId: JobFlowId, StepIds: ["s-1"] });
    for (const unsigned of [[], ["x-amz-target"]]) {
      const listing = await signedRequest(emu.endpoint, new Date(), body, { operation: "ListSteps", unsigned });
      const retargeted = {
        ...listing,
        headers: { ...listing.headers, "x-amz-target": "ElasticMapReduce.CancelSteps" },
      };
      const answer = await post(emu.endpoint, retargeted);
      expect(answer.status, `x-amz-target ${unsigned.length ? "unsigned" : "signed"}`).toBe(400);
      expect(answer.body.__type).toMatch(/^(InvalidSignatureException|IncompleteSignatureException)$/);
    }
    const listing = await signedRequest(emu.endpoint, new Date(), body, { operation: "ListSteps" });
    expect((await post(emu.endpoint, listing)).status).toBe(200);
  });

  it("refuses a credential scoped to another service or to a region that does not exist, as AWS words it", async () => {
    const emu = await signedEmulator();
    const s3 = await post(emu.endpoint, await signedRequest(emu.endpoint, new Date(), "{}", { service: "s3" }));
    expect(s3.body).toEqual({
      __type: "InvalidSignatureException",
      Message: "Credential should be scoped to correct service: 'elasticmapreduce'.",
    });
    const mars = await post(emu.endpoint, await signedRequest(emu.endpoint, new Date(), "{}", { region: "mars-1" }));
    expect(mars.body).toEqual({
      __type: "InvalidSignatureException",
      Message: "Credential should be scoped to a valid region, not 'mars-1'.",
    });
    const both = await signedRequest(emu.endpoint, new Date(), "{}", { region: "mars-1", service: "s3" });
    expect((await post(emu.endpoint, both)).status).toBe(400);
  });

  it("lets in a request signed for any region EMR is in", async () => {
    const emu = await signedEmulator();
    for (const region of ["eu-west-1", "ap-southeast-2", "cn-north-1", "us-gov-west-1"]) {
      const answer = await post(emu.endpoint, await signedRequest(emu.endpoint, new Date(), "{}", { region }));
      expect(answer.status, region).toBe(200);
    }
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
