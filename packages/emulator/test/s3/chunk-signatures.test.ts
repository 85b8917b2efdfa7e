/**
 * Chunk signatures of a STREAMING-AWS4-HMAC-SHA256-PAYLOAD upload, checked against the worked example of the S3 API
 * reference ("Signature Calculations for the Authorization Header: Transferring Payload in Multiple Chunks"):
 * 64 KiB then 1 KiB of 'a', seed signature and chunk signatures as the page gives them. SDK v3 and botocore send
 * unsigned-payload trailers instead; the SDK for Java signs chunks.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { AwsChunkedDecoder } from "../../src/s3/aws-chunked.js";
import { signingKey } from "../../src/sigv4/canonical.js";

const SIGNING = {
  key: signingKey("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "20130524", "us-east-1", "s3"),
  amzDate: "20130524T000000Z",
  scope: "20130524/us-east-1/s3/aws4_request",
  seed: "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9",
};
const CHUNKS: [number, string][] = [
  [65536, "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648"],
  [1024, "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497"],
  [0, "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"],
];

function body(tamper?: number): Buffer {
  return Buffer.concat(
    CHUNKS.map(([size, sig], i) => {
      const data = Buffer.alloc(size, "a");
      if (tamper === i) data[0] = 0x62;
      return Buffer.concat([Buffer.from(`${size.toString(16)};chunk-signature=${sig}\r\n`), data, Buffer.from("\r\n")]);
    }),
  );
}

async function decode(bytes: Buffer): Promise<number> {
  let size = 0;
  await pipeline(
    Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
    new AwsChunkedDecoder(SIGNING),
    async (source) => {
      for await (const c of source) size += (c as Buffer).length;
    },
  );
  return size;
}

describe("signed chunks", () => {
  it("the documented example decodes, every chunk signature checked in its chain", async () => {
    expect(await decode(body())).toBe(66560);
  });

  it("a byte changed in a chunk breaks its signature", async () => {
    await expect(decode(body(1))).rejects.toThrow("The chunk signature we calculated does not match");
  });
});
