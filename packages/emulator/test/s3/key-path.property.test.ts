/**
 * Keys never escape the bucket's folder: any key string is either refused with an S3 error or lands inside it,
 * for the mapping (many runs) and end to end over HTTP (fewer: real puts), with `..`, `%2e%2e`, absolute paths and
 * NUL in the mix; and the keys that cannot be files say so.
 */
import { readdirSync, statSync } from "node:fs";
import { request } from "node:http";
import { isAbsolute, join, relative } from "node:path";
import { CreateBucketCommand, PutObjectCommand, S3ServiceException } from "@aws-sdk/client-s3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyPath } from "../../src/s3/key-path.js";
import { S3Error } from "../../src/s3/s3-error.js";
import { started } from "../support.js";
import { tempDir } from "../temp-dir.js";
import { s3For } from "./s3-clients.js";

/** Keys made of the parts that try to get out, and of anything else. */
const key = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom("..", ".", "%2e%2e", "%2E%2e", "", "/", "\\..", "..\\", "\0", "/etc/passwd", "~", "a", "é"),
        fc.string({ maxLength: 6 }),
      ),
      { minLength: 1, maxLength: 8 },
    ),
    fc.constantFrom("/", ""),
  )
  .map(([parts, glue]) => parts.join(glue))
  // An empty key is no object: `PUT /bucket/` is CreateBucket.
  .filter((k) => k !== "");

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
};

describe("key → path", () => {
  it("any key is refused with an S3 error or maps to a path inside its bucket's folder", () => {
    const bucketDir = "/srv/s3/data";
    fc.assert(
      fc.property(fc.oneof(key, fc.string({ maxLength: 40 })), (k) => {
        let path: string;
        try {
          path = keyPath(bucketDir, k).path;
        } catch (error) {
          expect(error).toBeInstanceOf(S3Error);
          expect(["InvalidArgument", "KeyTooLongError"]).toContain((error as S3Error).code);
          return;
        }
        expect(inside(bucketDir, path)).toBe(true);
        // A storable key is its own path: parts as folders, nothing dropped or added.
        expect(relative(bucketDir, path)).toBe(k.replace(/\/$/, ""));
      }),
      { numRuns: 2000 },
    );
  });

  it("says why a key cannot be a file", () => {
    const why = (k: string) => {
      try {
        keyPath("/r/b", k);
        return "stored";
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(why("../x")).toContain("a '..' part, which names another folder");
    expect(why("/abs")).toContain("an empty part (a leading '/' or '//')");
    expect(why("a//b")).toContain("an empty part");
    expect(why("a\0b")).toContain("NUL");
    expect(why(`${"x".repeat(256)}/y`)).toContain("256 bytes, longer than a file name may be (255)");
    expect(why("k".repeat(1025))).toContain("1025 bytes, the limit is 1024");
    expect(why("a/./b")).toContain("a '.' part");
    expect(why("ok/fine.txt")).toBe("stored");
  });
});

describe("over HTTP", () => {
  it("puts of such keys with the SDK land inside the root or are refused; nothing appears outside", async () => {
    const outer = tempDir("emrkit-s3-keys-");
    const emu = await started({ s3Root: join(outer, "s3"), dataDir: join(outer, "data") });
    const s3 = s3For(emu);
    await s3.send(new CreateBucketCommand({ Bucket: "data" }));
    await fc.assert(
      fc.asyncProperty(key, async (k) => {
        const put = await s3.send(new PutObjectCommand({ Bucket: "data", Key: k, Body: "x" })).then(
          () => "stored",
          (e: unknown) => (e instanceof S3ServiceException ? e.name : String(e)),
        );
        if (put === "stored") expect(statSync(join(outer, "s3", "data", k)).isFile() || k.endsWith("/")).toBe(true);
        else expect(["InvalidArgument", "KeyTooLongError"]).toContain(put);
      }),
      { numRuns: 60 },
    );
    // Everything made is under <outer>/s3/data, <outer>/data, or the emulator's own temporary folder.
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
      );
    for (const file of walk(outer)) {
      expect(
        [join(outer, "s3", "data"), join(outer, "data")].some((root) => inside(root, file)),
        file,
      ).toBe(true);
    }
  }, 60_000);

  it("a raw path with %2e%2e or ..%2f (which fetch would normalise away) is refused, not followed", async () => {
    const emu = await started();
    await s3For(emu).send(new CreateBucketCommand({ Bucket: "data" }));
    const { port } = new URL(emu.s3Endpoint);
    const put = (path: string) =>
      new Promise<[number, string]>((done, fail) => {
        const req = request(
          { host: "127.0.0.1", port, path, method: "PUT", headers: { "content-length": 1 } },
          (res) => {
            let text = "";
            res.on("data", (c: Buffer) => (text += c));
            res.on("end", () => done([res.statusCode!, /<Code>(\w+)<\/Code>/.exec(text)?.[1] ?? ""]));
          },
        );
        req.on("error", fail);
        req.end("x");
      });
    expect(await put("/data/%2e%2e/%2e%2e/escaped")).toEqual([400, "InvalidArgument"]);
    expect(await put("/data/..%2F..%2Fescaped")).toEqual([400, "InvalidArgument"]);
    expect(await put("/data/%2Fetc%2Fescaped")).toEqual([400, "InvalidArgument"]);
    expect(await put("/data//abs")).toEqual([400, "InvalidArgument"]);
    expect(await put("/%2e%2e/x")).toEqual([404, "NoSuchBucket"]);
    expect(readdirSync(emu.s3Root).sort()).toEqual([".emrkit-tmp", "data"]);
    expect(readdirSync(join(emu.s3Root, "data"))).toEqual([]);
  });
});
