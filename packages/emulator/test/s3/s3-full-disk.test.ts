/**
 * The local S3 endpoint on a real full disk: the data directory (object descriptions) and the S3 root on one small
 * tmpfs (mounting one needs root; skipped loudly otherwise). Puts go on until the disk refuses them. Every refusal
 * is S3's InternalError (500) naming the cause, the server stays up, every acknowledged object reads back whole
 * with its ETag and content type, an overwrite refused for want of room leaves the old object as it was, no
 * temporary file is left, and once room is made the same put succeeds.
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { smallTmpfs } from "../durability/small-tmpfs.js";
import { started } from "../support.js";
import { tempDir } from "../temp-dir.js";
import { s3For } from "./s3-clients.js";

const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");

describe("the local S3 endpoint on a full disk (a 512 KiB tmpfs)", () => {
  it("refuses with InternalError, keeps every acknowledged object and the old one it could not replace", async () => {
    const disk = smallTmpfs("512k", "S3 full-disk test");
    if (!disk) return;
    const emu = await started({ dataDir: join(disk, "data") });
    // No SDK retries: each refusal is seen as the server gave it.
    const s3 = s3For(emu);
    s3.config.maxAttempts = async () => 1;
    await s3.send(new CreateBucketCommand({ Bucket: "full" }));
    const kept = Buffer.from("the first object, to be replaced when the disk is full\n");
    await s3.send(new PutObjectCommand({ Bucket: "full", Key: "kept.txt", Body: kept, ContentType: "text/plain" }));

    const acknowledged = new Map<string, Buffer>();
    const refusals: string[] = [];
    for (let n = 0; n < 200 && refusals.length < 5; n++) {
      const body = Buffer.alloc(24 << 10, n % 251);
      const key = `fill/${n}.bin`;
      try {
        const put = await s3.send(new PutObjectCommand({ Bucket: "full", Key: key, Body: body }));
        expect(put.ETag).toBe(`"${md5(body)}"`);
        acknowledged.set(key, body);
      } catch (error) {
        expect(error).toBeInstanceOf(S3ServiceException);
        const { name, message, $metadata } = error as S3ServiceException;
        expect([name, $metadata.httpStatusCode]).toEqual(["InternalError", 500]);
        refusals.push(message);
      }
    }
    expect(refusals.length, "the disk never filled").toBeGreaterThan(0);
    expect(acknowledged.size).toBeGreaterThan(0);
    for (const message of refusals) expect(message).toMatch(/ENOSPC|no space left on device/i);

    // The old object, overwritten by a body the disk has no room for: refused, and the old one whole.
    const bigger = Buffer.alloc(256 << 10, 7);
    await expect(
      s3.send(new PutObjectCommand({ Bucket: "full", Key: "kept.txt", Body: bigger, ContentType: "text/big" })),
    ).rejects.toMatchObject({ name: "InternalError" });
    const old = await s3.send(new GetObjectCommand({ Bucket: "full", Key: "kept.txt" }));
    expect(Buffer.from(await old.Body!.transformToByteArray()).equals(kept)).toBe(true);
    expect([old.ETag, old.ContentType]).toEqual([`"${md5(kept)}"`, "text/plain"]);

    // Alive, and everything it said it stored is there, whole, with its ETag.
    for (const [key, body] of acknowledged) {
      const got = await s3.send(new GetObjectCommand({ Bucket: "full", Key: key }));
      expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body), key).toBe(true);
      expect(got.ETag, key).toBe(`"${md5(body)}"`);
    }
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: "full", Prefix: "fill/" }));
    expect(listed.Contents?.map((o) => o.Key).sort()).toEqual([...acknowledged.keys()].sort());
    expect(readdirSync(join(emu.s3Root, ".emrkit-tmp")).filter((name) => name !== "uploads")).toEqual([]);

    // Room made: the refused overwrite now goes through.
    for (const key of acknowledged.keys()) await s3.send(new DeleteObjectCommand({ Bucket: "full", Key: key }));
    await s3.send(new PutObjectCommand({ Bucket: "full", Key: "kept.txt", Body: bigger, ContentType: "text/big" }));
    const now = await s3.send(new GetObjectCommand({ Bucket: "full", Key: "kept.txt" }));
    expect(Buffer.from(await now.Body!.transformToByteArray()).equals(bigger)).toBe(true);
    expect(now.ContentType).toBe("text/big");
    await emu.close();
  }, 60_000);

  it("with only the descriptions' disk full: a new key (or folder key) is refused and not there; a key described before is replaced", async () => {
    const disk = smallTmpfs("64k", "S3 full-disk test");
    if (!disk) return;
    const emu = await started({ dataDir: join(disk, "data"), s3Root: tempDir("emrkit-s3-full-root-") });
    const s3 = s3For(emu);
    s3.config.maxAttempts = async () => 1;
    await s3.send(new CreateBucketCommand({ Bucket: "meta" }));
    const put = (Key: string, Body: Buffer, ContentType: string) =>
      s3.send(new PutObjectCommand({ Bucket: "meta", Key, Body, ContentType }));
    await put("described", Buffer.from("old"), "text/old");
    const refused: string[] = [];
    for (let n = 0; n < 1000 && refused.length < 3; n++) {
      await put(`k${n}`, Buffer.alloc(100, n % 251), "text/x").catch((error: S3ServiceException) => {
        expect([error.name, error.message]).toEqual(["InternalError", expect.stringMatching(/ENOSPC/)]);
        refused.push(`k${n}`);
      });
    }
    expect(refused.length, "the descriptions' disk never filled").toBeGreaterThan(0);
    // A refused put leaves no object: not one without the content type it was sent with.
    for (const Key of refused) {
      await expect(s3.send(new GetObjectCommand({ Bucket: "meta", Key }))).rejects.toMatchObject({ name: "NoSuchKey" });
    }
    expect(readdirSync(join(emu.s3Root, "meta")).filter((name) => refused.includes(name))).toEqual([]);
    // A folder key likewise: refused, and no folder left that would make the key `folder` a folder of objects.
    await expect(put("folder/", Buffer.alloc(0), "application/x-directory")).rejects.toMatchObject({
      name: "InternalError",
      message: expect.stringMatching(/ENOSPC/),
    });
    expect(readdirSync(join(emu.s3Root, "meta"))).not.toContain("folder");
    // The key described before needs no room for its new description: the overwrite goes through, whole.
    const fresh = Buffer.from("new body");
    await put("described", fresh, "text/new");
    const got = await s3.send(new GetObjectCommand({ Bucket: "meta", Key: "described" }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(fresh)).toBe(true);
    expect([got.ETag, got.ContentType]).toEqual([`"${md5(fresh)}"`, "text/new"]);
    await emu.close();
  }, 60_000);
});
