/** S3DistCp's options as the EMR Release Guide's options table gives them, and the Java patterns they take. */
import { describe, expect, it } from "vitest";
import { javaMatcher } from "../../src/emr/programs/s3-dist-cp/java-regex.js";
import { parseDistCpOptions } from "../../src/emr/programs/s3-dist-cp/options.js";

describe("parseDistCpOptions", () => {
  it("takes --name=value and --name value, MiB for --targetSize, gz as gzip, and ignores what only tunes real S3", () => {
    const o = parseDistCpOptions([
      "--src",
      "s3://in/",
      "--dest=hdfs:///out",
      "--targetSize=2",
      "--outputCodec",
      "GZ",
      "--deleteOnSuccess",
      "--multipartUploadChunkSize=32",
      "--disableMultipartUpload",
      "-D",
      "mapreduce.job.reduces=4",
    ]);
    expect(o).toMatchObject({
      src: "s3://in/",
      dest: "hdfs:///out",
      targetSize: 2 * 1024 * 1024,
      outputCodec: "gzip",
      deleteOnSuccess: true,
    });
    expect(o.ignored).toEqual([
      "--multipartUploadChunkSize=32",
      "--disableMultipartUpload",
      "-Dmapreduce.job.reduces=4",
    ]);
  });

  it.each([
    [["--src=s3://a/", "--dest=s3://b/", "--src=s3://c/"], "Args[2]: --src is given twice"],
    [["--src=s3://a/", "--dest"], "Args[1]: --dest needs a value (--dest=VALUE or --dest VALUE)"],
    [["--src=s3://a/", "--dest=s3://b/", "s3://c/"], 'Args[2]: "s3://c/" is not an option'],
    [
      ["--src=s3://a/", "--dest=s3://b/", "--previousManifest=s3://m"],
      "Args[2]: --previousManifest is an S3DistCp option this emulator does not implement (manifests)",
    ],
    [
      ["--src=s3://a/", "--dest=s3://b/", "--appendToLastFile"],
      "--appendToLastFile is an S3DistCp option this emulator does not implement",
    ],
    [
      ["--src=s3://a/", "--dest=s3://b/", "--targetSize=0"],
      "--targetSize must be a whole number of mebibytes, 1 or more",
    ],
    [["--src=s3://a/"], "--dest is required"],
  ])("refuses %j", (args, message) => {
    expect(() => parseDistCpOptions(args)).toThrow(message);
  });
});

describe("javaMatcher", () => {
  it("matches the whole path, as Java's matches() does, not a part of it as RegExp.test would", () => {
    expect(javaMatcher(".*\\.log").test("s3://b/x.log")).toBe(true);
    expect(javaMatcher("\\.log").test("s3://b/x.log")).toBe(false);
    // The whole pattern, alternatives and all: ^a|b.*$ would take "ab" by its first alternative.
    expect(javaMatcher("a|b.*").test("ab")).toBe(false);
    expect(javaMatcher("a|b.*").test("bx")).toBe(true);
  });

  it("translates \\Q…\\E and a leading (?i); refuses what Java means and JavaScript does not", () => {
    expect(javaMatcher("\\Qa.b*\\E.*").test("a.b*c")).toBe(true);
    expect(javaMatcher("\\Qa.b\\E").test("axb")).toBe(false);
    expect(javaMatcher("(?i).*\\.LOG").test("s3://b/x.log")).toBe(true);
    expect(() => javaMatcher("a++")).toThrow("possessive quantifiers");
    expect(() => javaMatcher("(?>a)")).toThrow("atomic groups");
    expect(() => javaMatcher("\\Aa\\z")).toThrow("the anchors");
    expect(() => javaMatcher("[a-z&&[^b]]")).toThrow("intersection");
    expect(() => javaMatcher("a(?s).*")).toThrow("inline flags");
    expect(() => javaMatcher("(")).toThrow("it is not a regular expression");
  });
});
