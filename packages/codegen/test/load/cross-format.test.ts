/**
 * Both loaders on the two EMR models (different revisions of the same API): for every shape the raw files define
 * alike — found by `raw-definitions.ts`, which reads the JSON itself, not the loaders' output — the IR is the same.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { loadModelFile } from "../../src/index.js";
import { describeWithModels, EMR_BOTOCORE, EMR_SMITHY } from "../helpers/models.js";
import { canonicalBotocore, canonicalSmithy } from "../helpers/raw-definitions.js";

describeWithModels("the EMR models, botocore and Smithy", [EMR_BOTOCORE, EMR_SMITHY], () => {
  const raw = (path: string) => JSON.parse(readFileSync(path, "utf8"));
  const botocore = canonicalBotocore(raw(EMR_BOTOCORE));
  const smithy = canonicalSmithy(raw(EMR_SMITHY));
  const both = [...botocore.keys()].filter((name) => smithy.has(name)).sort();
  const alike = both.filter((name) => JSON.stringify(botocore.get(name)) === JSON.stringify(smithy.get(name)));

  test("most shapes both files have are defined alike", () => {
    console.info(`cross-format: ${both.length} shapes in both EMR models, ${alike.length} defined alike and compared`);
    // The revisions are 16 months apart and Smithy adds defaults; still, most shapes agree.
    expect(alike.length).toBeGreaterThan(both.length / 2);
  });

  test("for every shape defined alike, both loaders produce the same IR", () => {
    const fromBotocore = loadModelFile(EMR_BOTOCORE);
    const fromSmithy = loadModelFile(EMR_SMITHY);
    const differ = alike.filter(
      (name) => JSON.stringify(fromBotocore.shapes.get(name)) !== JSON.stringify(fromSmithy.shapes.get(name)),
    );
    expect(
      differ.map((name) => [name, fromBotocore.shapes.get(name), fromSmithy.shapes.get(name)]).slice(0, 3),
    ).toEqual([]);
  });
});
