import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXIT_CODE_TABLE } from "../src/exit-codes.js";
import { sharedCluster, TEST_KEYS } from "./support/emulator.js";
import { cliStep, fixtures } from "./support/fixtures.js";
import { jsonOutput } from "./support/output-schema.js";
import { emrkit } from "./support/run-cli.js";

const { file } = fixtures();
const shared = sharedCluster();

describe.concurrent("the exit-code table", () => {
  it("is the same in --help, every command's --help and the README", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const code of ["0", "1", "2", "3", "4", "5", "70", "130"])
      expect(readme).toMatch(new RegExp(`^\\| ${code} \\|`, "m"));
    for (const args of [["--help"], ["submit", "--help"], ["validate", "--help"], ["render", "--help"]]) {
      const help = await emrkit(args);
      expect([args, help.code]).toEqual([args, 0]);
      expect(help.stdout).toContain(EXIT_CODE_TABLE);
    }
  });

  it("2 for no command at all: the help, on standard error", async () => {
    const bare = await emrkit([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^Usage: emrkit \[options\] \[command\]/);
  });

  it("--version prints the package's version, exit 0", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(await emrkit(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("4 when EMR refuses: a cluster that does not exist", async () => {
    const steps = file("nowhere.json", [cliStep("x", ["true"])]);
    const [, , , , ...rest] = shared.submitArgs(steps);
    const result = await emrkit(["submit", steps, "--cluster", "j-DOESNOTEXIST", ...rest, "--json"], TEST_KEYS);
    expect(result.code).toBe(4);
    const json = jsonOutput(result.stdout);
    expect(json).toMatchObject({ ok: false, exitCode: 4, error: { kind: "refused" } });
    expect(json.error.message).toMatch(/^EMR refused the request: \w+: /);
  });
});
