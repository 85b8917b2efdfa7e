import { type JournalFs, nodeFs } from "../src/emr/journal-fs.js";

/**
 * node:fs whose fsyncs wait, while a gate is up, until it is let down (`hold()` gives what lets it down), and which
 * says when a journal line holding some record has been written.
 */
export function heldFsyncs() {
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
  /** Resolves once a journal line has held a record with every member of `like` (`{ id, state: "RUNNING" }`). */
  async function written(like: Record<string, string>): Promise<void> {
    const matches = (record: Record<string, unknown>) => Object.entries(like).every(([k, v]) => record[k] === v);
    for (let tries = 0; tries < 1_000; tries++) {
      if (writes.some((w) => (JSON.parse(w) as Record<string, unknown>[]).some(matches))) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no journal line with a record like ${JSON.stringify(like)} was written`);
  }
  return { journalFs, hold, written };
}
