import { execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bin, builtCli } from "./support/built-cli.js";
import { cliEnv } from "./support/run-cli.js";

// Named now, made by the first file a test writes: when every test here is filtered out vitest runs no hook, and
// a folder made at import would stay behind.
const dir = join(tmpdir(), `emrkit-cli-${randomUUID().slice(0, 8)}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, value: unknown) => {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
};

/** Runs `emrkit …` as a process: exit code, stdout, stderr. */
function emrkit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return emrkitIn(cliEnv(), ...args);
}

function emrkitIn(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { env }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** An environment whose temp directory is a fresh, empty folder, so that whatever a command leaves there shows. */
function freshTemp(): { env: NodeJS.ProcessEnv; left: () => string[]; remove: () => void } {
  const temp = mkdtempSync(join(tmpdir(), "emrkit-cli-tmp-"));
  return {
    env: cliEnv({ TMPDIR: temp }),
    left: () => readdirSync(temp),
    remove: () => rmSync(temp, { recursive: true, force: true }),
  };
}

const cliSteps = join(dir, "steps.json");
const failing = join(dir, "failing.json");
beforeAll(async () => {
  await builtCli();
  file("steps.json", [{ Type: "CUSTOM_JAR", Name: "hello", Jar: "command-runner.jar", Args: ["echo", "hello"] }]);
  file("failing.json", [
    {
      Type: "CUSTOM_JAR",
      Name: "boom",
      ActionOnFailure: "CONTINUE",
      Jar: "command-runner.jar",
      Args: ["node", "-e", "throw new TypeError('bad row')"],
    },
  ]);
});

describe.concurrent("emrkit as a process", () => {
  it("validate: exit 0 for good files, 3 with every issue and its path for bad ones", async () => {
    expect((await emrkit("validate", cliSteps)).code).toBe(0);
    const bad = file("bad.json", {
      JobFlowId: "j-1",
      Steps: [{ Name: "a", HadoopJarStep: { Jar: "x.jar" }, hadoop_jar_step: 1 }],
    });
    const result = await emrkit("validate", bad);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(
      "/bad.json:1:73: ✖ Steps[0].hadoop_jar_step: is not a member of StepConfig; did you mean HadoopJarStep?",
    );
  });

  it("render: the steps in each format", async () => {
    const api = JSON.parse((await emrkit("render", cliSteps, "--format", "api", "--cluster", "j-ABC")).stdout);
    expect(api).toEqual({
      JobFlowId: "j-ABC",
      Steps: [
        {
          Name: "hello",
          ActionOnFailure: "CONTINUE",
          HadoopJarStep: { Jar: "command-runner.jar", Args: ["echo", "hello"] },
        },
      ],
    });
    const sfn = JSON.parse((await emrkit("render", cliSteps, "--format", "step-functions")).stdout);
    expect(sfn.States.hello.Resource).toBe("arn:aws:states:::elasticmapreduce:addStep.sync");
    const cfn = JSON.parse((await emrkit("render", cliSteps, "--format", "cloudformation")).stdout);
    expect(Object.values(cfn.Resources).map((r) => (r as { Type: string }).Type)).toEqual(["AWS::EMR::Step"]);
    expect(JSON.parse((await emrkit("render", cliSteps, "--format", "cli")).stdout)[0]).toMatchObject({
      Name: "hello",
    });
    expect((await emrkit("render", cliSteps, "--format", "yaml")).code).not.toBe(0);
  });

  it("submit --local --json: every step with id, name and final state; non-zero when a step fails, with why", async () => {
    const ok = await emrkit("submit", cliSteps, "--local", "--json");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).steps).toEqual([
      expect.objectContaining({ id: expect.stringMatching(/^s-[A-Z0-9]{13}$/), name: "hello", state: "COMPLETED" }),
    ]);
    const bad = await emrkit("submit", failing, "--local");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/boom failed: .*TypeError: bad row/);
    expect((await emrkit("submit", cliSteps)).code).toBe(2);
  }, 30_000);

  it("local: prints its endpoint and its S3 endpoint, serves both, and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [bin, "local", "--data-dir", join(dir, "local")], {
      stdio: ["ignore", "pipe", "ignore"],
      env: cliEnv(),
    });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    expect(first.value).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const s3 = (await lines.next()).value as string;
    expect(s3).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(s3)).text()).toContain("<ListAllMyBucketsResult");
    const res = await fetch(first.value as string, {
      method: "POST",
      headers: { "x-amz-target": "ElasticMapReduce.ListClusters", "content-type": "application/x-amz-json-1.1" },
      body: "{}",
    });
    expect(await res.json()).toEqual({ Clusters: [] });
    child.kill("SIGTERM");
    expect(await new Promise((r) => child.once("exit", r))).toBe(0);
  });

  it("local --verify-signatures: refuses unsigned requests; needs credentials to check against", async () => {
    const env = cliEnv({ AWS_ACCESS_KEY_ID: "AKIDCLI", AWS_SECRET_ACCESS_KEY: "cli-secret" });
    const child = spawn(process.execPath, [bin, "local", "--verify-signatures"], {
      stdio: ["ignore", "pipe", "ignore"],
      env,
    });
    const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
    const res = await fetch(first.value as string, {
      method: "POST",
      headers: { "x-amz-target": "ElasticMapReduce.ListClusters", "content-type": "application/x-amz-json-1.1" },
      body: "{}",
    });
    expect(await res.json()).toMatchObject({ __type: "MissingAuthenticationTokenException" });
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    const bare = cliEnv();
    const refused = await new Promise<{ code: number | null; stderr: string }>((done) => {
      execFile(process.execPath, [bin, "local", "--verify-signatures"], { env: bare }, (error, _out, stderr) =>
        done({ code: error ? Number(error.code) : 0, stderr }),
      );
    });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim().split("\n")).toEqual([expect.stringMatching(/needs local credentials/)]);
  }, 30_000);

  it("never shows a secret: not in progress, failure reasons or probable causes, though the step got it", async () => {
    // The module lives inside the package, so that it can import @emrkit/dsl as a user's module would.
    const modules = mkdtempSync(join(new URL(".", import.meta.url).pathname, ".tmp-secret-"));
    const value = `hunter2-${Date.now()}`;
    const pipeline = join(modules, "pipeline.mjs");
    writeFileSync(
      pipeline,
      `import { command, secret } from "@emrkit/dsl";
const password = secret(${JSON.stringify(value)});
export default [
  command("uses-it", ["sh", "-c", 'echo "connecting with $1"; echo "login refused for $1" >&2; exit 3', "sh", password]).onFailure("CONTINUE"),
];
`,
    );
    try {
      const shown = await emrkit("submit", pipeline, "--local");
      expect(shown.code).toBe(1);
      expect(shown.stdout).toMatch(/uses-it failed: .*login refused for \*\*\*/);
      expect(`${shown.stdout}${shown.stderr}`).not.toContain(value);
      const json = await emrkit("submit", pipeline, "--local", "--json");
      expect(`${json.stdout}${json.stderr}`).not.toContain(value);
      const rendered = await emrkit("render", pipeline, "--format", "cli");
      expect(rendered.stdout).toContain("***");
      expect(rendered.stdout).not.toContain(value);
    } finally {
      rmSync(modules, { recursive: true, force: true });
    }
  }, 60_000);

  it("submit --local leaves nothing in the temp directory; --keep keeps the emulator's data and says where", async () => {
    const temp = freshTemp();
    try {
      const ok = await emrkitIn(temp.env, "submit", cliSteps, "--local");
      expect(ok.code).toBe(0);
      const failed = await emrkitIn(temp.env, "submit", failing, "--local", "--json");
      expect(failed.code).toBe(1);
      expect(temp.left()).toEqual([]);
      const kept = await emrkitIn(temp.env, "submit", cliSteps, "--local", "--keep");
      expect(kept.code).toBe(0);
      const where = /local data kept in (.+)$/m.exec(kept.stderr)?.[1];
      expect(where, kept.stderr).toMatch(/emrkit-emulator-/);
      expect(existsSync(join(where!, "journal.jsonl"))).toBe(true);
      expect(temp.left()).toEqual([where!.split("/").pop()]);
      expect((await emrkitIn(temp.env, "submit", cliSteps, "--cluster", "j-1", "--keep")).code).toBe(2);
    } finally {
      temp.remove();
    }
  }, 60_000);

  it("submit --local: SIGTERM part way stops the steps and removes the emulator's data", async () => {
    const temp = freshTemp();
    const slow = file("slow.json", [
      { Type: "CUSTOM_JAR", Name: "slow", Jar: "command-runner.jar", Args: ["sleep", "30"] },
    ]);
    try {
      const child = spawn(process.execPath, [bin, "submit", slow, "--local"], {
        stdio: ["ignore", "ignore", "pipe"],
        env: temp.env,
      });
      const lines = createInterface({ input: child.stderr! });
      for await (const line of lines) if (/ slow \(s-\w+\) RUNNING$/.test(line)) break;
      expect(temp.left()).toHaveLength(1);
      child.kill("SIGTERM");
      expect(await new Promise((r) => child.once("exit", (code) => r(code)))).toBe(143);
      expect(temp.left()).toEqual([]);
    } finally {
      temp.remove();
    }
  }, 60_000);

  it("local: removes its temporary data when it stops; --keep keeps it and says where", async () => {
    const temp = freshTemp();
    const stopped = async (...args: string[]) => {
      const child = spawn(process.execPath, [bin, "local", ...args], {
        stdio: ["ignore", "pipe", "pipe"],
        env: temp.env,
      });
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
      });
      await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
      expect(temp.left()).toHaveLength(1);
      child.kill("SIGINT");
      expect(await new Promise((r) => child.once("exit", (code) => r(code))), stderr).toBe(0);
      return stderr;
    };
    try {
      expect(await stopped()).toMatch(/removed when it stops/);
      expect(temp.left()).toEqual([]);
      const kept = /^data kept in (.+)$/m.exec(await stopped("--keep"))?.[1];
      expect(temp.left()).toEqual([kept!.split("/").pop()]);
    } finally {
      temp.remove();
    }
  }, 60_000);

  it("codegen and --help", async () => {
    expect((await emrkit("codegen", "--help")).stdout).toContain("Usage: emrkit-codegen");
    expect((await emrkit("--help")).stdout).toContain("submit");
    const missing = await emrkit("validate", join(dir, "nope.json"));
    expect(missing.code).toBe(3);
    expect(missing.stdout.trim()).toBe(`${join(dir, "nope.json")}: no such file`);
  });
});
