/**
 * boto3 against the local S3 endpoint, signatures checked (boto3_s3.py prints what it saw). Skipped, loudly,
 * where python3 and boto3 are not installed.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { clientEnv, HAS_BOTO3, warnIfMissing } from "../interop/clients.js";
import { started } from "../support.js";
import { LOCAL } from "./s3-clients.js";

const run$ = promisify(execFile);
warnIfMissing("S3 tests");

describe.skipIf(!HAS_BOTO3)("boto3 against the local S3 endpoint", () => {
  it("put/get, paginated lists (v2 and v1), multipart, presigned GET, and S3's error codes", async () => {
    const emu = await started({ verifySignatures: LOCAL });
    const script = new URL("./boto3_s3.py", import.meta.url).pathname;
    const { stdout } = await run$("python3", [script, emu.s3Endpoint], { env: clientEnv(LOCAL) });
    expect(JSON.parse(stdout)).toEqual({
      put_get: { etag: '"5d41402abc4b2a76b9719d911017c592"', body: "hello", type: "text/plain", meta: { k: "v" } },
      paginate: [["many/00", "many/01", "many/02"], ["many/03", "many/04", "many/05"], ["many/06"]],
      list_v1_prefixes: ["a/", "many/"],
      multipart: { parts: [5 * 1024 * 1024, 4], etag_ok: true, size: 5 * 1024 * 1024 + 4, type: "application/x-test" },
      too_small: ["EntityTooSmall", 400],
      aborted: ["NoSuchUpload", 404],
      presigned_v2: { body: "hello", sigv4: false, tampered: [403, true] },
      presigned_v4: { body: "hello", sigv4: true, tampered: [403, true] },
      errors: { no_key: ["NoSuchKey", 404], no_bucket: ["NoSuchBucket", 404], dotdot: ["InvalidArgument", 400] },
    });
  }, 120_000);
});
