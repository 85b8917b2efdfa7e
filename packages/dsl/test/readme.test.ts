import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

describe("the README example", () => {
  it("runs and prints what the README says", () => {
    const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));
    const file = fileURLToPath(new URL("./examples/readme.ts", import.meta.url));
    const out = execFileSync(tsx, ["--conditions=@emrkit/source", file], { encoding: "utf8" });
    expect(out).toContain("spark-submit");
    expect(out).toContain("did you mean HadoopJarStep? [unknown-member]");
    expect(out).toContain("[invalid-s3-uri]");
    expect(out).not.toContain("hunter2");
  });
});
