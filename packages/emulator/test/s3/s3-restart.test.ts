/**
 * The local S3 endpoint across a kill -9 of its emulator (serve.ts as a process): a PUT cut short by the kill leaves
 * its temporary file in `<s3Root>/.emrkit-tmp`, which the next start on that data directory removes before it
 * serves; multipart uploads in progress do not outlive the emulator (their parts are in that folder): after the
 * restart ListMultipartUploads has none, the old upload id is NoSuchUpload, and nothing of it is left on disk.
 */
import { existsSync, readdirSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { afterEach, describe, expect, it } from "vitest";
import { type ServeProcess, serveProcess } from "../hardening/harness.js";
import { tempDir } from "../temp-dir.js";

const running: ServeProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.kill9()));
});

const client = (endpoint: string) =>
  new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });

/** Everything under a folder, as paths relative to it. */
const tree = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: "utf8" }).sort() : [];

describe("the local S3 endpoint after kill -9", () => {
  it("removes the temporary file of a PUT the kill cut short, and the multipart uploads in progress", async () => {
    const dataDir = tempDir("emrkit-s3-restart-");
    const first = await serveProcess(dataDir);
    running.push(first);
    const s3 = client(first.s3Endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: "data" }));
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: "data", Key: "big" }));
    await s3.send(
      new UploadPartCommand({ Bucket: "data", Key: "big", UploadId, PartNumber: 1, Body: Buffer.alloc(5 << 20, 1) }),
    );
    // A PUT of 16 MiB that has sent 4: its temporary file is there when the emulator dies.
    const url = new URL(first.s3Endpoint);
    const put = request({
      host: url.hostname,
      port: url.port,
      method: "PUT",
      path: "/data/cut",
      headers: { "content-length": 16 << 20, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    });
    put.on("error", () => undefined);
    put.write(Buffer.alloc(4 << 20, 2));
    const tmp = join(dataDir, "s3", ".emrkit-tmp");
    const temps = () => tree(tmp).filter((p) => !p.startsWith("uploads"));
    for (let i = 0; i < 100 && temps().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(temps()).toHaveLength(1);
    await first.kill9();
    put.destroy();
    expect(temps()).toHaveLength(1);
    expect(tree(join(tmp, "uploads")).length).toBeGreaterThan(0);

    const second = await serveProcess(dataDir);
    running.push(second);
    expect(tree(tmp)).toEqual([]);
    const again = client(second.s3Endpoint);
    expect((await again.send(new ListMultipartUploadsCommand({ Bucket: "data" }))).Uploads ?? []).toEqual([]);
    const gone = await again
      .send(new UploadPartCommand({ Bucket: "data", Key: "big", UploadId, PartNumber: 2, Body: "x" }))
      .catch((e: Error) => e);
    expect((gone as Error).name).toBe("NoSuchUpload");
    const head = await again.send(new HeadObjectCommand({ Bucket: "data", Key: "cut" })).catch((e: Error) => e);
    expect((head as Error).name).toBe("NotFound");
    expect(tree(join(dataDir, "s3", "data"))).toEqual([]);
  }, 60_000);
});
