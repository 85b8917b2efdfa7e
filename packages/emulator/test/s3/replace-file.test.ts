/**
 * replace-file.ts, on real files: the new file takes the path; when it cannot, the old one is there as it was
 * (as a failed put leaves the old object in S3); a folder in the way is never moved nor removed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replaceFileSync } from "../../src/s3/replace-file.js";
import { tempDir } from "../temp-dir.js";

describe("replaceFileSync", () => {
  it("puts the new file in place of the old one and leaves nothing beside it", () => {
    const dir = tempDir("emrkit-replace-");
    writeFileSync(join(dir, "key"), "old");
    writeFileSync(join(dir, "temp"), "new");
    replaceFileSync(join(dir, "temp"), join(dir, "key"));
    expect(readFileSync(join(dir, "key"), "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["key"]);
  });

  it("puts the old file back when the new one cannot take its place", () => {
    const dir = tempDir("emrkit-replace-");
    writeFileSync(join(dir, "key"), "old");
    // A temporary file that is not there: the rename fails after the old name was removed.
    expect(() => replaceFileSync(join(dir, "gone"), join(dir, "key"))).toThrow(/ENOENT/);
    expect(readFileSync(join(dir, "key"), "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["key"]);
  });

  it("never moves nor removes a folder in the way (a key that is the folder of others)", () => {
    const dir = tempDir("emrkit-replace-");
    mkdirSync(join(dir, "a"));
    writeFileSync(join(dir, "a", "b"), "b");
    writeFileSync(join(dir, "temp"), "new");
    expect(() => replaceFileSync(join(dir, "temp"), join(dir, "a"))).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readFileSync(join(dir, "a", "b"), "utf8")).toBe("b");
    expect(existsSync(join(dir, "temp.old"))).toBe(false);
  });
});
