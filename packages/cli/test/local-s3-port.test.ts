/**
 * `emrkit local --s3-port N`: the local S3 endpoint on the port asked for (0: a free one), printed as the second
 * line as before; a value that is not a port is a usage error (exit 2) naming the flag. Through the built CLI.
 */
import { createServer } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { builtCli } from "./support/built-cli.js";
import { emrkit, startCli, waitFor } from "./support/run-cli.js";

beforeAll(() => builtCli(), 60_000);

/** A port free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The two endpoints `emrkit local` prints, then a stop. */
async function endpoints(args: string[]): Promise<[string, string]> {
  const local = startCli(["local", ...args]);
  try {
    const [, emr, s3] = await waitFor(local.stdout, /^(http:\S+)\n(http:\S+)\n/);
    // The S3 endpoint answers as S3 does: ListBuckets, unsigned here as signatures are not checked.
    const res = await fetch(s3!);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<ListAllMyBucketsResult");
    return [emr!, s3!];
  } finally {
    local.child.kill("SIGTERM");
    await local.exit;
  }
}

describe("emrkit local --s3-port", () => {
  it("serves the local S3 endpoint on the port given, printed on the second line", async () => {
    const port = await freePort();
    const [emr, s3] = await endpoints(["--s3-port", String(port)]);
    expect(s3).toBe(`http://127.0.0.1:${port}`);
    expect(emr).not.toBe(s3);
  }, 30_000);

  it("0 (the default) picks a free port", async () => {
    const [, s3] = await endpoints(["--s3-port", "0"]);
    expect(Number(new URL(s3).port)).toBeGreaterThan(0);
  }, 30_000);

  it("refuses what is not a port, naming the flag (exit 2)", async () => {
    for (const bad of ["abc", "-1", "65536", "80.5"]) {
      const ran = await emrkit(["local", `--s3-port=${bad}`]);
      expect(ran.code).toBe(2);
      expect(ran.stderr.trim()).toBe(
        `emrkit: --s3-port takes a port number from 0 to 65535 (0 picks a free one), not "${bad}"`,
      );
    }
  }, 30_000);
});
