/**
 * Where steps' AWS SDK calls go by default: every step's AWS_ENDPOINT_URL names this loopback endpoint, which
 * answers every request with 501 NotImplemented and a message saying why, so that `aws s3 cp` or boto3 in a step
 * fails here, at once and clearly, instead of reaching real AWS. (The SDKs that read AWS_ENDPOINT_URL: boto3 and the
 * AWS CLI since 2023, SDK for JavaScript v3, for Java 2.x; a client that does not still meets the steps' dummy
 * credentials, which AWS refuses.) Not the emulator's own endpoint: that one speaks EMR's protocol only, and would
 * answer an S3 request with an EMR error. S3's and EMR's calls go to the emulator's own endpoints instead, through
 * AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_EMR, which win over this one.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface OfflineEndpoint {
  url: string;
  close(): Promise<void>;
}

const MESSAGE =
  "emrkit emulator: a step runs offline, and no AWS service is emulated at this address (AWS_ENDPOINT_URL points here so that nothing reaches real AWS by accident); to give steps an endpoint of your own, set AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_S3 (and the like) in startEmulator's stepEnvironment.set";

export async function startOfflineEndpoint(): Promise<OfflineEndpoint> {
  const server = createServer((req, res) => {
    req.resume();
    // JSON protocols (EMR, DynamoDB, STS's JSON face…) name their operation in X-Amz-Target; the rest read XML.
    const json = req.headers["x-amz-target"] !== undefined || /json/.test(req.headers["content-type"] ?? "");
    const body = json
      ? JSON.stringify({ __type: "NotImplemented", message: MESSAGE })
      : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NotImplemented</Code><Message>${MESSAGE}</Message></Error>`;
    res.writeHead(501, {
      "content-type": json ? "application/x-amz-json-1.1" : "application/xml",
      "x-amzn-errortype": "NotImplemented",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ready());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}
