/**
 * S3DistCp's plan, as rules over any set of files: every file chosen lands in exactly one output, in order; a group's
 * files share their --groupBy match; a group's parts reach --targetSize and no more than their last file's worth
 * (the EMR Release Guide: "S3DistCp attempts to match this size", files are never split); numbered only when cut.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DistCpOptions } from "../../src/emr/programs/s3-dist-cp/options.js";
import { planOutputs, type SourceFile } from "../../src/emr/programs/s3-dist-cp/plan.js";

const file = fc
  .record({
    dir: fc.constantFrom("d0", "d1", "d1/x"),
    kind: fc.constantFrom("a", "b", "c"),
    n: fc.nat(5),
    size: fc.integer({ min: 1, max: 100 }),
  })
  .map(({ dir, kind, n, size }): SourceFile => {
    const rel = `${dir}/${kind}-${n}.log`;
    return { uri: `s3://in/${rel}`, path: `/root/in/${rel}`, size };
  });
const files = fc
  .uniqueArray(file, { selector: (f) => f.path, maxLength: 30 })
  .map((fs) => fs.sort((x, y) => (x.path < y.path ? -1 : 1)));
const base = (o: Partial<DistCpOptions>): DistCpOptions => ({
  src: "s3://in/",
  dest: "s3://out/",
  outputCodec: "keep",
  deleteOnSuccess: false,
  ignored: [],
  ...o,
});

describe("planOutputs", () => {
  it("without --groupBy: one output per file --srcPattern keeps, at its place under --dest", () => {
    fc.assert(
      fc.property(files, fc.boolean(), (sources, filtered) => {
        const srcPattern = filtered ? /^(?:.*\/a-.*)$/ : undefined;
        const outputs = planOutputs(base(srcPattern ? { srcPattern } : {}), "/root/in", "/root/out", sources);
        const kept = sources.filter((f) => !srcPattern || srcPattern.test(f.uri));
        expect(outputs).toEqual(kept.map((f) => ({ path: f.path.replace("/root/in/", "/root/out/"), files: [f] })));
      }),
    );
  });

  it("with --groupBy and --targetSize: each grouped file once, in order; parts reach the target by their last file only", () => {
    fc.assert(
      fc.property(files, fc.integer({ min: 1, max: 250 }), (sources, targetSize) => {
        const groupBy = /^(?:.*\/(a|b)-.*)$/;
        const outputs = planOutputs(base({ groupBy, targetSize }), "/root/in", "/root/out", sources);
        const grouped = sources.filter((f) => groupBy.test(f.uri));
        const keyOf = (f: SourceFile) => groupBy.exec(f.uri)![1]!;
        // Each file once, and a group's files in the order they were listed.
        expect(outputs.flatMap((o) => o.files).sort((x, y) => (x.path < y.path ? -1 : 1))).toEqual(grouped);
        for (const key of ["a", "b"]) {
          const parts = outputs.filter((o) => o.files.every((f) => keyOf(f) === key) && o.files.length > 0);
          expect(parts.flatMap((p) => p.files)).toEqual(grouped.filter((f) => keyOf(f) === key));
          parts.forEach((part, i) => {
            const size = part.files.reduce((s, f) => s + f.size, 0);
            if (i < parts.length - 1) expect(size).toBeGreaterThanOrEqual(targetSize);
            expect(size - part.files.at(-1)!.size).toBeLessThan(targetSize);
            // Named after the group, in the folder of its first file; numbered only when the group is cut.
            const dir = parts[0]!.files[0]!.path.replace("/root/in/", "/root/out/").replace(/\/[^/]*$/, "");
            expect(part.path).toBe(`${dir}/${key}${parts.length > 1 ? i : ""}`);
          });
        }
        for (const output of outputs) expect(new Set(output.files.map(keyOf)).size).toBe(1);
      }),
    );
  });

  it("a part ends as soon as it reaches --targetSize, even exactly (a guess: the docs say only that S3DistCp attempts to match it)", () => {
    const sources = [1, 2, 3].map(
      (n): SourceFile => ({ uri: `s3://in/a-${n}.log`, path: `/root/in/a-${n}.log`, size: 50 }),
    );
    const groupBy = /^(?:.*\/(a)-.*)$/;
    const parts = planOutputs(base({ groupBy, targetSize: 100 }), "/root/in", "/root/out", sources);
    expect(parts.map((p) => [p.path, p.files.length])).toEqual([
      ["/root/out/a0", 2],
      ["/root/out/a1", 1],
    ]);
  });

  it("--outputCodec gzip appends .gz (replacing a compression extension), none takes it off", () => {
    const gz: SourceFile = { uri: "s3://in/a.csv.gz", path: "/root/in/a.csv.gz", size: 1 };
    const plain: SourceFile = { uri: "s3://in/b.csv", path: "/root/in/b.csv", size: 1 };
    const paths = (outputCodec: DistCpOptions["outputCodec"]) =>
      planOutputs(base({ outputCodec }), "/root/in", "/root/out", [gz, plain]).map((o) => o.path);
    expect(paths("gzip")).toEqual(["/root/out/a.csv.gz", "/root/out/b.csv.gz"]);
    expect(paths("none")).toEqual(["/root/out/a.csv", "/root/out/b.csv"]);
    expect(paths("keep")).toEqual(["/root/out/a.csv.gz", "/root/out/b.csv"]);
  });
});
