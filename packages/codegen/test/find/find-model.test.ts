/**
 * `--service NAME`: finding a service's model in a models directory, a botocore clone, an api-models-aws clone
 * and an installed botocore; the newest version; `--format`; and an error that names every place looked in.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { pythonBotocoreData } from "../../src/find/botocore-locations.js";
import { findModel, generate, ModelNotFoundError, main } from "../../src/index.js";
import { describeWithModels, MODELS_DIR } from "../helpers/models.js";
import { tempDir } from "../helpers/temp-dir.js";

const temp = tempDir("emrkit-codegen-find-");

function touch(...parts: string[]): string {
  const path = join(temp, ...parts);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, "{}\n");
  return path;
}

const nowhere = { env: {}, botocoreData: [], askPython: () => ({ reason: "not asked in this test" }) };

describe("layouts", () => {
  test("a models directory: botocore first, the newest version, --format smithy for the Smithy one", () => {
    const old = touch("project", "models", "botocore", "sqs-2009-02-01.service-2.json");
    const botocore = touch("project", "models", "botocore", "sqs-2012-11-05.service-2.json");
    const smithy = touch("project", "models", "smithy", "sqs-2012-11-05.json");
    touch("project", "models", "botocore", "sqs-extra-2030-01-01.service-2.json");
    const cwd = join(temp, "project");
    expect(findModel({ service: "sqs", cwd, ...nowhere }).path).toBe(botocore);
    expect(findModel({ service: "sqs", format: "smithy", cwd, ...nowhere }).path).toBe(smithy);
    expect(old).not.toBe(botocore);
  });

  test("a botocore clone, its package folder or its data folder, given with --models", () => {
    const path = touch("boto", "botocore", "data", "sqs", "2012-11-05", "service-2.json");
    touch("boto", "botocore", "data", "sqs", "2012-11-05", "paginators-1.json");
    for (const models of ["boto", "boto/botocore", "boto/botocore/data"]) {
      expect(findModel({ service: "sqs", models, cwd: temp, ...nowhere })).toEqual({
        path,
        format: "botocore",
        version: "2012-11-05",
      });
    }
  });

  test("an api-models-aws clone, given with --models", () => {
    const path = touch("api-models-aws", "models", "sqs", "service", "2012-11-05", "sqs-2012-11-05.json");
    expect(findModel({ service: "sqs", models: "api-models-aws", cwd: temp, ...nowhere }).path).toBe(path);
    expect(() =>
      findModel({ service: "sqs", format: "botocore", models: "api-models-aws", cwd: temp, ...nowhere }),
    ).toThrow(/found no botocore model of sqs; looked in --models .*api-models-aws$/);
  });

  test("an installed botocore's data folder, after the models directories", () => {
    const path = touch("site-packages", "botocore", "data", "sqs", "2012-11-05", "service-2.json");
    const found = findModel({
      service: "sqs",
      cwd: join(temp, "empty"),
      env: {},
      botocoreData: [join(temp, "site-packages", "botocore", "data")],
      askPython: () => {
        throw new Error("Python must not be asked when a usual place has the model");
      },
    });
    expect(found.path).toBe(path);
  });
});

describe("not found", () => {
  test("the error names every place looked in", () => {
    const error = (() => {
      try {
        findModel({
          service: "nosuchservice",
          cwd: join(temp, "empty"),
          env: { EMRKIT_MODELS_DIR: join(temp, "shared") },
          botocoreData: ["/nonexistent/botocore/data"],
          askPython: () => ({ reason: "python3 has no botocore module" }),
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ModelNotFoundError);
    expect((error as Error).message.replaceAll(temp, "$TMP")).toBe(
      "found no botocore or Smithy model of nosuchservice; looked in models directory $TMP/empty/models (missing); " +
        "models directory $TMP/shared (missing); no installed botocore in the 1 usual places; " +
        "python3 (python3 has no botocore module)",
    );
  });

  test("the command says it in one line and exits 1; --format and --models need --service", () => {
    const err: string[] = [];
    const code = main(
      ["--service", "nosuchservice", "--models", join(temp, "empty"), "--out", join(temp, "out")],
      () => {},
      (line) => err.push(line),
    );
    expect(code).toBe(1);
    expect(err).toEqual([
      `emrkit-codegen: found no botocore or Smithy model of nosuchservice; looked in --models ${join(temp, "empty")} (missing)`,
    ]);
    expect(
      main(
        ["--model", "x.json", "--format", "smithy", "--out", temp],
        () => {},
        () => {},
      ),
    ).toBe(2);
    expect(
      main(
        ["--service", "../etc", "--out", temp],
        () => {},
        () => {},
      ),
    ).toBe(1);
  });
});

const PINNED_SQS = join(MODELS_DIR, "botocore", "sqs-2012-11-05.service-2.json");

describeWithModels("the command, by name, on the pinned SQS model", [PINNED_SQS], () => {
  test("generates the pinned SQS model by name from a models directory", () => {
    const dir = join(temp, "by-name");
    mkdirSync(join(dir, "botocore"), { recursive: true });
    copyFileSync(PINNED_SQS, join(dir, "botocore", "sqs-2012-11-05.service-2.json"));
    const out: string[] = [];
    const code = main(["--service", "sqs", "--models", dir, "--out", join(temp, "sqs-out"), "--emit", "types"], (l) =>
      out.push(l),
    );
    expect(code).toBe(0);
    expect(out[0]).toBe(`emrkit-codegen: sqs is ${join(dir, "botocore", "sqs-2012-11-05.service-2.json")}`);
    expect(out[1]).toMatch(/^emrkit-codegen: wrote 2 files to /);
  });
});

describe("the command, by name", () => {
  const python = pythonBotocoreData();
  test.skipIf(python.dir === undefined)(
    `finds SQS in the botocore Python imports${python.dir === undefined ? ` — SKIPPED: ${python.reason}` : ""}`,
    () => {
      const found = findModel({ service: "sqs", cwd: join(temp, "empty"), env: {}, botocoreData: [] });
      expect(found.path.startsWith(python.dir!)).toBe(true);
      // The PyPI package ships its models gzipped; the loader reads them as they are.
      expect(found.path).toMatch(/sqs[/\\]\d{4}-\d{2}-\d{2}[/\\]service-2\.json(\.gz)?$/);
      expect(generate({ model: found.path, emit: ["types"] }).get("types.generated.ts")).toContain(
        "export interface SendMessageRequest {",
      );
    },
  );
});
