/**
 * A request's body as S3 takes it: decoded from aws-chunked when it is so sent, and checked as it streams against
 * every digest the client gave — Content-MD5 (BadDigest), x-amz-content-sha256 when signatures are checked
 * (XAmzContentSHA256Mismatch), and an x-amz-checksum-* header or trailer (BadDigest) for CRC32, SHA-1 and SHA-256;
 * CRC32C and CRC64NVME are taken on trust (Node has no implementation of them). Nothing counts until all of it
 * arrived and matched: the caller renames the file into place only then.
 */
import { createHash, type Hash } from "node:crypto";
import { createWriteStream } from "node:fs";
import type { IncomingMessage } from "node:http";
import { PassThrough, type Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { crc32 } from "node:zlib";
import { SignatureRefused } from "../sigv4/signature-refused.js";
import { AwsChunkedDecoder } from "./aws-chunked.js";
import { S3Error } from "./s3-error.js";
import type { ChunkSigning } from "./s3-signature.js";

export interface BodyPlan {
  chunked: boolean;
  signing: ChunkSigning | undefined;
  /** A declared SHA-256 to check (only when signatures are checked: it is part of the signature). */
  sha256: string | undefined;
}

export interface Received {
  md5: Buffer;
  size: number;
}

/** How the body comes: read from x-amz-content-sha256 (and Content-Encoding: aws-chunked). */
export function bodyPlan(req: IncomingMessage, signing: ChunkSigning | undefined, verifying: boolean): BodyPlan {
  const declared = String(req.headers["x-amz-content-sha256"] ?? "");
  const chunked =
    declared.startsWith("STREAMING-") || /\baws-chunked\b/.test(String(req.headers["content-encoding"] ?? ""));
  return { chunked, signing, sha256: verifying && /^[0-9a-f]{64}$/.test(declared) ? declared : undefined };
}

class Digests extends Transform {
  readonly md5 = createHash("md5");
  size = 0;
  private readonly extra: Hash[] = [];
  crc = 0;

  constructor(
    readonly sha256: Hash | undefined,
    readonly checksum: string | undefined,
  ) {
    super();
    if (sha256) this.extra.push(sha256);
    if (checksum === "sha1" || checksum === "sha256") this.extra.push(createHash(checksum));
  }

  override _transform(chunk: Buffer, _: BufferEncoding, done: TransformCallback): void {
    this.md5.update(chunk);
    for (const h of this.extra) h.update(chunk);
    if (this.checksum === "crc32") this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    done(null, chunk);
  }

  /** The x-amz-checksum-<algorithm> value of what passed, base64 as S3 writes it. */
  checksumValue(): string | undefined {
    if (this.checksum === "crc32") {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(this.crc >>> 0);
      return b.toString("base64");
    }
    if (this.checksum === "sha1" || this.checksum === "sha256") return this.extra.at(-1)!.digest("base64");
    return undefined;
  }
}

/** Streams the body into `path`, checking it; gives its MD5 and size. */
export async function receiveToFile(req: IncomingMessage, plan: BodyPlan, path: string): Promise<Received> {
  return receive(req, plan, createWriteStream(path, { highWaterMark: 1 << 20 }));
}

/** A small body (XML, or an object that fits in memory), whole, with its MD5; refused past `limit` bytes. */
export async function receiveToBuffer(
  req: IncomingMessage,
  plan: BodyPlan,
  limit: number,
): Promise<Received & { body: Buffer }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new PassThrough();
  sink.on("data", (c: Buffer) => {
    size += c.length;
    if (size > limit) {
      sink.destroy(new S3Error("MaxMessageLengthExceeded", `Your request was too big: more than ${limit} bytes.`, 400));
    } else chunks.push(c);
  });
  const received = await receive(req, plan, sink);
  return { ...received, body: Buffer.concat(chunks) };
}

/** The size a body will have once decoded, when the request says. */
export function declaredSize(req: IncomingMessage, plan: BodyPlan): number | undefined {
  const text = plan.chunked ? req.headers["x-amz-decoded-content-length"] : req.headers["content-length"];
  return text === undefined ? undefined : Number(text);
}

async function receive(req: IncomingMessage, plan: BodyPlan, sink: NodeJS.WritableStream): Promise<Received> {
  const headerChecksum = checksumHeader(req.headers);
  const trailerName = String(req.headers["x-amz-trailer"] ?? "").toLowerCase();
  const algorithm = headerChecksum?.[0] ?? (/^x-amz-checksum-/.test(trailerName) ? trailerName.slice(15) : undefined);
  const digests = new Digests(plan.sha256 ? createHash("sha256") : undefined, algorithm);
  const decoder = plan.chunked ? new AwsChunkedDecoder(plan.signing) : undefined;
  const stages: (Readable | NodeJS.WritableStream | Transform)[] = [req, ...(decoder ? [decoder] : []), digests, sink];
  await pipeline(stages as unknown as [Readable, NodeJS.WritableStream]);
  const decodedLength = req.headers["x-amz-decoded-content-length"];
  if (decoder && decodedLength !== undefined && Number(decodedLength) !== digests.size) {
    throw new S3Error(
      "IncompleteBody",
      `The body has ${digests.size} bytes, x-amz-decoded-content-length says ${String(decodedLength)}.`,
      400,
    );
  }
  if (plan.sha256 && digests.sha256!.digest("hex") !== plan.sha256) {
    throw new SignatureRefused(
      "body-mismatch",
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }
  const md5 = digests.md5.digest();
  const contentMd5 = req.headers["content-md5"];
  if (contentMd5 !== undefined && contentMd5 !== md5.toString("base64")) {
    throw new S3Error("BadDigest", "The Content-MD5 you specified did not match what we received.", 400);
  }
  const expected =
    headerChecksum?.[1] ?? (algorithm ? decoder?.trailers.get(`x-amz-checksum-${algorithm}`) : undefined);
  const actual = digests.checksumValue();
  if (expected !== undefined && actual !== undefined && expected !== actual) {
    throw new S3Error(
      "BadDigest",
      `The ${algorithm!.toUpperCase()} you specified did not match the calculated checksum.`,
      400,
    );
  }
  return { md5, size: digests.size };
}

function checksumHeader(headers: IncomingMessage["headers"]): [string, string] | undefined {
  for (const algorithm of ["crc32", "crc32c", "crc64nvme", "sha1", "sha256"]) {
    const value = headers[`x-amz-checksum-${algorithm}`];
    if (typeof value === "string") return [algorithm, value];
  }
  return undefined;
}
