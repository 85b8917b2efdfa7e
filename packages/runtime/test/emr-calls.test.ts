/**
 * EmrCalls on its own (emr-calls.ts): the real EMRClient against a loopback server that answers each attempt as the
 * test scripts it (an answer, a 500, a 400, an answer held back). What a run's every EMR call leans on: the deadline
 * of one attempt, which failures are retried and how often, and, for an unsafe call (AddJobFlowSteps), that an answer
 * late past its timeout is still awaited while the steps are read back, not sent again.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DescribeClusterCommand, EMRClient, ListStepsCommand } from "@aws-sdk/client-emr";
import { afterEach, describe, expect, it } from "vitest";
import type { RunEvent } from "../src/index.js";
import { EmrCalls, UNSAFE_PATIENCE } from "../src/internal/emr-calls.js";

type Answer = (res: ServerResponse) => void;
const ok: Answer = (res) => json(res, 200, { Steps: [] });
const serverError: Answer = (res) => json(res, 500, { __type: "InternalServerError", Message: "try again" });
const refused: Answer = (res) => json(res, 400, { __type: "InvalidRequestException", Message: "no such cluster" });
const held =
  (ms: number): Answer =>
  (res) =>
    setTimeout(() => ok(res), ms);

function json(res: ServerResponse, status: number, body: unknown) {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify(body));
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

/** A server answering the n-th request with `script[n]` (the last one for the rest); what it saw, in order. */
async function scripted(script: Answer[]) {
  const seen: { target: string; closedEarly: boolean }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const entry = { target: String(req.headers["x-amz-target"]).replace("ElasticMapReduce.", ""), closedEarly: false };
    seen.push(entry);
    res.once("close", () => {
      entry.closedEarly = !res.writableEnded;
    });
    req.resume().once("end", () => script[Math.min(seen.length - 1, script.length - 1)]!(res));
  });
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const client = new EMRClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: "us-east-1",
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
  });
  return { seen, client };
}

function calls(
  client: EMRClient,
  options: { attempts?: number; requestTimeoutMs?: number; signal?: AbortSignal } = {},
) {
  const events: RunEvent[] = [];
  const emr = new EmrCalls(
    client,
    {
      retry: { attempts: options.attempts ?? 3, baseDelayMs: 1, maxDelayMs: 2 },
      requestTimeoutMs: options.requestTimeoutMs ?? 2_000,
      signal: options.signal,
    },
    (event) => events.push(event),
  );
  return { emr, events };
}

const listSteps = () => new ListStepsCommand({ ClusterId: "j-1" });

/** Resolves once `check` holds, or fails after 5 s: what a server sees of a client's hang-up comes a moment later. */
async function eventually(check: () => boolean) {
  for (const until = Date.now() + 5_000; !check(); ) {
    if (Date.now() > until) throw new Error("did not happen within 5 s");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("one attempt", () => {
  it("unanswered within its timeout: a TimeoutError naming the timeout, the request given up", async () => {
    const { seen, client } = await scripted([held(5_000)]);
    const { emr } = calls(client);
    await expect(emr.once(listSteps, 200)).rejects.toMatchObject({
      name: "TimeoutError",
      message: "no answer within 200 ms",
    });
    await eventually(() => seen[0]?.closedEarly === true);
    expect(seen).toEqual([{ target: "ListSteps", closedEarly: true }]);
    expect(emr.counts).toEqual({ ListSteps: 1 });
  });

  it("counts each HTTP attempt per operation, the SDK's own retries switched off", async () => {
    const { seen, client } = await scripted([serverError]);
    const { emr } = calls(client);
    await expect(emr.once(listSteps)).rejects.toMatchObject({ name: "InternalServerError" });
    await emr.once(() => new DescribeClusterCommand({ ClusterId: "j-1" })).catch(() => undefined);
    expect(seen.map((s) => s.target)).toEqual(["ListSteps", "DescribeCluster"]);
    expect(emr.counts).toEqual({ ListSteps: 1, DescribeCluster: 1 });
  });
});

describe("retries", () => {
  it("a server error is retried until it is answered, each retry told with its attempt and delay", async () => {
    const { seen, client } = await scripted([serverError, serverError, ok]);
    const { emr, events } = calls(client, { attempts: 5 });
    await expect(emr.call(listSteps, true)).resolves.toMatchObject({ Steps: [] });
    expect(seen).toHaveLength(3);
    expect(events.map((e) => e.type === "retry" && [e.operation, e.attempt])).toEqual([
      ["ListSteps", 1],
      ["ListSteps", 2],
    ]);
  });

  it("stops after `attempts` HTTP attempts with the last error", async () => {
    const { seen, client } = await scripted([serverError]);
    const { emr, events } = calls(client, { attempts: 3 });
    await expect(emr.call(listSteps, true)).rejects.toMatchObject({ name: "InternalServerError" });
    expect(seen).toHaveLength(3);
    expect(events).toHaveLength(2);
  });

  it("a refusal (4xx) is never retried", async () => {
    const { seen, client } = await scripted([refused, ok]);
    const { emr, events } = calls(client, { attempts: 5 });
    await expect(emr.call(listSteps, true)).rejects.toMatchObject({ name: "InvalidRequestException" });
    expect(seen).toHaveLength(1);
    expect(events).toEqual([]);
  });
});

describe("an unsafe call whose answer is late", () => {
  it("is still awaited past its timeout, reading back at each timeout; the late answer is the answer, sent once", async () => {
    // Answered after 1 s, with a timeout of 400 ms: read back at 400 and 800 ms, given up only at 2 s.
    const { seen, client } = await scripted([held(1_000)]);
    const { emr, events } = calls(client, { requestTimeoutMs: 400 });
    let readBacks = 0;
    const answer = await emr.call(listSteps, false, async () => {
      readBacks++;
      return undefined;
    });
    expect(answer).toMatchObject({ Steps: [] });
    expect(seen).toEqual([{ target: "ListSteps", closedEarly: false }]);
    expect(readBacks).toBeGreaterThanOrEqual(2);
    expect(readBacks).toBeLessThan(UNSAFE_PATIENCE);
    // The first timeout is told, once, as a retry with no delay: nothing is sent again.
    const retries = events.filter((e) => e.type === "retry");
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ operation: "ListSteps", attempt: 1, delayMs: 0 });
    expect((retries[0] as { error: string }).error).toMatch(/^TimeoutError: no answer within 400 ms; still waiting/);
  });

  it("found by a read-back: that is the answer, and the request still open is given up, not sent again", async () => {
    const { seen, client } = await scripted([held(10_000)]);
    // Found at the second read-back (800 ms); the request would be given up on its own only at 5 × 400 ms.
    const { emr } = calls(client, { requestTimeoutMs: 400 });
    let readBacks = 0;
    const found = { Steps: [{ Id: "s-FOUND" }] };
    const started = Date.now();
    const answer = await emr.call(listSteps, false, async () => (++readBacks === 2 ? found : undefined));
    expect(answer).toBe(found);
    await eventually(() => seen[0]?.closedEarly === true);
    expect(Date.now() - started).toBeLessThan(400 * UNSAFE_PATIENCE);
    expect(seen).toEqual([{ target: "ListSteps", closedEarly: true }]);
  });

  it("a read-back that fails leaves the outcome unknown: the answer is still awaited", async () => {
    const { seen, client } = await scripted([held(500)]);
    const { emr } = calls(client, { requestTimeoutMs: 300 });
    const answer = await emr.call(listSteps, false, async () => {
      throw new Error("ListSteps failed too");
    });
    expect(answer).toMatchObject({ Steps: [] });
    expect(seen).toHaveLength(1);
  });

  it("aborted before it is sent: not sent at all, an AbortError", async () => {
    const { seen, client } = await scripted([ok]);
    const { emr } = calls(client, { signal: AbortSignal.abort() });
    await expect(emr.call(listSteps, false, async () => undefined)).rejects.toMatchObject({
      name: "AbortError",
      message: "aborted before sending",
    });
    expect(seen).toEqual([]);
    expect(emr.counts).toEqual({});
  });
});
