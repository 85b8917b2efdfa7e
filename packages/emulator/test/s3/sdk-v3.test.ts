/**
 * The local S3 endpoint with @aws-sdk/client-s3 and @aws-sdk/lib-storage, signatures checked: what lands in the
 * folder is a plain file, what comes back is what went in, and S3's own error codes for what S3 refuses.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { beforeEach, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/index.js";
import { started } from "../support.js";
import { LOCAL, s3For } from "./s3-clients.js";

let emu: EmulatorHandle;
let s3: S3Client;
beforeEach(async () => {
  emu = await started({ verifySignatures: LOCAL });
  s3 = s3For(emu);
  await s3.send(new CreateBucketCommand({ Bucket: "data" }));
});

async function failure(p: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string }> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(S3ServiceException);
  const e = error as S3ServiceException;
  return { name: e.name, status: e.$metadata.httpStatusCode, message: e.message };
}

describe("objects", () => {
  it("a put is a plain file under <s3Root>/<bucket>/<key>, and comes back with its type, metadata and MD5 ETag", async () => {
    const body = "id,n\n1,2\n";
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: "data",
        Key: "in/day=1/a.csv",
        Body: body,
        ContentType: "text/csv",
        Metadata: { owner: "me" },
      }),
    );
    expect(put.ETag).toBe(`"${createHash("md5").update(body).digest("hex")}"`);
    expect(readFileSync(join(emu.s3Root, "data", "in", "day=1", "a.csv"), "utf8")).toBe(body);
    const got = await s3.send(new GetObjectCommand({ Bucket: "data", Key: "in/day=1/a.csv" }));
    expect(await got.Body!.transformToString()).toBe(body);
    expect(got).toMatchObject({
      ContentType: "text/csv",
      Metadata: { owner: "me" },
      ETag: put.ETag,
      ContentLength: body.length,
    });
    // No sidecar inside the bucket's folder: the layout is the objects' alone.
    expect(readdirSync(join(emu.s3Root, "data", "in", "day=1"))).toEqual(["a.csv"]);
  });

  it("a file put in the folder by hand is an object (binary/octet-stream, its MD5 as ETag)", async () => {
    writeFileSync(join(emu.s3Root, "data", "by-hand.txt"), "hello");
    const head = await s3.send(new HeadObjectCommand({ Bucket: "data", Key: "by-hand.txt" }));
    expect(head).toMatchObject({
      ContentLength: 5,
      ContentType: "binary/octet-stream",
      ETag: `"${createHash("md5").update("hello").digest("hex")}"`,
    });
    writeFileSync(join(emu.s3Root, "data", "by-hand.txt"), "changed!");
    const again = await s3.send(new GetObjectCommand({ Bucket: "data", Key: "by-hand.txt" }));
    expect(await again.Body!.transformToString()).toBe("changed!");
    expect(again.ETag).toBe(`"${createHash("md5").update("changed!").digest("hex")}"`);
  });

  it("ranges, as S3 reads them; one past the end is InvalidRange (416)", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "data", Key: "r", Body: "0123456789" }));
    const get = async (Range: string) => {
      const out = await s3.send(new GetObjectCommand({ Bucket: "data", Key: "r", Range }));
      return [await out.Body!.transformToString(), out.ContentRange];
    };
    expect(await get("bytes=2-4")).toEqual(["234", "bytes 2-4/10"]);
    expect(await get("bytes=7-")).toEqual(["789", "bytes 7-9/10"]);
    expect(await get("bytes=-3")).toEqual(["789", "bytes 7-9/10"]);
    expect(await get("bytes=8-100")).toEqual(["89", "bytes 8-9/10"]);
    expect(
      await failure(s3.send(new GetObjectCommand({ Bucket: "data", Key: "r", Range: "bytes=10-" }))),
    ).toMatchObject({ name: "InvalidRange", status: 416 });
  });

  it("conditional reads: If-None-Match of the ETag is 304, If-Match of another is 412", async () => {
    const { ETag } = await s3.send(new PutObjectCommand({ Bucket: "data", Key: "c", Body: "x" }));
    expect(await failure(s3.send(new GetObjectCommand({ Bucket: "data", Key: "c", IfNoneMatch: ETag })))).toMatchObject(
      { status: 304 },
    );
    expect(await failure(s3.send(new GetObjectCommand({ Bucket: "data", Key: "c", IfMatch: '"nope"' })))).toMatchObject(
      { name: "PreconditionFailed", status: 412 },
    );
  });

  it("lib-storage's Upload of 12 MiB goes multipart, and the ETag is md5-of-md5s-N", async () => {
    const body = randomBytes(12 * 1024 * 1024);
    const done = await new Upload({
      client: s3,
      params: { Bucket: "data", Key: "big/file.bin", Body: body },
      partSize: 5 * 1024 * 1024,
    }).done();
    const parts = [0, 1, 2].map((i) =>
      createHash("md5")
        .update(body.subarray(i * 5 * 1024 * 1024, (i + 1) * 5 * 1024 * 1024))
        .digest(),
    );
    expect(done.ETag).toBe(`"${createHash("md5").update(Buffer.concat(parts)).digest("hex")}-3"`);
    expect(readFileSync(join(emu.s3Root, "data", "big", "file.bin")).equals(body)).toBe(true);
    // Nothing of the upload is left over.
    expect(readdirSync(join(emu.s3Root, ".emrkit-tmp", "uploads"))).toEqual([]);
  });

  it("copy keeps the source's metadata (COPY) or takes the request's (REPLACE); copying onto itself unchanged is refused", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "data", Key: "src key+1", Body: "abc", ContentType: "text/plain" }));
    await s3.send(new CopyObjectCommand({ Bucket: "data", Key: "copies/a", CopySource: "data/src%20key%2B1" }));
    expect(await s3.send(new HeadObjectCommand({ Bucket: "data", Key: "copies/a" }))).toMatchObject({
      ContentType: "text/plain",
      ContentLength: 3,
    });
    await s3.send(
      new CopyObjectCommand({
        Bucket: "data",
        Key: "copies/b",
        CopySource: "data/src%20key%2B1",
        MetadataDirective: "REPLACE",
        ContentType: "text/csv",
      }),
    );
    expect((await s3.send(new HeadObjectCommand({ Bucket: "data", Key: "copies/b" }))).ContentType).toBe("text/csv");
    expect(
      await failure(s3.send(new CopyObjectCommand({ Bucket: "data", Key: "copies/a", CopySource: "data/copies/a" }))),
    ).toMatchObject({ name: "InvalidRequest", status: 400 });
  });

  it("delete and delete-objects remove the files and the folders they leave empty", async () => {
    for (const Key of ["x/y/1", "x/y/2", "x/3"])
      await s3.send(new PutObjectCommand({ Bucket: "data", Key, Body: "-" }));
    await s3.send(new DeleteObjectCommand({ Bucket: "data", Key: "x/3" }));
    await s3.send(new DeleteObjectCommand({ Bucket: "data", Key: "never/there" }));
    const out = await s3.send(
      new DeleteObjectsCommand({
        Bucket: "data",
        Delete: { Objects: [{ Key: "x/y/1" }, { Key: "x/y/2" }, { Key: "../escape" }] },
      }),
    );
    expect(out.Deleted?.map((d) => d.Key)).toEqual(["x/y/1", "x/y/2"]);
    expect(out.Errors).toMatchObject([{ Key: "../escape", Code: "InvalidArgument" }]);
    expect(existsSync(join(emu.s3Root, "data", "x"))).toBe(false);
  });

  it("a key that is a folder of others, or under an object, cannot be a file: InvalidArgument says why", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "data", Key: "a/b", Body: "1" }));
    const asFile = await failure(s3.send(new PutObjectCommand({ Bucket: "data", Key: "a", Body: "2" })));
    expect(asFile).toMatchObject({ name: "InvalidArgument", status: 400 });
    expect(asFile.message).toContain("it is the folder of other objects");
    const under = await failure(s3.send(new PutObjectCommand({ Bucket: "data", Key: "a/b/c", Body: "3" })));
    expect(under.message).toContain("a part of its path is an object");
    expect(readFileSync(join(emu.s3Root, "data", "a", "b"), "utf8")).toBe("1");
  });

  it("a folder marker (`dir/`, as S3A and the console make) is a folder, listed as its key", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "data", Key: "out/_temporary/", Body: "" }));
    expect(existsSync(join(emu.s3Root, "data", "out", "_temporary"))).toBe(true);
    const list = await s3.send(new ListObjectsV2Command({ Bucket: "data", Prefix: "out/" }));
    expect(list.Contents?.map((c) => [c.Key, c.Size])).toEqual([["out/_temporary/", 0]]);
    expect(await failure(s3.send(new PutObjectCommand({ Bucket: "data", Key: "full/", Body: "x" })))).toMatchObject({
      name: "InvalidArgument",
    });
  });
});

describe("listing", () => {
  it("prefix, delimiter, max-keys and continuation walk every key once, in S3's order", async () => {
    const keys = ["a-b", "a/1", "a/2", "a/sub/3", "b", "c/d/e", "ü"];
    for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: "data", Key, Body: Key }));
    const seen: string[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: "data", MaxKeys: 2, ContinuationToken }));
      expect(page.KeyCount).toBeLessThanOrEqual(2);
      seen.push(...(page.Contents ?? []).map((c) => c.Key!));
      ContinuationToken = page.NextContinuationToken;
    } while (ContinuationToken);
    expect(seen).toEqual(keys);
    const top = await s3.send(new ListObjectsV2Command({ Bucket: "data", Delimiter: "/" }));
    expect(top.Contents?.map((c) => c.Key)).toEqual(["a-b", "b", "ü"]);
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(["a/", "c/"]);
    const inA = await s3.send(
      new ListObjectsV2Command({ Bucket: "data", Prefix: "a/", Delimiter: "/", StartAfter: "a/1" }),
    );
    expect([inA.Contents?.map((c) => c.Key), inA.CommonPrefixes?.map((p) => p.Prefix)]).toEqual([["a/2"], ["a/sub/"]]);
    // Common prefixes count against max-keys and a continuation does not give one twice.
    const first = await s3.send(new ListObjectsV2Command({ Bucket: "data", Delimiter: "/", MaxKeys: 2 }));
    const rest = await s3.send(
      new ListObjectsV2Command({ Bucket: "data", Delimiter: "/", ContinuationToken: first.NextContinuationToken }),
    );
    expect([first.IsTruncated, (first.Contents ?? []).length + (first.CommonPrefixes ?? []).length]).toEqual([true, 2]);
    expect(
      [...(rest.Contents ?? []).map((c) => c.Key), ...(rest.CommonPrefixes ?? []).map((p) => p.Prefix)].sort(),
    ).toEqual(["b", "c/", "ü"]);
  });
});

describe("buckets", () => {
  it("create, list, head, delete; BucketAlreadyOwnedByYou outside us-east-1; BucketNotEmpty; NoSuchBucket", async () => {
    const eu = s3For(emu, { region: "eu-west-1" });
    await eu.send(
      new CreateBucketCommand({ Bucket: "second", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }),
    );
    expect((await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual(["data", "second"]);
    expect(await failure(eu.send(new CreateBucketCommand({ Bucket: "second" })))).toMatchObject({
      name: "BucketAlreadyOwnedByYou",
      status: 409,
    });
    await s3.send(new CreateBucketCommand({ Bucket: "second" })); // us-east-1 answers 200
    await s3.send(new HeadBucketCommand({ Bucket: "second" }));
    await s3.send(new PutObjectCommand({ Bucket: "second", Key: "k", Body: "v" }));
    expect(await failure(s3.send(new DeleteBucketCommand({ Bucket: "second" })))).toMatchObject({
      name: "BucketNotEmpty",
      status: 409,
    });
    await s3.send(new DeleteObjectCommand({ Bucket: "second", Key: "k" }));
    await s3.send(new DeleteBucketCommand({ Bucket: "second" }));
    expect(existsSync(join(emu.s3Root, "second"))).toBe(false);
    expect(await failure(s3.send(new GetObjectCommand({ Bucket: "second", Key: "k" })))).toMatchObject({
      name: "NoSuchBucket",
      status: 404,
    });
    expect(await failure(s3.send(new GetObjectCommand({ Bucket: "data", Key: "none" })))).toMatchObject({
      name: "NoSuchKey",
      status: 404,
    });
    expect(await failure(s3.send(new CreateBucketCommand({ Bucket: "Bad_Name" })))).toMatchObject({
      name: "InvalidBucketName",
    });
  });

  it("virtual-hosted addressing: with an endpoint on localhost and forcePathStyle off, the SDK sends bucket.localhost", async () => {
    const port = new URL(emu.s3Endpoint).port;
    const seen: string[] = [];
    const vhost = s3For(emu, { endpoint: `http://localhost:${port}`, forcePathStyle: false });
    vhost.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { hostname: string };
        seen.push(request.hostname);
        // bucket.localhost does not resolve everywhere; the request still carries it in Host and its signature.
        request.hostname = "127.0.0.1";
        return next(args);
      },
      { step: "finalizeRequest", priority: "low" },
    );
    await vhost.send(new PutObjectCommand({ Bucket: "data", Key: "v/h.txt", Body: "vhost" }));
    expect(seen).toEqual(["data.localhost"]);
    expect(readFileSync(join(emu.s3Root, "data", "v", "h.txt"), "utf8")).toBe("vhost");
  });
});

describe("signatures", () => {
  it("a wrong secret is SignatureDoesNotMatch, an unknown key InvalidAccessKeyId, a scope of mars-1 AuthorizationHeaderMalformed", async () => {
    expect(await failure(s3For(emu, { secret: "wrong" }).send(new ListBucketsCommand({})))).toMatchObject({
      name: "SignatureDoesNotMatch",
      status: 403,
    });
    const stranger = new (await import("@aws-sdk/client-s3")).S3Client({
      endpoint: emu.s3Endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "AKIDSTRANGER", secretAccessKey: "x" },
    });
    expect(await failure(stranger.send(new ListBucketsCommand({})))).toMatchObject({
      name: "InvalidAccessKeyId",
      status: 403,
    });
    expect(await failure(s3For(emu, { region: "mars-1" }).send(new ListBucketsCommand({})))).toMatchObject({
      name: "AuthorizationHeaderMalformed",
      status: 400,
    });
  });

  it("an unsigned request is AccessDenied, with S3's XML error body and a RequestId", async () => {
    const res = await fetch(`${emu.s3Endpoint}/data/x`);
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>AccessDenied<\/Code><Message>Access Denied<\/Message><RequestId>[0-9A-F]{16}<\/RequestId>/,
    );
    expect(res.headers.get("x-amz-request-id")).toMatch(/^[0-9A-F]{16}$/);
  });

  it("a streamed body (STREAMING-UNSIGNED-PAYLOAD-TRAILER with a CRC32 trailer, SDK v3's default) is checked", async () => {
    const { Readable } = await import("node:stream");
    const headers: Record<string, string> = {};
    s3.middlewareStack.add(
      (next) => async (args) => {
        Object.assign(headers, (args.request as { headers: Record<string, string> }).headers);
        return next(args);
      },
      { step: "finalizeRequest", priority: "low" },
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: "data",
        Key: "stream",
        Body: Readable.from([Buffer.from("abc"), Buffer.from("def")]),
        ContentLength: 6,
      }),
    );
    expect(headers["x-amz-content-sha256"]).toBe("STREAMING-UNSIGNED-PAYLOAD-TRAILER");
    expect(headers["x-amz-trailer"]).toBe("x-amz-checksum-crc32");
    expect(readFileSync(join(emu.s3Root, "data", "stream"), "utf8")).toBe("abcdef");
  });
});
