/**
 * A step's program starts only once its RUNNING is on disk (engine.ts: nothing leaves the process before the
 * journal has it). A cluster terminated in that gap, its TERMINATING made while the step's RUNNING still waits for
 * its fsync, must not then start the program: the step ends CANCELLED because of the cluster, its program never
 * run. Over HTTP with @aws-sdk/client-emr, on node:fs for the journal with the fsync of the step's start held back.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { AddJobFlowStepsCommand, TerminateJobFlowsCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { type JournalFs, nodeFs } from "../src/emr/journal-fs.js";
import { clientFor, cluster, clusterIn, run, settled, started } from "./support.js";
import { tempDir } from "./temp-dir.js";

/**
 * node:fs whose fsyncs wait, while a gate is up, until it is let down (`hold()` gives what lets it down), and which
 * says when a write holding some text has been made.
 */
function heldFsyncs() {
  let gate: Promise<void> | undefined;
  const writes: string[] = [];
  const journalFs: JournalFs = {
    ...nodeFs,
    writeSync: (fd, buffer, offset, length) => {
      const n = nodeFs.writeSync(fd, buffer, offset, length);
      writes.push(Buffer.from(buffer.subarray(offset, offset + n)).toString("utf8"));
      return n;
    },
    fsync: (fd, callback) => {
      if (gate) void gate.then(() => nodeFs.fsync(fd, callback));
      else nodeFs.fsync(fd, callback);
    },
  };
  const hold = (): (() => void) => {
    let open = () => {};
    gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    return () => {
      gate = undefined;
      open();
    };
  };
  async function written(text: string): Promise<void> {
    for (let tries = 0; tries < 500; tries++) {
      if (writes.some((w) => w.includes(text))) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no journal line with ${text} was written`);
  }
  return { journalFs, hold, written };
}

describe("a cluster terminated while its step's start is not yet on disk", () => {
  it("the step ends CANCELLED because of the cluster, and its program never runs", async () => {
    const disk = heldFsyncs();
    const emu = await started({ journalFs: disk.journalFs });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client);
    await clusterIn(client, id, "WAITING");
    const marker = join(tempDir("emrkit-never-run-"), "ran");
    const letGo = disk.hold();
    const adding = client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("never", ["touch", marker])] }));
    await disk.written('"RUNNING"');
    const terminating = client.send(new TerminateJobFlowsCommand({ JobFlowIds: [id] }));
    await disk.written('"TERMINATING"');
    // The step's RUNNING goes to disk (and its program would start) with the cluster already TERMINATING.
    letGo();
    await Promise.all([adding, terminating]);
    const [step] = await settled(client, id);
    expect(step!.Status!.State).toBe("CANCELLED");
    expect(step!.Status!.StateChangeReason).toEqual({ Message: "Cluster terminated" });
    await clusterIn(client, id, "TERMINATED");
    expect(existsSync(marker)).toBe(false);
  });
});
