/**
 * Output piped to a reader that stops early (`emrkit render … | head`): the command must end with its own status
 * and its own messages, not die of EPIPE with a stack trace. The reader here closes its end of a real pipe before
 * the command writes anything, so every write meets a broken pipe (with `head`, whether one does depends on timing).
 * Through the CLI from its sources and from its built dist.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runIntoClosedPipe } from "../../../test/support/closed-pipe.js";
import { bin, builtCli } from "./support/built-cli.js";
import { cliStep, fixtures } from "./support/fixtures.js";
import { cliEnv, emrkit } from "./support/run-cli.js";

const { file } = fixtures();
beforeAll(() => builtCli(), 60_000);

/**
 * `emrkit …` with its standard output a pipe whose reading end is already closed: its status and its stderr. From
 * the sources (the workspace's `pnpm emrkit`), where the module hooks' thread pipes its own output into stdout, or
 * from dist as installed.
 */
function intoClosedPipe(args: string[], fromDist = false): Promise<{ code: number | null; stderr: string }> {
  return runIntoClosedPipe([bin, ...args], { env: cliEnv({ EMRKIT_FROM_DIST: fromDist ? "1" : "0" }) });
}

describe.concurrent("emrkit writing into a closed pipe", () => {
  it("render, from the sources and from dist: status 0, nothing on stderr", async () => {
    const long = "x".repeat(2000);
    const steps = file(
      "pipe-render.json",
      Array.from({ length: 250 }, (_, i) => cliStep(`s${i}`, ["echo", long])),
    );
    expect(await intoClosedPipe(["render", steps, "--format", "cli"])).toEqual({ code: 0, stderr: "" });
    expect(await intoClosedPipe(["render", steps, "--format", "cli"], true)).toEqual({ code: 0, stderr: "" });
  });

  it("validate of a file with issues: the status it has without the pipe, no crash", async () => {
    const bad = file("pipe-bad.json", [{ Type: "CUSTOM_JAR", Name: "x", Jar: "command-runner.jar", Args: [""] }, 7]);
    const piped = await intoClosedPipe(["validate", bad]);
    expect(piped.stderr).not.toMatch(/EPIPE|Unhandled|at .*\(/);
    expect(piped.code).toBe((await emrkit(["validate", bad])).code);
  });
});
