/**
 * A header sent on several lines, signed: SigV4 signs its values joined with "," in the order sent (IAM User Guide,
 * "Create a signed AWS API request", step 1); Node's `req.headers` would give them joined with ", ". The request is
 * signed by the AWS SDK's own signer and sent with node:http, one line per value.
 */
import { request as httpRequest } from "node:http";
import { Sha256 } from "@aws-crypto/sha256-js";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { started } from "../support.js";
import { LOCAL, s3For } from "./s3-clients.js";

const BODY = "hello";

async function putWithRepeatedHeader(endpoint: string, sentAs: string[]): Promise<{ status: number; text: string }> {
  const url = new URL(`${endpoint}/rep/k`);
  const signer = new SignatureV4({
    credentials: LOCAL,
    region: "us-east-1",
    service: "s3",
    sha256: Sha256,
    uriEscapePath: false,
  });
  const signed = await signer.sign({
    method: "PUT",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    headers: { host: url.host, "x-amz-meta-tag": "a,b", "content-length": String(BODY.length) },
    body: BODY,
  });
  const headers: Record<string, string | string[]> = {
    ...(signed.headers as Record<string, string>),
    "x-amz-meta-tag": sentAs,
  };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: "PUT", path: url.pathname, headers },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(BODY);
  });
}

describe("a repeated header under the local S3 endpoint's signature check", () => {
  it("is signed as its lines joined with a comma, in the order sent", async () => {
    const emu = await started({ verifySignatures: LOCAL });
    await s3For(emu).send(new CreateBucketCommand({ Bucket: "rep" }));
    expect(await putWithRepeatedHeader(emu.s3Endpoint, ["a", "b"])).toMatchObject({ status: 200 });
    const swapped = await putWithRepeatedHeader(emu.s3Endpoint, ["b", "a"]);
    expect(swapped.status).toBe(403);
    expect(swapped.text).toContain("SignatureDoesNotMatch");
  });
});
