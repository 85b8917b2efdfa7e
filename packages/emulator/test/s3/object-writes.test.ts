/**
 * Writes from the user's side, the ways they go wrong on a real machine: two clients putting the same key at
 * once, readers during overwrites (through the endpoint and on the plain file), a client that hangs up mid-body,
 * and a DeleteObjects without the digest S3 requires.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { beforeEach, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/index.js";
import { started } from "../support.js";
import { s3For } from "./s3-clients.js";

let emu: EmulatorHandle;
let s3: S3Client;
beforeEach(async () => {
  emu = await started();
  s3 = s3For(emu);
  await s3.send(new CreateBucketCommand({ Bucket: "data" }));
});

const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");
const uniform = (b: Buffer, byte: number) => b.every((x) => x === byte);
/** What is in the emulator's temporary folder besides the (empty) folder of multipart uploads. */
const temps = () => readdirSync(join(emu.s3Root, ".emrkit-tmp")).filter((n) => n !== "uploads");

describe("puts of the same key", () => {
  it("two clients at once: the object is one of the two bodies, whole, with that body's metadata and ETag", async () => {
    const a = Buffer.alloc(3 << 20, 97);
    const b = Buffer.alloc(2 << 20, 98);
    const other = s3For(emu);
    for (let round = 0; round < 12; round++) {
      await Promise.all([
        s3.send(
          new PutObjectCommand({ Bucket: "data", Key: "k", Body: a, ContentType: "text/a", Metadata: { who: "a" } }),
        ),
        other.send(
          new PutObjectCommand({ Bucket: "data", Key: "k", Body: b, ContentType: "text/b", Metadata: { who: "b" } }),
        ),
      ]);
      const got = await s3.send(new GetObjectCommand({ Bucket: "data", Key: "k" }));
      const body = Buffer.from(await got.Body!.transformToByteArray());
      const which = body[0] === 97 ? a : b;
      expect(body.equals(which)).toBe(true);
      expect(got.ETag).toBe(`"${md5(which)}"`);
      expect(got.ContentType).toBe(which === a ? "text/a" : "text/b");
      expect(got.Metadata).toEqual({ who: which === a ? "a" : "b" });
      expect(readFileSync(join(emu.s3Root, "data", "k")).equals(which)).toBe(true);
    }
    expect(temps()).toEqual([]);
  });

  it("a reader during overwrites sees the old object or the new one, whole — through the endpoint and on the file", async () => {
    const size = 3 << 19; // 1.5 MiB: streamed to a temporary file, not held in memory
    const bodies = [Buffer.alloc(size, 97), Buffer.alloc(size, 98)];
    await s3.send(new PutObjectCommand({ Bucket: "data", Key: "k", Body: bodies[0]! }));
    let writing = true;
    const writer = (async () => {
      for (let i = 1; i <= 16; i++)
        await s3.send(new PutObjectCommand({ Bucket: "data", Key: "k", Body: bodies[i % 2]! }));
      writing = false;
    })();
    const reader = s3For(emu);
    let reads = 0;
    let fileReads = 0;
    while (writing) {
      const got = await reader.send(new GetObjectCommand({ Bucket: "data", Key: "k" }));
      const body = Buffer.from(await got.Body!.transformToByteArray());
      expect(body.length).toBe(size);
      expect(uniform(body, body[0]!)).toBe(true);
      expect(got.ETag).toBe(`"${md5(body)}"`);
      reads++;
      // Another process's view, the plain file: never a part of a body (a missing file is allowed, replace-file.ts).
      try {
        const file = readFileSync(join(emu.s3Root, "data", "k"));
        expect(file.length).toBe(size);
        expect(uniform(file, file[0]!)).toBe(true);
        fileReads++;
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe("ENOENT");
      }
    }
    await writer;
    expect(reads).toBeGreaterThan(3);
    expect(fileReads).toBeGreaterThan(0);
  });
});

/** A PUT that sends `sent` bytes of the `declared` it promised, then hangs up. */
function cutOffPut(endpoint: string, key: string, declared: number, sent: number): Promise<void> {
  const url = new URL(endpoint);
  return new Promise((done) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      method: "PUT",
      path: `/data/${key}`,
      headers: { "content-length": declared, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    });
    req.on("error", () => done());
    req.on("close", () => done());
    req.write(Buffer.alloc(sent, 1), () => setTimeout(() => req.destroy(), 100));
  });
}

describe("a client that hangs up mid-body", () => {
  for (const [what, declared, sent] of [
    ["streamed to a file", 8 << 20, 3 << 20],
    ["held in memory", 600_000, 200_000],
  ] as const) {
    it(`leaves no object and no temporary file (${what})`, async () => {
      await cutOffPut(emu.s3Endpoint, "cut", declared, sent);
      for (let i = 0; i < 50 && temps().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(temps()).toEqual([]);
      const head = await s3.send(new HeadObjectCommand({ Bucket: "data", Key: "cut" })).catch((e: Error) => e);
      expect((head as Error).name).toBe("NotFound");
      expect(readdirSync(join(emu.s3Root, "data"))).toEqual([]);
    });
  }
});

/** A bare POST /data?delete with these headers: the status and body S3's answer has. */
function postDelete(endpoint: string, xml: string, headers: Record<string, string>): Promise<[number, string]> {
  const url = new URL(endpoint);
  return new Promise((done, fail) => {
    const req = request(
      { host: url.hostname, port: url.port, method: "POST", path: "/data?delete", headers },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => {
          text += c.toString("utf8");
        });
        res.on("end", () => done([res.statusCode!, text]));
      },
    );
    req.on("error", fail);
    req.end(xml);
  });
}

describe("DeleteObjects", () => {
  const xml = "<Delete><Object><Key>gone</Key></Object></Delete>";
  it("without Content-MD5 or a checksum header is refused as S3 refuses it, and deletes nothing", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "data", Key: "gone", Body: "x" }));
    const [status, text] = await postDelete(emu.s3Endpoint, xml, { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" });
    expect(status).toBe(400);
    expect(text).toContain("<Code>InvalidRequest</Code>");
    expect(text).toContain("Missing required header for this request: Content-MD5");
    expect(readFileSync(join(emu.s3Root, "data", "gone"), "utf8")).toBe("x");
  });

  it("with Content-MD5, or with a checksum header instead (the SDKs' default since 2025), deletes", async () => {
    for (const digest of [
      { "content-md5": createHash("md5").update(xml).digest("base64") },
      { "x-amz-checksum-sha256": createHash("sha256").update(xml).digest("base64") },
    ]) {
      await s3.send(new PutObjectCommand({ Bucket: "data", Key: "gone", Body: "x" }));
      const [status, text] = await postDelete(emu.s3Endpoint, xml, {
        "x-amz-content-sha256": "UNSIGNED-PAYLOAD",
        ...digest,
      });
      expect([status, text]).toEqual([200, expect.stringContaining("<Deleted><Key>gone</Key></Deleted>")]);
      expect(readdirSync(join(emu.s3Root, "data"))).toEqual([]);
    }
  });
});

describe("the description kept beside an object", () => {
  it("reads back as the last put's, on disk, whether it grew, shrank, or passed a page", async () => {
    const file = join(emu.dataDir, "s3-meta", "data", `${createHash("sha256").update("k").digest("hex")}.json`);
    for (const size of [10, 1500, 3, 5000, 7, 2000, 1]) {
      const Metadata = { note: "n".repeat(size) };
      await s3.send(new PutObjectCommand({ Bucket: "data", Key: "k", Body: "x", Metadata, ContentType: `t/${size}` }));
      const stored = JSON.parse(readFileSync(file, "utf8"));
      expect(stored).toMatchObject({ meta: Metadata, contentType: `t/${size}`, size: 1 });
    }
  });
});

/** How many files this process has open. */
const openFiles = () => readdirSync("/proc/self/fd").length;

describe("gets of big objects (streamed from the file)", () => {
  it("a range across the reads' 1 MiB steps is the file's bytes, and a client gone mid-body leaves no file open", async () => {
    const body = Buffer.alloc(5 << 20);
    for (let i = 0; i < body.length; i += 4) body.writeUInt32BE(i, i);
    await s3.send(new PutObjectCommand({ Bucket: "data", Key: "big", Body: body }));
    const ranged = await s3.send(new GetObjectCommand({ Bucket: "data", Key: "big", Range: "bytes=1000001-3145730" }));
    expect(Buffer.from(await ranged.Body!.transformToByteArray()).equals(body.subarray(1000001, 3145731))).toBe(true);
    expect(ranged.ContentRange).toBe(`bytes 1000001-3145730/${body.length}`);
    if (!existsSync("/proc/self/fd")) return;
    const before = openFiles();
    const url = new URL(emu.s3Endpoint);
    for (let i = 0; i < 8; i++) {
      await new Promise<void>((done) => {
        const req = request({ host: url.hostname, port: url.port, path: "/data/big" }, (res) => {
          res.once("data", () => req.destroy());
        });
        req.on("close", () => done());
        req.on("error", () => undefined);
        req.end();
      });
    }
    for (let i = 0; i < 40 && openFiles() > before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(openFiles()).toBeLessThanOrEqual(before);
  });
});
