/**
 * EmrCalls on its own (emr-calls.ts): the real EMRClient against a loopback server that answers each attempt as the
 * test scripts it (an answer, a 500, a 400, an answer held back). What a run's every EMR call leans on: the deadline
 * of one attempt, which failures are retried and how often, and, for an unsafe call (AddJobFlowSteps), that an answer
 * late past its timeout is still awaited while the steps are read back, not sent again.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { DescribeClusterCommand, type EMRClient, ListStepsCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import type { RunEvent } from "../src/index.js";
import { EmrCalls, UNSAFE_PATIENCE } from "../src/internal/emr-calls.js";
import { loopbackEmr } from "./support/loopback-emr.js";

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

/** A server answering the n-th request with `script[n]` (the last one for the rest); what it saw, in order. */
async function scripted(script: Answer[]) {
  const seen: { target: string; closedEarly: boolean }[] = [];
  const client = await loopbackEmr((req: IncomingMessage, res: ServerResponse) => {
    const entry = { target: String(req.headers["x-amz-target"]).replace("ElasticMapReduce.", ""), closedEarly: false };
    seen.push(entry);
    res.once("close", () => {
      entry.closedEarly = !res.writableEnded;
    });
    req.resume().once("end", () => script[Math.min(seen.length - 1, script.length - 1)]!(res));
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
    const { seen, client } = await scripted([ok, held(5_000)]);
    const { emr } = calls(client);
    // A first request first: on a loaded machine a new client's first one can take longer than 200 ms to go out.
    await emr.once(listSteps);
    await expect(emr.once(listSteps, 200)).rejects.toMatchObject({
      name: "TimeoutError",
      message: "no answer within 200 ms",
    });
    await eventually(() => seen[1]?.closedEarly === true);
    expect(seen[1]).toEqual({ target: "ListSteps", closedEarly: true });
    expect(emr.counts).toEqual({ ListSteps: 2 });
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
    expect(events.map((e) => e.type === "retry" && [e.operation, e.attempt, e.error])).toEqual([
      ["ListSteps", 1, "InternalServerError: try again"],
      ["ListSteps", 2, "InternalServerError: try again"],
    ]);
    // Backoff with full jitter, within [1, maxDelayMs] (2 ms here).
    for (const e of events) expect(e.type === "retry" && e.delayMs >= 1 && e.delayMs <= 2).toBe(true);
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
    const toldBeforeFirstReadBack: number[] = [];
    const answer = await emr.call(listSteps, false, async () => {
      if (readBacks++ === 0) toldBeforeFirstReadBack.push(events.length);
      return undefined;
    });
    expect(answer).toMatchObject({ Steps: [] });
    expect(toldBeforeFirstReadBack).toEqual([1]);
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

describe("an unsafe call whose attempt failed with its outcome unknown", () => {
  const found = { Steps: [{ Id: "s-FOUND" }] };

  it("reads back before sending again: found, that is the answer and nothing is sent again", async () => {
    const { seen, client } = await scripted([serverError, ok]);
    const { emr } = calls(client, { attempts: 3 });
    let readBacks = 0;
    const answer = await emr.call(listSteps, false, async () => (++readBacks === 1 ? found : undefined));
    expect(answer).toBe(found);
    expect(readBacks).toBe(1);
    expect(seen).toHaveLength(1);
  });

  it("not found by the read-back: sent again", async () => {
    const { seen, client } = await scripted([serverError, ok]);
    const { emr } = calls(client, { attempts: 3 });
    let readBacks = 0;
    const answer = await emr.call(listSteps, false, async () => {
      readBacks++;
      return undefined;
    });
    expect(answer).toMatchObject({ Steps: [] });
    expect(readBacks).toBe(1);
    expect(seen).toHaveLength(2);
  });

  it("its last attempt is read back before the error is thrown: found, the answer; not found, the error", async () => {
    for (const [readBack, outcome] of [
      [found, "resolves"],
      [undefined, "rejects"],
    ] as const) {
      const { seen, client } = await scripted([serverError]);
      const { emr } = calls(client, { attempts: 2 });
      let readBacks = 0;
      const call = emr.call(listSteps, false, async () => (++readBacks === 2 ? readBack : undefined));
      if (outcome === "resolves") await expect(call).resolves.toBe(found);
      else await expect(call).rejects.toMatchObject({ name: "InternalServerError" });
      expect(readBacks).toBe(2);
      expect(seen).toHaveLength(2);
    }
  });

  it("a refusal is not read back: it did not commit", async () => {
    const { seen, client } = await scripted([refused]);
    const { emr } = calls(client, { attempts: 3 });
    let readBacks = 0;
    const call = emr.call(listSteps, false, async () => {
      readBacks++;
      return found;
    });
    await expect(call).rejects.toMatchObject({ name: "InvalidRequestException" });
    expect(readBacks).toBe(0);
    expect(seen).toHaveLength(1);
  });

  it("a safe call is never read back, only retried", async () => {
    const { seen, client } = await scripted([serverError, ok]);
    const { emr } = calls(client, { attempts: 3 });
    let readBacks = 0;
    const readBack = async () => {
      readBacks++;
      return found;
    };
    await expect(emr.call(listSteps, true, readBack)).resolves.toMatchObject({ Steps: [] });
    expect(readBacks).toBe(0);
    expect(seen).toHaveLength(2);
  });

  it("aborted while it failed: read back, then not sent again (a read goes on retrying)", async () => {
    const stop = new AbortController();
    const abortingError: Answer = (res) => {
      stop.abort();
      serverError(res);
    };
    const unsafe = await scripted([abortingError, ok]);
    let readBacks = 0;
    const call = calls(unsafe.client, { attempts: 3, signal: stop.signal }).emr.call(listSteps, false, async () => {
      readBacks++;
      return undefined;
    });
    await expect(call).rejects.toMatchObject({ name: "InternalServerError" });
    // Read back when the abort came (while the answer was awaited), and once more after the attempt failed.
    expect(readBacks).toBe(2);
    expect(unsafe.seen).toHaveLength(1);
    const read = await scripted([serverError, ok]);
    const { emr } = calls(read.client, { attempts: 3, signal: AbortSignal.abort() });
    await expect(emr.call(listSteps, true)).resolves.toMatchObject({ Steps: [] });
    expect(read.seen).toHaveLength(2);
  });
});

describe("an unsafe call aborted while its answer is awaited", () => {
  it("reads back at once, not at the next timeout: found, that is the answer, and the abort is not told as a retry", async () => {
    const { seen, client } = await scripted([held(10_000)]);
    const stop = new AbortController();
    const { emr, events } = calls(client, { requestTimeoutMs: 3_000, signal: stop.signal });
    const found = { Steps: [{ Id: "s-FOUND" }] };
    setTimeout(() => stop.abort(), 100);
    const started = Date.now();
    let readBacks = 0;
    const answer = await emr.call(listSteps, false, async () => {
      readBacks++;
      return found;
    });
    expect(answer).toBe(found);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(readBacks).toBe(1);
    expect(events).toEqual([]);
    await eventually(() => seen[0]?.closedEarly === true);
  });

  it("not found: the answer is still awaited, the next read-back only at the next timeout", async () => {
    const { seen, client } = await scripted([held(850)]);
    const stop = new AbortController();
    const { emr, events } = calls(client, { requestTimeoutMs: 500, signal: stop.signal });
    setTimeout(() => stop.abort(), 100);
    const readBackAt: number[] = [];
    const started = Date.now();
    const answer = await emr.call(listSteps, false, async () => {
      readBackAt.push(Date.now() - started);
      return undefined;
    });
    expect(answer).toMatchObject({ Steps: [] });
    expect(seen).toEqual([{ target: "ListSteps", closedEarly: false }]);
    // One read-back when aborted (~100 ms), one at the timeout counted from then (~600 ms), the answer at ~850 ms
    // (the next read-back would be at ~1,100 ms).
    expect(readBackAt).toHaveLength(2);
    expect(readBackAt[0]).toBeLessThan(450);
    expect(readBackAt[1]).toBeGreaterThanOrEqual(500);
    expect(events.filter((e) => e.type === "retry")).toHaveLength(1);
  });
});

describe("clock skew", () => {
  it("a signature refused for its time after the client's clock was put right is retried, signed anew", async () => {
    // The client believed its clock 10 minutes slow; the server's Date says it is right: the SDK moves its offset
    // back to ~0 but flags nothing (it flags only a new offset of 4 minutes or more).
    const notYetCurrent: Answer = (res) => {
      if (res.destroyed) return;
      res
        .writeHead(403, { "content-type": "application/x-amz-json-1.1", date: new Date().toUTCString() })
        .end(JSON.stringify({ __type: "InvalidSignatureException", Message: "Signature not yet current" }));
    };
    const { seen, client } = await scripted([notYetCurrent, ok]);
    client.config.systemClockOffset = 10 * 60 * 1000;
    const { emr } = calls(client, { attempts: 3 });
    await expect(emr.call(listSteps, true)).resolves.toMatchObject({ Steps: [] });
    expect(seen).toHaveLength(2);
    expect(Math.abs(client.config.systemClockOffset)).toBeLessThan(60_000);
  });
});

describe("finished calls", () => {
  // What the patient wait's wake-up timer would otherwise do: keep a CLI's process alive a timeout after its run ended.
  it("leave no timer running, however long their timeout", async () => {
    const { client } = await scripted([ok]);
    const { emr } = calls(client, { requestTimeoutMs: 60_000 });
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    await emr.call(listSteps, false, async () => undefined); // the client's first request sets up what it keeps
    const before = timers();
    for (let i = 0; i < 5; i++) await emr.call(listSteps, false, async () => undefined);
    // A wake-up left running would be one more timer per call, five in all; others come and go (a socket's).
    expect(timers()).toBeLessThan(before + 3);
  });
});
