import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { probableCause } from "../src/internal/probable-cause.js";

const javaLog = `26/11/24 12:00:01 INFO Client: Submitting application
Exception in thread "main" org.apache.spark.SparkException: Job aborted.
\tat org.apache.spark.sql.execution.datasources.FileFormatWriter$.write(FileFormatWriter.scala:231)
\tat org.apache.spark.sql.Dataset.run(Dataset.scala:10)
Caused by: java.io.FileNotFoundException: s3://bucket/input/part-0 (No such file or directory)
\tat java.io.FileInputStream.open0(Native Method)
\t... 12 more
26/11/24 12:00:02 INFO ShutdownHookManager: Shutdown hook called
`;

const pythonLog = `Traceback (most recent call last):
  File "/tmp/a.py", line 1, in <module>
    raise ValueError("first")
ValueError: first

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/tmp/a.py", line 3, in <module>
    open("/missing")
FileNotFoundError: [Errno 2] No such file or directory: '/missing'
`;

const nodeLog = `[eval]:1
throw new Error('boom')
^

Error: boom
    at [eval]:1:7
    at runScriptInThisContext (node:internal/vm:209:10)

Node.js v20.19.0
`;

describe("probableCause", () => {
  it("takes the root cause of a Java exception chain, with the lines around it", () => {
    const cause = probableCause(javaLog);
    expect(cause?.summary).toBe("java.io.FileNotFoundException: s3://bucket/input/part-0 (No such file or directory)");
    expect(cause?.lines[0]).toMatch(/^Exception in thread "main"/);
    expect(cause?.lines).toContain("\t... 12 more");
  });

  it("takes the last Python traceback and its final line", () => {
    const cause = probableCause(pythonLog);
    expect(cause?.summary).toBe("FileNotFoundError: [Errno 2] No such file or directory: '/missing'");
    expect(cause?.lines[0]).toBe("Traceback (most recent call last):");
    expect(cause?.lines).toHaveLength(4);
  });

  it("finds Node's Error line", () => {
    expect(probableCause(nodeLog)?.summary).toBe("Error: boom");
  });

  it("falls back to the last non-empty lines, and to nothing for an empty stderr", () => {
    expect(probableCause("a\nb\n\n")).toEqual({ summary: "b", lines: ["a", "b"] });
    expect(probableCause("\n \n")).toBeUndefined();
  });

  it("finds a traceback wherever it sits among unrelated lines", () => {
    const noise = fc.array(fc.stringMatching(/^[a-z ]{0,20}$/), { maxLength: 20 });
    fc.assert(
      fc.property(noise, noise, (before, after) => {
        const text = [...before, ...pythonLog.split("\n").slice(7, 11), ...after.map((l) => ` ${l}`)].join("\n");
        expect(probableCause(text)?.summary).toBe("FileNotFoundError: [Errno 2] No such file or directory: '/missing'");
      }),
    );
  });
});
