/**
 * s3-dist-cp, built in, against files the test makes in the local S3 root, run as EMR steps over HTTP with
 * @aws-sdk/client-emr. Each case mirrors the EMR Release Guide's S3DistCp page
 * (https://docs.aws.amazon.com/emr/latest/ReleaseGuide/UsingEMR_s3distcp.html): its step example, and what its
 * options table says --groupBy, --targetSize, --outputCodec and --deleteOnSuccess do.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { clientFor, started } from "../support.js";
import { commandStep, put, runSteps } from "./steps.js";

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe("s3-dist-cp", () => {
  it("copies what --srcPattern matches from S3 to HDFS: the docs' example step, --s3Endpoint and all", async () => {
    const emu = await started();
    const node = join(emu.s3Root, "mybucket/logs/j-3GYXXXXXX9IOJ/node");
    put(join(node, "i-01/daemons/yarn-hadoop-resourcemanager.log"), "rm\n");
    put(join(node, "i-02/daemons/hdfs-hadoop-datanode.log"), "dn\n");
    put(join(node, "i-01/daemons/instance-state/console.log"), "no: not -hadoop-\n");
    put(join(node, "i-01/applications/hadoop/x-hadoop-y.log"), "no: not under daemons\n");
    // The step of "Example Copy log files from Amazon S3 to HDFS", as the docs write it.
    const [step] = await runSteps(emu, clientFor(emu.endpoint), [
      commandStep("S3DistCp step", [
        "s3-dist-cp",
        "--s3Endpoint=s3.amazonaws.com",
        "--src=s3://mybucket/logs/j-3GYXXXXXX9IOJ/node/",
        "--dest=hdfs:///output",
        "--srcPattern=.*daemons.*-hadoop-.*",
      ]),
    ]);
    expect(step!.state).toBe("COMPLETED");
    expect(files(step!.hdfs("output"))).toEqual([
      "i-01/daemons/yarn-hadoop-resourcemanager.log",
      "i-02/daemons/hdfs-hadoop-datanode.log",
    ]);
    expect(readFileSync(step!.hdfs("output/i-02/daemons/hdfs-hadoop-datanode.log"), "utf8")).toBe("dn\n");
    expect(step!.stderr).toContain("Files copied=2");
    expect(step!.stderr).toContain("Bytes read=6");
    expect(step!.stderr).toContain("--s3Endpoint=s3.amazonaws.com has no effect on this machine");
    // Its own process, as any step's program: started like one in the controller log.
    expect(step!.controller).toMatch(/startExec '.*node.* .*s3-dist-cp[/\\]main\.[jt]s --s3Endpoint/);
  });

  it("concatenates the files whose --groupBy group matches the same text, named after it (the docs' subnetid pattern)", async () => {
    const emu = await started();
    put(join(emu.s3Root, "logs/hourly/subnetid-10-0-0-1-a.log"), "a1\n");
    put(join(emu.s3Root, "logs/hourly/subnetid-10-0-0-1-b.log"), "b1\n");
    put(join(emu.s3Root, "logs/hourly/subnetid-10-0-0-2-a.log"), "a2\n");
    put(join(emu.s3Root, "logs/hourly/other.log"), "not grouped, so not copied\n");
    const [step] = await runSteps(emu, clientFor(emu.endpoint), [
      commandStep("group", [
        "s3-dist-cp",
        "--src",
        "s3://logs/hourly/",
        "--dest",
        "s3://out/grouped/",
        "--groupBy=.*subnetid.*([0-9]+-[0-9]+-[0-9]+-[0-9]+).*",
      ]),
    ]);
    expect(step!.state).toBe("COMPLETED");
    // Java's matches() backtracks as JavaScript's does: the greedy .* before the group leaves it "0-0-0-1" of "10-0-0-1".
    expect(files(join(emu.s3Root, "out/grouped"))).toEqual(["0-0-0-1", "0-0-0-2"]);
    expect(readFileSync(join(emu.s3Root, "out/grouped/0-0-0-1"), "utf8")).toBe("a1\nb1\n");
    expect(step!.stderr).toContain("Files copied=3");
    expect(step!.stderr).toContain("Files written=2");
  });

  it("cuts a group into parts of about --targetSize MiB, never inside a file, numbered before the .gz of --outputCodec gzip", async () => {
    const emu = await started();
    const chunk = (c: string) => c.repeat(600 * 1024);
    for (const [name, c] of [
      ["01", "a"],
      ["02", "b"],
      ["03", "c"],
    ] as const) {
      put(join(emu.s3Root, `in/hour-7/part-${name}.txt`), chunk(c));
    }
    const [step] = await runSteps(emu, clientFor(emu.endpoint), [
      commandStep("parts", [
        "s3-dist-cp",
        "--src=s3://in/",
        "--dest=s3://out/",
        "--groupBy=.*/(hour-[0-9]+)/.*",
        "--targetSize=1",
        "--outputCodec=gzip",
      ]),
    ]);
    expect(step!.state).toBe("COMPLETED");
    // 600 KiB + 600 KiB reach 1 MiB: the first part; the third file is the second ("myfile0.gz, myfile1.gz").
    expect(files(join(emu.s3Root, "out"))).toEqual(["hour-7/hour-70.gz", "hour-7/hour-71.gz"]);
    const part = (n: number) => gunzipSync(readFileSync(join(emu.s3Root, `out/hour-7/hour-7${n}.gz`))).toString();
    expect(part(0)).toBe(chunk("a") + chunk("b"));
    expect(part(1)).toBe(chunk("c"));
  });

  it("--outputCodec none uncompresses .gz files and drops the extension; keep copies them as they are", async () => {
    const emu = await started();
    put(join(emu.s3Root, "in/a.csv.gz"), gzipSync("x,1\n"));
    put(join(emu.s3Root, "in/b.csv"), "y,2\n");
    const [none, keep] = await runSteps(emu, clientFor(emu.endpoint), [
      commandStep("none", ["s3-dist-cp", "--src=s3://in", "--dest=s3://none", "--outputCodec=none"]),
      commandStep("keep", ["s3-dist-cp", "--src=s3://in", "--dest=s3://keep"]),
    ]);
    expect([none!.state, keep!.state]).toEqual(["COMPLETED", "COMPLETED"]);
    expect(files(join(emu.s3Root, "none"))).toEqual(["a.csv", "b.csv"]);
    expect(readFileSync(join(emu.s3Root, "none/a.csv"), "utf8")).toBe("x,1\n");
    expect(files(join(emu.s3Root, "keep"))).toEqual(["a.csv.gz", "b.csv"]);
    expect(readFileSync(join(emu.s3Root, "keep/a.csv.gz"))).toEqual(gzipSync("x,1\n"));
  });

  it("--deleteOnSuccess deletes the files it copied from --src, and only those", async () => {
    const emu = await started();
    put(join(emu.s3Root, "in/take.log"), "t\n");
    put(join(emu.s3Root, "in/leave.txt"), "l\n");
    const [step] = await runSteps(emu, clientFor(emu.endpoint), [
      commandStep("move", [
        "s3-dist-cp",
        "--src=s3://in/",
        `--dest=file://${join(emu.dataDir, "local-out")}`,
        "--srcPattern=.*\\.log",
        "--deleteOnSuccess",
      ]),
    ]);
    expect(step!.state).toBe("COMPLETED");
    expect(readFileSync(join(emu.dataDir, "local-out/take.log"), "utf8")).toBe("t\n");
    expect(existsSync(join(emu.s3Root, "in/take.log"))).toBe(false);
    expect(existsSync(join(emu.s3Root, "in/leave.txt"))).toBe(true);
    expect(step!.stderr).toContain("Files deleted=1");
  });

  it("fails the step with FailureDetails that say why: an unknown option with the nearest one, codecs it cannot write, others", async () => {
    const emu = await started();
    put(join(emu.s3Root, "in/a.log"), "a\n");
    put(join(emu.s3Root, "mixed/x-1.gz"), gzipSync("1"));
    put(join(emu.s3Root, "mixed/x-2.txt"), "2");
    put(join(emu.s3Root, "native/y.snappy"), "not really snappy");
    const cases: [string[], string][] = [
      [
        ["--src=s3://mixed/", "--dest=s3://out/", "--groupBy=.*(x)-.*"],
        "cannot keep the compression of files compressed differently in one output (s3://mixed/x-1.gz, s3://mixed/x-2.txt)",
      ],
      [
        ["--src=s3://native/", "--dest=s3://out/", "--outputCodec=none"],
        "s3://native/y.snappy: snappy-compressed input needs Hadoop's native codecs to read",
      ],
      [
        ["--src=s3://my_bucket/", "--dest=s3://out/"],
        "--src s3://my_bucket/: S3DistCp does not support bucket names with an underscore",
      ],
      [
        ["--src=s3://in/", "--dest=s3://out/", "--srcPatern=.*"],
        "Args[3]: --srcPatern is not an S3DistCp option; did you mean --srcPattern?",
      ],
      [
        ["--src=s3://in/", "--dest=s3://out/", "--outputCodec=snappy"],
        "--outputCodec snappy: EMR writes snappy with Hadoop's native codecs, which this emulator does not have; use gzip, gz, none or keep here",
      ],
      [
        ["--src=s3://in/", "--dest=s3://out/", "--outputCodec", "lzo"],
        "--outputCodec lzo: EMR writes lzo with Hadoop's native codecs",
      ],
      [
        ["--src=s3://in/", "--dest=s3://out/", "--outputCodec=bzip2"],
        "--outputCodec bzip2 is not a codec S3DistCp knows: it takes gzip, gz, lzo, snappy, none or keep",
      ],
      [
        ["--src=s3://in/", "--dest=s3://out/", "--numberFiles"],
        "Args[3]: --numberFiles is an S3DistCp option this emulator does not implement (numbering output files)",
      ],
      [["--src=s3://in/", "--dest=s3://out/", "--groupBy=.*\\.log"], "--groupBy .*\\.log has no group in parentheses"],
      [
        ["--src=s3://in/", "--dest=s3://out/", "--targetSize=1.5"],
        '--targetSize must be a whole number of mebibytes, 1 or more, not "1.5"',
      ],
      [["--src=s3://in/", "--dest=s3://out/", "--srcPattern=.*+"], "--srcPattern .*+: it uses possessive quantifiers"],
      [
        ["--src=s3://in/", "--dest=s3://out/", "--srcPattern=.*\\.csv"],
        "no files to copy: nothing under --src s3://in/ matches --srcPattern",
      ],
      [["--src=s3://nothing-here/", "--dest=s3://out/"], "--src s3://nothing-here/: nothing is there"],
      [["--src=s3://in/../../etc/", "--dest=s3://out/"], "resolves outside the local S3 root"],
      [["--dest=s3://out/"], "--src is required"],
    ];
    const steps = await runSteps(
      emu,
      clientFor(emu.endpoint),
      cases.map(([args], i) => commandStep(`bad ${i}`, ["s3-dist-cp", ...args])),
    );
    for (const [i, step] of steps.entries()) {
      expect(step.state, cases[i]![1]).toBe("FAILED");
      expect(step.failure?.Message).toContain(`s3-dist-cp: `);
      expect(step.failure?.Message).toContain(cases[i]![1]);
    }
    expect(existsSync(join(emu.s3Root, "out"))).toBe(false);
  });

  it("an I/O error inside the copy fails the step with its reason in FailureDetails, not only in stderr", async () => {
    const emu = await started();
    put(join(emu.s3Root, "in/a.log"), "a\n");
    // The destination's folder is a file: the copy cannot write there (as a full disk or a read-only mount would not).
    put(join(emu.s3Root, "out/blocked"), "a file, not a folder");
    const [step] = await runSteps(emu, clientFor(emu.endpoint), [
      commandStep("blocked", ["s3-dist-cp", "--src=s3://in/", "--dest=s3://out/blocked/copy/"]),
    ]);
    expect(step!.state).toBe("FAILED");
    expect(step!.stderr).toMatch(/ERROR S3DistCp: .*ENOTDIR/);
    expect(step!.failure?.Message).toMatch(/^s3-dist-cp: .*ENOTDIR/);
    // Named as the step named it, not where the emulator keeps it.
    expect(step!.failure?.Message).toMatch(/'s3:\/\/out\/blocked(\/copy)?'/);
    expect(step!.failure?.Message).not.toContain(emu.s3Root);
    expect(step!.failure?.Message).not.toMatch(/exitCode/);
    expect(step!.failure?.LogFile).toMatch(/stderr$/);
  });

  it("runs as EMR's s3-dist-cp.jar too, its options then counted from Args[0]", async () => {
    const emu = await started();
    put(join(emu.s3Root, "in/a.log"), "a\n");
    const [ok, bad] = await runSteps(emu, clientFor(emu.endpoint), [
      {
        Name: "jar",
        HadoopJarStep: {
          Jar: "/usr/share/aws/emr/s3-dist-cp/lib/s3-dist-cp.jar",
          Args: ["--src=s3://in/", "--dest=s3://out/"],
        },
      },
      {
        Name: "jar bad",
        HadoopJarStep: { Jar: "/usr/share/aws/emr/s3-dist-cp/lib/s3-dist-cp.jar", Args: ["--source=s3://in/"] },
      },
    ]);
    expect(ok!.state).toBe("COMPLETED");
    expect(readFileSync(join(emu.s3Root, "out/a.log"), "utf8")).toBe("a\n");
    expect(bad!.failure?.Message).toContain("Args[0]: --source is not an S3DistCp option; did you mean --src?");
  });
});
