/**
 * What a step can do to the machine that runs it: its arguments reach the program literally (no shell ever sees
 * them), and its `s3://` locations resolve inside the local S3 root and nowhere else. Bounded normally; under
 * EMRKIT_STRESS=1 many more inputs.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { AddJobFlowStepsCommand, DescribeStepCommand } from "@aws-sdk/client-emr";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { s3ToLocal } from "../../src/index.js";
import { cluster, emulator, run, settled } from "../support.js";

const STRESS = process.env.EMRKIT_STRESS === "1";

/** Characters and words a shell would act on. */
const HOSTILE = [";", "|", "&", "$", "(", ")", "`", "<", ">", "*", "?", "~", "'", '"', "\\", " ", "!", "{", "}", "#"];
const HOSTILE_WORDS = ["; touch PWNED", "$(touch PWNED)", "`touch PWNED`", "&& touch PWNED", "| tee PWNED", "~", "*"];
const hostileArg = fc.oneof(
  fc.constantFrom(...HOSTILE_WORDS),
  fc.string({ unit: fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom("a", "x", "1", "-", "=")), minLength: 1 }),
);

describe("step arguments", () => {
  it("reach the program exactly as sent: no shell expands, splits or runs them", async () => {
    const { emu, client } = await emulator();
    const id = await cluster(client, { concurrency: 8 });
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(hostileArg, { minLength: 1, maxLength: 8 }), async (args) => {
        tried += args.length;
        const { StepIds } = await client.send(
          new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("literal", ["printf", "%s\\n", ...args])] }),
        );
        const stepId = StepIds![0]!;
        await waitFor(client, id, stepId);
        const printed = readFileSync(`${emu.logRoot}/${id}/steps/${stepId}/stdout`, "utf8");
        expect(printed).toBe(args.map((a) => `${a}\n`).join(""));
      }),
      { numRuns: STRESS ? 1_000 : 40 },
    );
    // Nothing ran `touch PWNED`, wherever a shell would have run it.
    for (const dir of [process.cwd(), emu.dataDir, ...readdirSync(emu.logRoot).map((c) => join(emu.logRoot, c))]) {
      expect(existsSync(join(dir, "PWNED"))).toBe(false);
    }
    console.log(`step isolation: ${tried} hostile arguments passed literally, none interpreted`);
  }, 600_000);
});

describe("s3:// locations", () => {
  const segment = fc.oneof(
    fc.constantFrom("..", ".", "", "%2e%2e", "..%2f", "~", "/", "//", "\\..", "etc", "passwd"),
    fc.stringMatching(/^[a-z0-9._-]{1,8}$/),
  );
  const uri = fc
    .tuple(fc.constantFrom("s3://", "s3n://", "s3://../", "s3:///"), fc.array(segment, { minLength: 1, maxLength: 8 }))
    .map(([scheme, parts]) => scheme + parts.join("/"));

  it("resolve inside the local S3 root or are refused, whatever their segments", () => {
    const root = "/srv/emrkit/s3";
    let inside = 0;
    fc.assert(
      fc.property(uri, (location) => {
        let path: string;
        try {
          path = s3ToLocal(root, location);
        } catch (error) {
          expect((error as Error).message).toMatch(/outside the local S3 root|is not an s3:\/\/bucket\/key location/);
          return;
        }
        inside++;
        const within = relative(root, path);
        expect(within === "" || within.startsWith("..") || isAbsolute(within)).toBe(false);
      }),
      { numRuns: STRESS ? 200_000 : 5_000 },
    );
    console.log(`s3 mapping: ${inside} locations resolved inside the root, the rest refused`);
  });

  it("cannot run a script or a jar outside the root: the step fails and says why", async () => {
    const { emu, client } = await emulator();
    // A script just outside the local S3 root that would leave a mark if it ever ran.
    const canary = join(emu.s3Root, "..", "canary.sh");
    const mark = join(emu.dataDir, "CANARY-RAN");
    mkdirSync(emu.s3Root, { recursive: true });
    writeFileSync(canary, `#!/bin/sh\ntouch '${mark}'\n`, { mode: 0o755 });
    const id = await cluster(client);
    const escapes = ["s3://bucket/../../canary.sh", "s3://../canary.sh", "s3://bucket/../bucket/../../canary.sh"];
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: id,
        Steps: [
          ...escapes.map((script, i) => ({
            Name: `script-${i}`,
            ActionOnFailure: "CONTINUE" as const,
            HadoopJarStep: { Jar: "s3://elasticmapreduce/libs/script-runner/script-runner.jar", Args: [script] },
          })),
          { Name: "jar", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "s3://bucket/../../canary.sh" } },
        ],
      }),
    );
    const steps = await settled(client, id);
    expect(steps.map((s) => s.Status!.State)).toEqual(["FAILED", "FAILED", "FAILED", "FAILED"]);
    for (const stepId of StepIds!) {
      const { Step } = await client.send(new DescribeStepCommand({ ClusterId: id, StepId: stepId }));
      expect(Step!.Status!.FailureDetails!.Message).toMatch(/outside the local S3 root|not an s3:\/\/bucket\/key/);
    }
    expect(existsSync(mark)).toBe(false);
  }, 30_000);
});

async function waitFor(client: Parameters<typeof settled>[0], clusterId: string, stepId: string): Promise<void> {
  for (;;) {
    const { Step } = await client.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: stepId }));
    const state = Step!.Status!.State!;
    if (state === "COMPLETED") return;
    if (state !== "PENDING" && state !== "RUNNING") throw new Error(`step ${stepId} ended ${state}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
