import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { AddJobFlowStepsCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { clientFor, cluster, emulator, run, settled } from "./support.js";
import { tempDir } from "./temp-dir.js";

const serve = new URL("../src/serve.ts", import.meta.url).pathname;

/** The emulator as its own process, for `kill -9`. */
async function serveProcess(dataDir: string) {
  // node itself, with tsx as a loader, so that SIGKILL reaches the server and not a wrapper around it.
  const args = ["--import", "tsx", "--conditions=@emrkit/source", serve, "--data-dir", dataDir];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const [endpoint] = await createInterface({ input: child.stdout })
    [Symbol.asyncIterator]()
    .next()
    .then((r) => [r.value as string]);
  return { child, endpoint: endpoint! };
}

describe("durability", () => {
  it("after kill -9, every acknowledged step is there once; the running one ends INTERRUPTED and the queue goes on", async () => {
    const dataDir = tempDir("emrkit-restart-");
    const first = await serveProcess(dataDir);
    const client = clientFor(first.endpoint);
    const id = await cluster(client);
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("long", ["sleep", "3"]), run("after", ["true"])] }),
    );
    await new Promise((r) => setTimeout(r, 300));
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    const { client: again } = await emulator(dataDir);
    const steps = await settled(again, id);
    expect(steps.map((s) => s.Id)).toEqual(StepIds);
    expect(steps.map((s) => s.Status!.State)).toEqual(["INTERRUPTED", "COMPLETED"]);
    expect(steps[0]!.Status!.StateChangeReason!.Message).toMatch(/emulator restarted/);
  }, 20_000);
});
