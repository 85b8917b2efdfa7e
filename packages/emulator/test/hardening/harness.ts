/**
 * What the hardening tests share: the emulator as a process of its own (so that a crash shows, and `kill -9` is
 * real), raw HTTP exchanges whose bytes the test controls, and a whole ListSteps, every page.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { type IncomingHttpHeaders, request } from "node:http";
import { connect } from "node:net";
import { createInterface } from "node:readline";
import { EMRClient, paginateListSteps, type StepSummary } from "@aws-sdk/client-emr";

/** `pnpm stress` sets it: every hardening test runs much longer. */
export const STRESS = process.env.EMRKIT_STRESS === "1";

const serveScript = new URL("../../src/serve.ts", import.meta.url).pathname;

export interface ServeProcess {
  child: ChildProcess;
  endpoint: string;
  /** The local S3 endpoint, the second line serve.ts prints. */
  s3Endpoint: string;
  port: number;
  /** Set once the process has exited, whoever stopped it. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last few kilobytes it wrote on stderr. */
  stderr(): string;
  kill9(): Promise<void>;
}

/**
 * Starts `serve.ts` on `dataDir`: node with tsx as a loader, so that SIGKILL reaches the server itself. `args` go to
 * serve.ts (`--verify-signatures`), `env` to its environment (the credentials that come with it).
 */
export async function serveProcess(
  dataDir: string,
  options: { args?: string[]; env?: Record<string, string> } = {},
): Promise<ServeProcess> {
  const args = ["--import", "tsx", "--conditions=@emrkit/source", serveScript, "--data-dir", dataDir];
  const child = spawn(process.execPath, [...args, ...(options.args ?? [])], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...options.env },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once("exit", (code, signal) => done({ code, signal })),
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await Promise.race([lines.next(), exit]);
  if (!("value" in first) || typeof first.value !== "string") {
    throw new Error(`serve.ts stopped before printing its endpoint: ${stderr}`);
  }
  const endpoint = first.value;
  const second = await Promise.race([lines.next(), exit]);
  const s3Endpoint = "value" in second && typeof second.value === "string" ? second.value : "";
  return {
    child,
    endpoint,
    s3Endpoint,
    port: Number(new URL(endpoint).port),
    exit,
    stderr: () => stderr,
    kill9: async () => {
      child.kill("SIGKILL");
      await exit;
    },
  };
}

export function emrClient(endpoint: string): EMRClient {
  return new EMRClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
}

/** Every step of a cluster, newest first as EMR lists them, following `Marker` to the last page. */
export async function listAllSteps(client: EMRClient, clusterId: string): Promise<StepSummary[]> {
  const steps: StepSummary[] = [];
  for await (const page of paginateListSteps({ client }, { ClusterId: clusterId })) steps.push(...(page.Steps ?? []));
  return steps;
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** One awsJson1_1 request through node:http: the body's bytes are sent exactly as given. */
export function post(
  endpoint: string,
  operation: string | undefined,
  body: string | Buffer,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(endpoint, {
      // A connection per request: these tests are about bodies, not connection reuse, and a kept-alive socket can
      // be the one the server is closing at its keepAliveTimeout (ECONNRESET: the test's client failing, not the
      // emulator). Guessed as the cause of one transient failure under load; cheap on loopback either way.
      agent: false,
      method: options.method ?? "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        ...(operation === undefined ? {} : { "x-amz-target": `ElasticMapReduce.${operation}` }),
        "content-length": Buffer.byteLength(body),
        ...options.headers,
      },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

export interface Exchange {
  /** Everything the server sent, as latin1 text (one character per byte). */
  received: string;
  /** The server closed the connection (rather than the test giving up waiting). */
  closedByServer: boolean;
}

/**
 * Bytes over a bare TCP connection, for what node:http will not send: lying Content-Length, broken framing,
 * trickled bytes. Then the client half-closes, hangs up, or waits up to `waitMs` for the server to answer and close
 * (or only to answer, with `untilAnswered`).
 */
export function exchange(
  port: number,
  chunks: readonly (string | Buffer)[],
  options: { then?: "wait" | "half-close" | "hang-up"; gapMs?: number; waitMs?: number; untilAnswered?: boolean } = {},
): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    let givenUp = false;
    socket.on("data", (chunk: Buffer) => {
      received.push(chunk);
      // A whole response is in: no need to wait for a keep-alive connection to close.
      if (options.untilAnswered && isComplete(Buffer.concat(received).toString("latin1"))) {
        givenUp = true;
        socket.destroy();
      }
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ received: Buffer.concat(received).toString("latin1"), closedByServer: !givenUp });
    });
    socket.on("connect", async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
      if (options.then === "hang-up") return void socket.destroy();
      if (options.then === "half-close") socket.end();
      timer = setTimeout(() => {
        givenUp = true;
        socket.destroy();
      }, options.waitMs ?? 2000);
    });
  });
}

function isComplete(received: string): boolean {
  const end = received.indexOf("\r\n\r\n");
  const length = /\r\ncontent-length: *(\d+)/i.exec(received.slice(0, end))?.[1];
  return end >= 0 && length !== undefined && received.length - end - 4 >= Number(length);
}

/** The first HTTP response in `received`: status, lower-cased headers, body (as far as it came). */
export function parseResponse(received: string): { status: number; headers: Record<string, string>; body: string } {
  const end = received.indexOf("\r\n\r\n");
  const head = end < 0 ? received : received.slice(0, end);
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const raw = end < 0 ? "" : received.slice(end + 4);
  const length = headers["content-length"] === undefined ? raw.length : Number(headers["content-length"]);
  return {
    status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0),
    headers,
    body: Buffer.from(raw.slice(0, length), "latin1").toString("utf8"),
  };
}

/** A request head, as a test writes it by hand. */
export function head(operation: string, contentLength: number | string, extra = ""): string {
  return (
    "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n" +
    `X-Amz-Target: ElasticMapReduce.${operation}\r\n${extra}Content-Length: ${contentLength}\r\n\r\n`
  );
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
