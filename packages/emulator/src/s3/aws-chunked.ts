/**
 * Decodes an `aws-chunked` body, the streaming uploads of the SDKs and the CLI (S3 API reference, "Signature
 * Calculations for the Authorization Header: Transferring Payload in Multiple Chunks (Chunked Upload)", and
 * "…Including Trailing Headers"): `<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n` … a zero-size chunk, then
 * trailing headers (`x-amz-checksum-crc32:…`, `x-amz-trailer-signature:…`) and an empty line. With signing given,
 * every chunk signature (and the trailer's) is checked, each chained from the one before, seeded by the request's.
 */
import { createHash, type Hash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { EMPTY_SHA256, sha256Hex, signHex } from "../sigv4/canonical.js";
import { SignatureRefused } from "../sigv4/signature-refused.js";
import { S3Error } from "./s3-error.js";
import type { ChunkSigning } from "./s3-signature.js";

/** A chunk header line is a hex size and a signature: far under this. */
const MAX_LINE = 4096;

const incomplete = (why: string) => new S3Error("IncompleteBody", `The aws-chunked body is not whole: ${why}.`, 400);

export class AwsChunkedDecoder extends Transform {
  /** The trailing headers, once the body has ended. */
  readonly trailers = new Map<string, string>();
  private state: "size" | "data" | "crlf" | "trailer" | "done" = "size";
  private line = Buffer.alloc(0);
  private remaining = 0;
  private chunkHash: Hash | undefined;
  private chunkSignature = "";
  private previous: string;

  constructor(private readonly signing?: ChunkSigning) {
    super();
    this.previous = signing?.seed ?? "";
  }

  override _transform(chunk: Buffer, _: BufferEncoding, done: TransformCallback): void {
    try {
      this.consume(chunk);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    done(this.state === "done" ? null : incomplete("it ended in the middle"));
  }

  private consume(buf: Buffer): void {
    let at = 0;
    while (at < buf.length) {
      if (this.state === "data") {
        const take = Math.min(this.remaining, buf.length - at);
        const piece = buf.subarray(at, at + take);
        this.chunkHash?.update(piece);
        this.push(piece);
        this.remaining -= take;
        at += take;
        if (this.remaining === 0) this.state = "crlf";
        continue;
      }
      if (this.state === "done") throw incomplete("bytes follow its last chunk");
      const nl = buf.indexOf(10, at);
      const end = nl < 0 ? buf.length : nl + 1;
      this.line = Buffer.concat([this.line, buf.subarray(at, end)]);
      at = end;
      if (this.line.length > MAX_LINE) throw incomplete("a chunk header line is too long");
      if (nl < 0) continue;
      const text = this.line.toString("latin1").replace(/\r?\n$/, "");
      this.line = Buffer.alloc(0);
      this.onLine(text);
    }
  }

  private onLine(text: string): void {
    if (this.state === "crlf") {
      if (text !== "") throw incomplete("a chunk is longer than its size says");
      this.checkChunk();
      this.state = "size";
      return;
    }
    if (this.state === "size") {
      const m = /^([0-9a-fA-F]{1,16})(?:;chunk-signature=([0-9a-f]{64}))?$/.exec(text);
      if (!m) throw incomplete(`a chunk header is ${JSON.stringify(text.slice(0, 80))}`);
      if (this.signing && !m[2]) throw incomplete("a chunk has no chunk-signature");
      this.remaining = Number.parseInt(m[1]!, 16);
      this.chunkSignature = m[2] ?? "";
      this.chunkHash = this.signing ? createHash("sha256") : undefined;
      if (this.remaining === 0) {
        this.checkChunk();
        this.state = "trailer";
      } else this.state = "data";
      return;
    }
    // Trailer lines, ended by an empty one.
    if (text === "") {
      this.endTrailer();
      return;
    }
    const colon = text.indexOf(":");
    if (colon < 1) throw incomplete(`a trailing header is ${JSON.stringify(text.slice(0, 80))}`);
    this.trailers.set(text.slice(0, colon).trim().toLowerCase(), text.slice(colon + 1).trim());
  }

  private checkChunk(): void {
    if (!this.signing) return;
    const hash = this.chunkHash?.digest("hex") ?? EMPTY_SHA256;
    const { key, amzDate, scope } = this.signing;
    const expected = signHex(
      key,
      `AWS4-HMAC-SHA256-PAYLOAD\n${amzDate}\n${scope}\n${this.previous}\n${EMPTY_SHA256}\n${hash}`,
    );
    if (expected !== this.chunkSignature) {
      throw new SignatureRefused("mismatch", "The chunk signature we calculated does not match the one you provided.");
    }
    this.previous = expected;
  }

  private endTrailer(): void {
    const signature = this.trailers.get("x-amz-trailer-signature");
    if (this.signing && signature !== undefined) {
      const text = [...this.trailers]
        .filter(([name]) => name !== "x-amz-trailer-signature")
        .map(([name, value]) => `${name}:${value}\n`)
        .join("");
      const { key, amzDate, scope } = this.signing;
      const expected = signHex(
        key,
        `AWS4-HMAC-SHA256-TRAILER\n${amzDate}\n${scope}\n${this.previous}\n${sha256Hex(text)}`,
      );
      if (expected !== signature) {
        throw new SignatureRefused(
          "mismatch",
          "The trailer signature we calculated does not match the one you provided.",
        );
      }
    }
    this.state = "done";
  }
}
