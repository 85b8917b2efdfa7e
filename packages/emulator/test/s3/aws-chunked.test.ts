/**
 * aws-chunked bodies as the SDKs send them, written out by hand so that a broken one can be sent too: a CRC32
 * trailer that does not match is BadDigest, a body cut short is IncompleteBody, and neither leaves an object.
 */
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { started } from "../support.js";
import { s3For } from "./s3-clients.js";

function crc(data: string): string {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(crc32(data) >>> 0);
  return b.toString("base64");
}

/** `STREAMING-UNSIGNED-PAYLOAD-TRAILER` with chunks of the given data and a trailer line. */
const chunked = (chunks: string[], trailer: string) =>
  `${chunks.map((c) => `${c.length.toString(16)}\r\n${c}\r\n`).join("")}0\r\n${trailer}\r\n\r\n`;

function put(endpoint: string, key: string, body: string, decoded?: number): Promise<[number, string]> {
  const { port } = new URL(endpoint);
  return new Promise((done, fail) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "PUT",
        path: `/data/${key}`,
        headers: {
          "content-length": Buffer.byteLength(body),
          "content-encoding": "aws-chunked",
          "x-amz-content-sha256": "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
          "x-amz-trailer": "x-amz-checksum-crc32",
          ...(decoded === undefined ? {} : { "x-amz-decoded-content-length": decoded }),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c));
        res.on("end", () => done([res.statusCode!, /<Code>(\w+)<\/Code>/.exec(text)?.[1] ?? ""]));
      },
    );
    req.on("error", fail);
    req.end(body);
  });
}

describe("aws-chunked uploads", () => {
  it("decodes chunks and checks the CRC32 trailer; a wrong one or a short body stores nothing", async () => {
    const emu = await started();
    await s3For(emu).send(new CreateBucketCommand({ Bucket: "data" }));
    expect(
      await put(emu.s3Endpoint, "good", chunked(["hello ", "world"], `x-amz-checksum-crc32:${crc("hello world")}`), 11),
    ).toEqual([200, ""]);
    expect(readFileSync(join(emu.s3Root, "data", "good"), "utf8")).toBe("hello world");
    expect(
      await put(emu.s3Endpoint, "bad", chunked(["hello ", "world"], `x-amz-checksum-crc32:${crc("hello there")}`), 11),
    ).toEqual([400, "BadDigest"]);
    expect(await put(emu.s3Endpoint, "short", "6\r\nhello \r\n5\r\nwor", 11)).toEqual([400, "IncompleteBody"]);
    expect(
      await put(emu.s3Endpoint, "long", chunked(["hello world!"], `x-amz-checksum-crc32:${crc("hello world!")}`), 11),
    ).toEqual([400, "IncompleteBody"]);
    // Without a decoded length to compare with, the chunks themselves say the body is cut short.
    expect(await put(emu.s3Endpoint, "cut", "6\r\nhello \r\n5\r\nwor")).toEqual([400, "IncompleteBody"]);
    for (const key of ["bad", "short", "long", "cut"]) expect(existsSync(join(emu.s3Root, "data", key))).toBe(false);
  });
});
