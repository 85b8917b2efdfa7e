/**
 * An S3 server that touches no disk and checks nothing, run as a process of its own (prints its endpoint): a PUT
 * is read and answered 200 with a fixed ETag, and its size remembered; a GET of that path gets as many bytes (of a
 * buffer made once); anything else (CreateBucket) an empty 200. About the least an HTTP server can do for these
 * requests, so the bench can tell how many operations per second its clients can make at all on this machine: the
 * cap no server can pass with clients in the bench's process.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import type { ServerProcess } from "../emulator/servers.js";

function serve(): void {
  const sizes = new Map<string, number>();
  let bytes = Buffer.alloc(0);
  const server = createServer((req, res) => {
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
    });
    req.on("end", () => {
      const url = req.url ?? "/";
      const path = url.split("?")[0]!;
      if (req.method === "PUT") sizes.set(path, size);
      const length = req.method === "GET" ? (sizes.get(path) ?? 0) : 0;
      if (bytes.length < length) bytes = Buffer.alloc(length, 97);
      res.writeHead(200, { "content-length": length, etag: '"0"', "content-type": "binary/octet-stream" });
      res.end(bytes.subarray(0, length));
    });
  });
  server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}

/** This file run as a server process of its own. */
export async function nullS3Process(): Promise<ServerProcess> {
  const script = new URL(import.meta.url).pathname;
  const child = spawn(process.execPath, ["--import", "tsx", script, "--serve"], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  const first = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
  return { endpoint: String(first.value), child, stop: () => child.kill("SIGTERM") };
}

if (process.argv.includes("--serve")) serve();
