/**
 * A request's body as S3 takes it: decoded from aws-chunked when it is so sent, and checked as it streams against
 * every digest the client gave — Content-MD5 (BadDigest), x-amz-content-sha256 when signatures are checked
 * (XAmzContentSHA256Mismatch), and an x-amz-checksum-* header or trailer (BadDigest) for CRC32, SHA-1 and SHA-256;
 * CRC32C and CRC64NVME are taken on trust (Node has no implementation of them). Nothing counts until all of it
 * arrived and matched: the caller renames the file into place only then.
 */
import { createHash, type Hash } from "node:crypto";
import { createWriteStream, openSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import { SignatureRefused } from "../sigv4/signature-refused.js";
import { AwsChunkedDecoder } from "./aws-chunked.js";
import { flow } from "./body-flow.js";
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

const AWS_CHUNKED = /\baws-chunked\b/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** How the body comes: read from x-amz-content-sha256 (and Content-Encoding: aws-chunked). */
export function bodyPlan(req: IncomingMessage, signing: ChunkSigning | undefined, verifying: boolean): BodyPlan {
  const declared = String(req.headers["x-amz-content-sha256"] ?? "");
  const chunked = declared.startsWith("STREAMING-") || AWS_CHUNKED.test(String(req.headers["content-encoding"] ?? ""));
  return { chunked, signing, sha256: verifying && SHA256_HEX.test(declared) ? declared : undefined };
}

/** The digests a body is checked against, updated in the one pass the body makes: MD5 always (the ETag). */
class Digests {
  readonly md5 = createHash("md5");
  size = 0;
  crc = 0;
  private readonly other: Hash | undefined;

  constructor(
    readonly sha256: Hash | undefined,
    readonly checksum: string | undefined,
  ) {
    if (checksum === "sha1" || checksum === "sha256") this.other = createHash(checksum);
  }

  readonly update = (chunk: Buffer): void => {
    this.md5.update(chunk);
    this.sha256?.update(chunk);
    this.other?.update(chunk);
    if (this.checksum === "crc32") this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
  };

  /** The x-amz-checksum-<algorithm> value of what passed, base64 as S3 writes it. */
  checksumValue(): string | undefined {
    if (this.checksum === "crc32") {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(this.crc >>> 0);
      return b.toString("base64");
    }
    return this.other?.digest("base64");
  }
}

/** Streams the body into `path` (created), checking it; gives its MD5 and size. */
export async function receiveToFile(req: IncomingMessage, plan: BodyPlan, path: string): Promise<Received> {
  // Opened here, not lazily by the stream: a file the stream opened after a failure had removed it would be left.
  const file = createWriteStream(path, { fd: openSync(path, "w"), highWaterMark: 4 << 20 });
  try {
    return await receive(req, plan, (digests, source) => flow(req, source, digests.update, file));
  } finally {
    if (!file.closed) await new Promise((closed) => file.destroy().once("close", () => closed(undefined)));
  }
}

/** A small body (XML, or an object that fits in memory), whole, with its MD5; refused past `limit` bytes. */
export async function receiveToBuffer(
  req: IncomingMessage,
  plan: BodyPlan,
  limit: number,
): Promise<Received & { body: Buffer }> {
  const chunks: Buffer[] = [];
  const received = await receive(req, plan, (digests, source) =>
    flow(req, source, (chunk) => {
      if (digests.size + chunk.length > limit) {
        throw new S3Error("MaxMessageLengthExceeded", `Your request was too big: more than ${limit} bytes.`, 400);
      }
      digests.update(chunk);
      chunks.push(chunk);
    }),
  );
  return { ...received, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) };
}

/** The size a body will have once decoded, when the request says. */
export function declaredSize(req: IncomingMessage, plan: BodyPlan): number | undefined {
  const text = plan.chunked ? req.headers["x-amz-decoded-content-length"] : req.headers["content-length"];
  return text === undefined ? undefined : Number(text);
}

type Pass = (digests: Digests, source: Readable) => Promise<void>;

async function receive(req: IncomingMessage, plan: BodyPlan, pass: Pass): Promise<Received> {
  const headerChecksum = checksumHeader(req.headers);
  const trailerName = String(req.headers["x-amz-trailer"] ?? "").toLowerCase();
  const algorithm =
    headerChecksum?.[0] ?? (trailerName.startsWith("x-amz-checksum-") ? trailerName.slice(15) : undefined);
  const digests = new Digests(plan.sha256 ? createHash("sha256") : undefined, algorithm);
  const decoder = plan.chunked ? new AwsChunkedDecoder(plan.signing) : undefined;
  await pass(digests, decoder ? req.pipe(decoder) : req);
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
