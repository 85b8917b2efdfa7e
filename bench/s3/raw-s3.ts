/**
 * GetObject and PutObject as bare HTTP requests, the bytes an SDK sends (path-style, a SigV4 Authorization header
 * neither server checks here, UNSIGNED-PAYLOAD): the figure is then the server's, not the SDK's, whose own cost
 * per request (middleware, signing, XML) is the same for every server and, on a busy machine, can be most of it.
 */
import { type Agent, request } from "node:http";

const AUTH =
  "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000";

export function rawS3(
  endpoint: string,
  agent: Agent,
  method: "GET" | "PUT",
  key: string,
  body?: Buffer,
): Promise<number> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: `/bench/${key}`,
        agent,
        headers: {
          authorization: AUTH,
          "x-amz-date": "20260101T000000Z",
          "x-amz-content-sha256": "UNSIGNED-PAYLOAD",
          ...(body ? { "content-length": body.length } : {}),
        },
      },
      (res) => {
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
        });
        res.on("end", () => (res.statusCode === 200 ? resolve(size) : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
