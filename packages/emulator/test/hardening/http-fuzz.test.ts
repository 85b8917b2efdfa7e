/**
 * Hostile HTTP against the emulator as its own process: fast-check bodies (arbitrary JSON and bytes, near-valid
 * requests with one field wrong, huge strings, lone surrogates, control characters, deep nesting, `__proto__`)
 * and broken HTTP (no or unknown X-Amz-Target, other methods, lying Content-Length, bodies over 1 MiB, trickled
 * bytes). Every one must get a 4xx with a JSON `{__type, Message}` body naming an error EMR uses; after every one
 * the server is alive, a ListSteps still answers, and the steps stored before are exactly as they were.
 */
import { AddJobFlowStepsCommand, RunJobFlowCommand, TerminateJobFlowsCommand } from "@aws-sdk/client-emr";
import { requestWithOneViolation } from "@emrkit/dsl/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/index.js";
import { settled } from "../support.js";
import { tempDir } from "../temp-dir.js";
import {
  type Answer,
  emrClient,
  exchange,
  head,
  parseResponse,
  post,
  type ServeProcess,
  STRESS,
  serveProcess,
  sleep,
} from "./harness.js";
import { type Json, nearValid, toJsonText, validBodies } from "./near-valid.js";

const RUNS = STRESS ? 4_000 : 120;

/** EMR's own errors (model and practice) and awsJson1_1's protocol errors: nothing else may come back. */
const EMR_ERRORS = new Set([
  "ValidationException",
  "InvalidRequestException",
  "SerializationException",
  "UnknownOperationException",
]);
const OPERATIONS = [
  "AddJobFlowSteps",
  "ListSteps",
  "DescribeStep",
  "RunJobFlow",
  "DescribeCluster",
  "ListClusters",
  "TerminateJobFlows",
  "ModifyCluster",
  "CancelSteps",
];

const figures = {
  requests: 0,
  errors: {} as Record<string, number>,
  accepted: 0,
  controls: 0,
  hungUp: 0,
  mutations: {} as Record<string, number>,
};
let server: ServeProcess;
const seeded = { cluster: "", steps: [] as string[], concurrent: "", full: "", terminated: "", scratch: "" };
let before = "";
/** The seeded cluster's ListSteps answer, byte for byte, as it was before any hostile input. */
let seededList = "";
/** The seeded clusters, as the wire shows them: ListSteps (every page) and DescribeCluster's status. */
async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const id of [seeded.cluster, seeded.concurrent, seeded.full, seeded.terminated]) {
    parts.push((await post(server.endpoint, "DescribeCluster", JSON.stringify({ ClusterId: id }))).text);
    let marker: string | undefined;
    do {
      const page = await post(server.endpoint, "ListSteps", JSON.stringify({ ClusterId: id, Marker: marker }));
      parts.push(page.text);
      marker = (JSON.parse(page.text) as { Marker?: string }).Marker;
    } while (marker);
  }
  return parts.join("\n");
}

function expectEmrError(answer: Answer, type?: string): string {
  figures.requests++;
  expect(answer.status, answer.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
  expect(answer.headers["content-type"]).toMatch(/^application\/x-amz-json-1\.1/);
  const body = JSON.parse(answer.text) as { __type: string; Message: string };
  // InvalidRequestException also carries the ErrorCode its model shape has (NoSuchCluster for an unknown cluster).
  const keys = Object.keys(body).filter((k) => k !== "ErrorCode" || body.__type !== "InvalidRequestException");
  expect(keys.sort()).toEqual(["Message", "__type"]);
  expect(EMR_ERRORS, body.__type).toContain(body.__type);
  if (type) expect(body.__type, body.Message.slice(0, 300)).toBe(type);
  expect(body.Message.length).toBeGreaterThan(0);
  figures.errors[body.__type] = (figures.errors[body.__type] ?? 0) + 1;
  return body.__type;
}

const tally = (kind: string) => {
  figures.mutations[kind] = (figures.mutations[kind] ?? 0) + 1;
};

/** Alive, answering, and the seeded cluster's steps exactly as before (the cheap check, after every input). */
async function expectUntouched(): Promise<void> {
  expect(server.child.exitCode, server.stderr()).toBeNull();
  const list = await post(server.endpoint, "ListSteps", JSON.stringify({ ClusterId: seeded.cluster }));
  expect(list.status).toBe(200);
  expect(list.text).toBe(seededList);
}

describe("the emulator under hostile HTTP", () => {
  beforeAll(async () => {
    server = await serveProcess(tempDir("emrkit-http-fuzz-"));
    const client = emrClient(server.endpoint);
    const cluster = async (concurrency = 1) =>
      (
        await client.send(
          new RunJobFlowCommand({
            Name: "fuzz target",
            ReleaseLabel: "emr-7.0.0",
            Instances: { KeepJobFlowAliveWhenNoSteps: true },
            StepConcurrencyLevel: concurrency,
          }),
        )
      ).JobFlowId!;
    const step = (name: string, args: string[]) => ({
      Name: name,
      ActionOnFailure: "CONTINUE" as const,
      HadoopJarStep: { Jar: "command-runner.jar", Args: args },
    });
    seeded.cluster = await cluster();
    const added = await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: seeded.cluster,
        Steps: [step("ok", ["true"]), step("echo", ["echo", "kept"]), step("fails", ["false"])],
      }),
    );
    seeded.steps = added.StepIds!;
    seeded.concurrent = await cluster(4);
    // 256 active steps: one that runs for the whole test and 255 behind it, so every AddJobFlowSteps is refused.
    seeded.full = await cluster();
    await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: seeded.full,
        Steps: [
          step("hold", ["sleep", "3600"]),
          ...Array.from({ length: 255 }, (_, i) => step(`queued ${i}`, ["true"])),
        ],
      }),
    );
    seeded.terminated = await cluster();
    await client.send(new TerminateJobFlowsCommand({ JobFlowIds: [seeded.terminated] }));
    seeded.scratch = await cluster();
    await settled(client, seeded.cluster);
    await sleep(100);
    before = await snapshot();
    seededList = (await post(server.endpoint, "ListSteps", JSON.stringify({ ClusterId: seeded.cluster }))).text;
  }, 60_000);

  afterAll(async () => {
    if (server.child.exitCode === null) {
      expect(await snapshot()).toBe(before);
      server.child.kill("SIGTERM");
      await server.exit;
    }
    console.log(`http-fuzz figures${STRESS ? " (stress)" : ""}: ${JSON.stringify(figures)}`);
  });

  it(`refuses arbitrary JSON with an EMR error, or answers it, never a 5xx (${RUNS} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OPERATIONS),
        fc.oneof(fc.jsonValue({ maxDepth: 5 }), fc.jsonValue({ maxDepth: 3, stringUnit: "binary" })),
        async (operation, value) => {
          const answer = await post(server.endpoint, operation, JSON.stringify(value));
          if (answer.status === 200) {
            figures.requests++;
            figures.accepted++;
          } else expect(["ValidationException", "InvalidRequestException"]).toContain(expectEmrError(answer));
          await expectUntouched();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`refuses arbitrary bytes and broken JSON text with SerializationException or ValidationException (${RUNS} inputs)`, async () => {
    const garbled = fc
      .tuple(
        fc.jsonValue({ maxDepth: 3 }),
        fc.nat(),
        fc.constantFrom("", "\u0000", "\u0007", "{", "]", '"', ",", "\ud800"),
      )
      .map(([value, at, insert]) => {
        const text = JSON.stringify({ ClusterId: seeded.cluster, x: value });
        const cut = at % text.length;
        return text.slice(0, cut) + insert + text.slice(cut + (insert === "" ? 1 : 0));
      });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OPERATIONS),
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.from(b)),
          garbled,
        ),
        async (operation, body) => {
          const type = expectEmrError(await post(server.endpoint, operation, body));
          expect(["SerializationException", "ValidationException"]).toContain(type);
          await expectUntouched();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`refuses ListSteps, DescribeStep and RunJobFlow with one field wrong, each with its EMR error (${RUNS} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(nearValid({ cluster: seeded.cluster, steps: seeded.steps }), async (c) => {
        const answer = await post(server.endpoint, c.operation, toJsonText(c.body as Json));
        expect(answer.status, `${c.operation} with ${c.mutation}: ${answer.text.slice(0, 200)}`).not.toBe(200);
        tally(`${c.operation}: ${c.kind}`);
        expectEmrError(answer, c.expected);
        await expectUntouched();
      }),
      { numRuns: RUNS },
    );
  });

  it(`refuses AddJobFlowSteps with one violation of EMR's rules, and stores nothing (${RUNS} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(requestWithOneViolation(), async ({ request, context, code, path }) => {
        // The cluster that gives the rule its context: four at once, ended, or 256 active steps already.
        const JobFlowId = context.stepConcurrencyLevel
          ? seeded.concurrent
          : context.clusterState
            ? seeded.terminated
            : context.activeSteps !== undefined
              ? seeded.full
              : seeded.cluster;
        const answer = await post(server.endpoint, "AddJobFlowSteps", JSON.stringify({ ...request, JobFlowId }));
        expect(answer.status, `${code} at ${path}: ${answer.text.slice(0, 200)}`).not.toBe(200);
        expectEmrError(answer, "ValidationException");
        tally(`AddJobFlowSteps: ${code}`);
        await expectUntouched();
      }),
      { numRuns: RUNS },
    );
  });

  it("accepts the same bases unbroken, so that the mutation is what each refusal is about", async () => {
    await fc.assert(
      fc.asyncProperty(validBodies({ cluster: seeded.cluster, steps: seeded.steps }), async ({ operation, body }) => {
        const answer = await post(server.endpoint, operation, JSON.stringify(body));
        expect(answer.status, answer.text.slice(0, 300)).toBe(200);
        figures.controls++;
        if (operation === "RunJobFlow") {
          const { JobFlowId } = JSON.parse(answer.text) as { JobFlowId: string };
          await post(server.endpoint, "TerminateJobFlows", JSON.stringify({ JobFlowIds: [JobFlowId] }));
        }
      }),
      { numRuns: Math.min(RUNS, 200) },
    );
    await expectUntouched();
  });

  it("refuses no X-Amz-Target, an unknown one, and methods other than POST with UnknownOperationException", async () => {
    const body = JSON.stringify({ ClusterId: seeded.cluster });
    const targets = ["Nope", "", "__proto__", "constructor", "toString", "hasOwnProperty", "listSteps", "ListSteps.x"];
    for (const target of targets) {
      expectEmrError(await post(server.endpoint, target, body), "UnknownOperationException");
    }
    for (const target of ["Other.ListSteps", "ElasticMapReduce", "ListSteps", "\u00e9.ListSteps"]) {
      const answer = await post(server.endpoint, undefined, body, { headers: { "x-amz-target": target } });
      expectEmrError(answer, "UnknownOperationException");
    }
    expectEmrError(await post(server.endpoint, undefined, body), "UnknownOperationException");
    for (const method of ["GET", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      expectEmrError(await post(server.endpoint, "ListSteps", body, { method }), "UnknownOperationException");
    }
    // A parameter on the media type is allowed (Smithy's AwsJson11MustSupportParametersInContentType).
    const charset = { "content-type": "application/x-amz-json-1.1; charset=utf-8" };
    expect((await post(server.endpoint, "ListSteps", body, { headers: charset })).status).toBe(200);
    await expectUntouched();
  });

  it(`stores nothing from a body cut short by a client that hangs up or half-closes (${RUNS} cuts)`, async () => {
    const body = JSON.stringify({
      JobFlowId: seeded.cluster,
      Steps: [
        { Name: "never", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] } },
      ],
    });
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: body.length - 1 }),
        fc.constantFrom("hang-up", "half-close"),
        async (cut, then) => {
          const done = await exchange(server.port, [head("AddJobFlowSteps", body.length) + body.slice(0, cut)], {
            then,
          });
          figures.hungUp++;
          // Once the client has hung up there is no one to answer; if something comes, it is a refusal.
          if (done.received !== "") expect(parseResponse(done.received).status).toBeGreaterThanOrEqual(400);
          await expectUntouched();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("refuses a body over 1 MiB with 413 SerializationException and stores nothing; one of exactly 1 MiB is read", async () => {
    const request = (JobFlowId: string) =>
      JSON.stringify({
        JobFlowId,
        Steps: [
          { Name: "big", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] } },
        ],
      });
    // Whitespace after the JSON value keeps it valid: only the size is wrong.
    const padded = (text: string, size: number) => text + " ".repeat(size - text.length);
    for (const size of [MAX_BODY_BYTES + 1, 2 * MAX_BODY_BYTES, 8 * MAX_BODY_BYTES]) {
      const answer = await post(server.endpoint, "AddJobFlowSteps", padded(request(seeded.cluster), size));
      expect(answer.status).toBe(413);
      expectEmrError(answer, "SerializationException");
      await expectUntouched();
    }
    const exact = await post(server.endpoint, "AddJobFlowSteps", padded(request(seeded.scratch), MAX_BODY_BYTES));
    expect(exact.status, exact.text).toBe(200);
  });

  it("answers requests whose bytes are trickled in small pieces with pauses between them", async () => {
    const pieces = STRESS ? 200 : 25;
    const trickle = async (operation: string, body: string) => {
      const whole = head(operation, Buffer.byteLength(body)) + body;
      const size = Math.ceil(whole.length / pieces);
      const chunks = Array.from({ length: Math.ceil(whole.length / size) }, (_, i) =>
        whole.slice(i * size, (i + 1) * size),
      );
      return parseResponse((await exchange(server.port, chunks, { gapMs: 10, waitMs: 300 })).received);
    };
    const good = await trickle("ListSteps", JSON.stringify({ ClusterId: seeded.cluster }));
    expect(good.status).toBe(200);
    expect(good.body).toBe(seededList);
    const bad = await trickle("AddJobFlowSteps", `{"JobFlowId":"${seeded.cluster}","Steps":[{"Name":`);
    expectEmrError({ status: bad.status, headers: bad.headers, text: bad.body }, "SerializationException");
    await expectUntouched();
  });

  it("closes the connection with a 4xx on broken HTTP framing, and goes on", async () => {
    for (const raw of FRAMING_ERRORS) {
      const done = await exchange(server.port, [raw], { waitMs: 2000 });
      expect(done.closedByServer).toBe(true);
      const { status } = parseResponse(done.received);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      await expectUntouched();
    }
  });

  // Found at 8532dc0: the generated validator recursed once per level of Configurations (a recursive shape), and
  // 5,000 levels (210 KB, well under the 1 MiB limit) overflowed the stack: 500 InternalServerError "Maximum call
  // stack size exceeded". The codegen's nesting limit (too-deep, MAX_NESTING) makes it a 400.
  it("refuses a Configurations tree nested 5,000 deep with ValidationException, not a 500", async () => {
    let conf = '{"Classification":"c"}';
    for (let i = 0; i < 5_000; i++) conf = `{"Classification":"c","Configurations":[${conf}]}`;
    const answer = await post(
      server.endpoint,
      "RunJobFlow",
      `{"Name":"deep","Instances":{},"Configurations":[${conf}]}`,
    );
    if (answer.status === 200) await terminate(answer);
    expectEmrError(answer, "ValidationException");
    await expectUntouched();
  });

  // Each test below showed a bug when this file was written (at 8532dc0); what came back then is in its comment.
  describe("bugs this file found", () => {
    // Node's default clientError handler answered framing errors with a bare `400 Bad Request` (431 for huge
    // headers) and no body, so clients got no `{__type, Message}` to report.
    it("answers broken HTTP framing with a JSON {__type, Message} body", async () => {
      for (const raw of FRAMING_ERRORS) {
        const answer = parseResponse((await exchange(server.port, [raw], { waitMs: 2000 })).received);
        expectEmrError({ status: answer.status, headers: answer.headers, text: answer.body });
      }
    });

    // The Content-Type header was never looked at: a body sent as text/plain, application/json or with no
    // Content-Type at all was served (200) as if it were application/x-amz-json-1.1.
    it("refuses a request whose Content-Type is not application/x-amz-json-1.1", async () => {
      const body = JSON.stringify({ ClusterId: seeded.cluster });
      for (const type of ["text/plain", "application/json", "application/x-www-form-urlencoded", ""]) {
        expectEmrError(await post(server.endpoint, "ListSteps", body, { headers: { "content-type": type } }));
      }
    });

    // The body was decoded with Buffer#toString("utf8"), which turns invalid UTF-8 into U+FFFD silently; the
    // step was stored (200) under a name the client never sent, where a JSON parser of bytes refuses the request.
    it("refuses a body that is not valid UTF-8 with SerializationException", async () => {
      const body = Buffer.concat([
        Buffer.from(`{"JobFlowId":"${seeded.scratch}","Steps":[{"Name":"bad `),
        Buffer.from([0xff, 0xc3, 0x28]),
        Buffer.from(`","ActionOnFailure":"CONTINUE","HadoopJarStep":{"Jar":"command-runner.jar","Args":["true"]}}]}`),
      ]);
      expectEmrError(await post(server.endpoint, "AddJobFlowSteps", body), "SerializationException");
    });

    // RunJobFlow took any integer as StepConcurrencyLevel (ModifyCluster checked 1–256). With 0 or less no step
    // ever started: the cluster said WAITING with its steps PENDING for good.
    it("refuses RunJobFlow with a StepConcurrencyLevel outside 1–256", async () => {
      for (const level of [0, -1, 257, 2_147_483_647]) {
        const answer = await post(
          server.endpoint,
          "RunJobFlow",
          JSON.stringify({
            Name: "level",
            Instances: { KeepJobFlowAliveWhenNoSteps: true },
            StepConcurrencyLevel: level,
          }),
        );
        if (answer.status === 200) await terminate(answer);
        expectEmrError(answer);
      }
    });

    // RunJobFlow did not apply the 256-active-step limit that AddJobFlowSteps applies: 257 PENDING steps.
    it("refuses RunJobFlow with more steps than may be active on a cluster", async () => {
      const Steps = Array.from({ length: 257 }, (_, i) => ({
        Name: `s${i}`,
        ActionOnFailure: "CONTINUE",
        HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] },
      }));
      const answer = await post(server.endpoint, "RunJobFlow", JSON.stringify({ Name: "many", Instances: {}, Steps }));
      if (answer.status === 200) await terminate(answer);
      expectEmrError(answer, "ValidationException");
    });

    // ListSteps took any number of StepIds (EMR: at most 10), CancelSteps any number of ids (EMR: 256).
    it("refuses ListSteps with more than 10 StepIds and CancelSteps with more than 256", async () => {
      const ids = (n: number) => Array.from({ length: n }, (_, i) => `s-${String(i).padStart(13, "0")}`);
      expectEmrError(
        await post(server.endpoint, "ListSteps", JSON.stringify({ ClusterId: seeded.cluster, StepIds: ids(11) })),
      );
      expectEmrError(
        await post(server.endpoint, "CancelSteps", JSON.stringify({ ClusterId: seeded.scratch, StepIds: ids(257) })),
      );
    });
  });
});

/** HTTP/1.1 that Node's parser refuses before the emulator sees a request. */
const FRAMING_ERRORS = [
  "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: ElasticMapReduce.ListClusters\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
  "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
  head("ListClusters", -1),
  head("ListClusters", "2, 3"),
  "HELLO\r\n\r\n",
  `POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: ElasticMapReduce.${"A".repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`,
];

/** Ends a cluster a bug let through, so that its steps do not run through the rest of the file. */
async function terminate(answer: Answer): Promise<void> {
  const { JobFlowId } = JSON.parse(answer.text) as { JobFlowId: string };
  await post(server.endpoint, "TerminateJobFlows", JSON.stringify({ JobFlowIds: [JobFlowId] }));
}
