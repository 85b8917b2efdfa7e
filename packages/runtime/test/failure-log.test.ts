import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { EMRClient } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { explainFailure } from "../src/internal/explain-failure.js";
import { readFailureLog } from "../src/internal/failure-log.js";
import { parseS3Uri } from "../src/internal/s3-get.js";
import { startS3Stub } from "./support/s3-stub.js";

const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "secret" };
const javaLog = 'Exception in thread "main" java.lang.IllegalStateException: no input\n\tat Job.main(Job.java:3)\n';

interface Seen {
  hostname: string;
  path: string;
  authorization: string;
}

/**
 * An EMR client whose HTTP handler records each request and answers it from `answers` (else 404 NoSuchKey), never
 * touching the network: the S3 client made from it shares the handler, so we see where S3's own rules send a GET.
 */
function recordingClient(
  config: { region: string; endpoint?: string },
  answers: { status: number; headers?: Record<string, string> }[] = [],
) {
  const seen: Seen[] = [];
  const requestHandler = {
    handle: async (request: { hostname: string; path: string; headers: Record<string, string> }) => {
      seen.push({ hostname: request.hostname, path: request.path, authorization: request.headers.authorization ?? "" });
      const answer = answers.shift() ?? { status: 404 };
      const xml =
        answer.status === 200
          ? javaLog
          : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${answer.status === 301 ? "PermanentRedirect" : "NoSuchKey"}</Code><Message>m</Message></Error>`;
      return {
        response: { statusCode: answer.status, headers: answer.headers ?? {}, body: Readable.from([Buffer.from(xml)]) },
      };
    },
  };
  return { client: new EMRClient({ ...config, credentials, requestHandler }), seen };
}

describe("where a step's log is read from S3", () => {
  it.each([
    ["aws-cn", "cn-north-1", "my-logs", "my-logs.s3.cn-north-1.amazonaws.com.cn", "/emr/stderr"],
    ["an ISO partition", "us-iso-east-1", "my-logs", "my-logs.s3.us-iso-east-1.c2s.ic.gov", "/emr/stderr"],
    [
      "a dotted bucket name over TLS (path style)",
      "us-east-1",
      "logs.example.com",
      "s3.us-east-1.amazonaws.com",
      "/logs.example.com/emr/stderr",
    ],
  ])(
    "%s: S3's own endpoint rules, the EMR client's region and credentials",
    async (_label, region, bucket, hostname, path) => {
      const { client, seen } = recordingClient({ region }, [{ status: 200 }]);
      const log = await readFailureLog(`s3://${bucket}/emr/stderr`, 0, client);
      expect(log).toEqual({ path: `s3://${bucket}/emr/stderr`, text: javaLog });
      expect(seen).toEqual([{ hostname, path, authorization: expect.stringContaining(`Credential=AKIDTEST/`) }]);
      expect(seen[0]?.authorization).toContain(`/${region}/s3/aws4_request`);
    },
  );

  it("a bucket in another region: followed there on S3's 301", async () => {
    const { client, seen } = recordingClient({ region: "us-east-1" }, [
      { status: 301, headers: { "x-amz-bucket-region": "eu-west-1" } },
      { status: 200 },
    ]);
    expect(await readFailureLog("s3://my-logs/emr/stderr", 0, client)).toMatchObject({ text: javaLog });
    expect(seen.map((s) => s.hostname)).toEqual([
      "my-logs.s3.us-east-1.amazonaws.com",
      "my-logs.s3.eu-west-1.amazonaws.com",
    ]);
  });

  it("an EMR-only custom endpoint (VPC) is not taken for S3; a local stack's is, path style", async () => {
    const vpc = recordingClient(
      { region: "us-east-1", endpoint: "https://vpce-0a1b-c2d3.elasticmapreduce.us-east-1.vpce.amazonaws.com" },
      [{ status: 200 }],
    );
    await readFailureLog("s3://my-logs/emr/stderr", 0, vpc.client);
    expect(vpc.seen.map((s) => [s.hostname, s.path])).toEqual([["my-logs.s3.us-east-1.amazonaws.com", "/emr/stderr"]]);
    const local = recordingClient({ region: "us-east-1", endpoint: "http://localhost:4566" }, [{ status: 200 }]);
    await readFailureLog("s3://my-logs/emr/stderr", 0, local.client);
    expect(local.seen.map((s) => [s.hostname, s.path])).toEqual([["localhost", "/my-logs/emr/stderr"]]);
  });
});

describe("explainFailure over HTTP (an S3 stub with the real S3 client)", () => {
  it("the probable cause from stderr.gz beside the LogFile EMR names; or, when the log cannot be read, why", async () => {
    const s3 = await startS3Stub({ "logs/j-1/steps/s-1/stderr.gz": gzipSync(javaLog) }, ["locked"]);
    const client = new EMRClient({ region: "us-east-1", endpoint: s3.endpoint, credentials });
    try {
      const read = { logFile: "s3://logs/j-1/steps/s-1/controller.gz" };
      await explainFailure(read, undefined, 0, client);
      expect(read).toMatchObject({
        probableCause: {
          summary: "java.lang.IllegalStateException: no input",
          logFile: "s3://logs/j-1/steps/s-1/stderr.gz",
        },
      });
      expect(read).not.toHaveProperty("logError");

      const denied: Parameters<typeof explainFailure>[0] = {};
      await explainFailure(denied, "s3://locked/j-1/steps/s-1/", 0, client);
      expect(denied).toEqual({ logError: "AccessDenied: Access Denied reading s3://locked/j-1/steps/s-1/stderr" });

      const noBucket: Parameters<typeof explainFailure>[0] = { logFile: "s3://gone/j-1/steps/s-1/stderr.gz" };
      await explainFailure(noBucket, undefined, 0, client);
      expect(noBucket.logError).toBe(
        "NoSuchBucket: The specified bucket does not exist reading s3://gone/j-1/steps/s-1/stderr.gz",
      );

      const missing: Parameters<typeof explainFailure>[0] = {};
      const started = Date.now();
      await explainFailure(missing, "s3://logs/j-1/steps/s-2/", 300, client);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(missing.logError).toBe(
        "not found: s3://logs/j-1/steps/s-2/stderr, s3://logs/j-1/steps/s-2/stderr.gz (waited 300 ms for the upload)",
      );
    } finally {
      client.destroy();
      await s3.close();
    }
  });

  it("a local log that is not there says so too", async () => {
    const client = new EMRClient({ region: "us-east-1", credentials });
    const failure: Parameters<typeof explainFailure>[0] = { logFile: "/nonexistent/emrkit/j-1/steps/s-1/stderr" };
    await explainFailure(failure, undefined, 0, client);
    expect(failure.logError).toBe(
      "not found: /nonexistent/emrkit/j-1/steps/s-1/stderr, /nonexistent/emrkit/j-1/steps/s-1/stderr.gz",
    );
  });
});

describe("parseS3Uri", () => {
  // The schemes the DSL's LogUri rule takes (Management Guide, "Work with storage and file systems": s3n and s3a
  // "still work"), and nothing else.
  it.each([
    ["s3://logs/j-1/steps/s-1/stderr.gz", { bucket: "logs", key: "j-1/steps/s-1/stderr.gz" }],
    ["s3n://logs/a", { bucket: "logs", key: "a" }],
    ["s3a://logs/a/b", { bucket: "logs", key: "a/b" }],
    ["s3x://logs/a", undefined],
    ["https://logs/a", undefined],
    ["s3://logs/", undefined],
  ])("%s", (uri, expected) => {
    expect(parseS3Uri(uri)).toEqual(expected);
  });
});
