/**
 * Output piped to a reader that stops early (`emrkit-codegen … | head`): the command must end quietly with its own
 * status, not die of EPIPE with a stack trace. The reader here closes its end of a real pipe before the command
 * writes anything, so that every write meets a broken pipe (with `head`, whether one does depends on timing).
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { runIntoClosedPipe as intoClosedPipe } from "../../../test/support/closed-pipe.js";
import { fixture } from "./helpers/fixtures.js";
import { describeWithModels, EMR_BOTOCORE } from "./helpers/models.js";
import { tempDir } from "./helpers/temp-dir.js";

const temp = tempDir("emrkit-codegen-pipe-");
const root = fileURLToPath(new URL("../../../", import.meta.url));

const runIntoClosedPipe = (args: string[]) => intoClosedPipe(args, { cwd: root });

test("emrkit-codegen writing its file list into a closed pipe: status 0, nothing on stderr, files written", async () => {
  const bin = join(root, "packages/codegen/bin/emrkit-codegen.js");
  const out = join(temp, "out");
  const result = await runIntoClosedPipe([bin, "--model", fixture("smithy-traits.json"), "--out", out]);
  expect(result).toEqual({ code: 0, stderr: "" });
  // The work was done: only the report of it went nowhere.
  const again = await runIntoClosedPipe([bin, "--model", fixture("smithy-traits.json"), "--out", out, "--check"]);
  expect(again).toEqual({ code: 0, stderr: "" });
});

test("a failure piped the same way keeps its status and its message on stderr", async () => {
  const bin = join(root, "packages/codegen/bin/emrkit-codegen.js");
  const result = await runIntoClosedPipe([bin, "--model", join(temp, "absent.json"), "--out", join(temp, "x")]);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^emrkit-codegen: .*absent\.json/);
});

describeWithModels("scripts/codegen.ts", [EMR_BOTOCORE], () => {
  test("`pnpm codegen:check` into a closed pipe: status 0, nothing on stderr", async () => {
    const script = join(root, "scripts/codegen.ts");
    const result = await runIntoClosedPipe(["--import", "tsx", "--conditions=@emrkit/source", script, "--check"]);
    expect(result).toEqual({ code: 0, stderr: "" });
  });
});
