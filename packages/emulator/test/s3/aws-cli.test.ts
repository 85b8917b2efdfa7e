/**
 * The AWS CLI's own S3 commands against the local S3 endpoint, signatures checked, found through
 * AWS_ENDPOINT_URL_S3 as a step finds it: a 20 MB file up (multipart past 8 MB) and down, ls, sync, rm --recursive.
 * Skipped, loudly, where `aws` is not installed.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { clientEnv, HAS_AWS_CLI, warnIfMissing } from "../interop/clients.js";
import { started } from "../support.js";
import { tempDir } from "../temp-dir.js";
import { LOCAL } from "./s3-clients.js";

const run$ = promisify(execFile);
warnIfMissing("S3 tests");

describe.skipIf(!HAS_AWS_CLI)("aws s3 against the local S3 endpoint", () => {
  it("cp of 20 MB up and down, ls, sync, rm --recursive: plain files in the root all along", async () => {
    const emu = await started({ verifySignatures: LOCAL });
    const env = { ...clientEnv(LOCAL), AWS_ENDPOINT_URL_S3: emu.s3Endpoint };
    const aws = async (...args: string[]) => (await run$("aws", ["s3", ...args], { env })).stdout;
    const quiet = (...args: string[]) => aws(...args, "--only-show-errors");
    const dir = tempDir("emrkit-s3-cli-");
    const big = randomBytes(20 * 1000 * 1000);
    writeFileSync(join(dir, "big.bin"), big);
    await aws("mb", "s3://data");
    await quiet("cp", join(dir, "big.bin"), "s3://data/in/big.bin");
    expect(readFileSync(join(emu.s3Root, "data", "in", "big.bin")).equals(big)).toBe(true);
    await quiet("cp", "s3://data/in/big.bin", join(dir, "back.bin"));
    expect(readFileSync(join(dir, "back.bin")).equals(big)).toBe(true);

    mkdirSync(join(dir, "tree", "a", "b"), { recursive: true });
    writeFileSync(join(dir, "tree", "top.txt"), "top");
    writeFileSync(join(dir, "tree", "a", "b", "deep.txt"), "deep");
    await quiet("sync", join(dir, "tree"), "s3://data/tree");
    expect(readFileSync(join(emu.s3Root, "data", "tree", "a", "b", "deep.txt"), "utf8")).toBe("deep");
    // A second sync finds everything there and sends nothing: sizes and times agree.
    const again = await run$("aws", ["s3", "sync", join(dir, "tree"), "s3://data/tree"], { env });
    expect(again.stdout).toBe("");

    const ls = await aws("ls", "s3://data/");
    expect(
      ls
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    ).toEqual(["PRE in/", "PRE tree/"]);
    const recursive = await aws("ls", "--recursive", "s3://data/tree/");
    expect(recursive).toMatch(/ 4 tree\/a\/b\/deep\.txt\n.* 3 tree\/top\.txt\n$/);

    await quiet("rm", "--recursive", "s3://data/tree");
    expect(existsSync(join(emu.s3Root, "data", "tree"))).toBe(false);
    expect(readdirSync(join(emu.s3Root, "data"))).toEqual(["in"]);
  }, 120_000);
});
