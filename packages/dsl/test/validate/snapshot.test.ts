/**
 * What is checked is what is sent: snapshotRequest reads a request once, into plain data, and the places that check
 * and then hand a request on (the builders, fromJson) check such a copy, so a getter or a Proxy that gives one value
 * to the check and another to the serialiser cannot slip a request past them.
 */
import { fromJson, jobFlow, pipeline, type StepConfig, snapshotRequest, snapshotSteps, validate } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

/** Args that read short the first time and 20,040 characters every time after. */
function shifty(): { step: StepConfig; reads: () => number } {
  let reads = 0;
  const jarStep = { Jar: "command-runner.jar" } as { Jar: string; Args: string[] };
  Object.defineProperty(jarStep, "Args", {
    enumerable: true,
    get: () => (reads++ === 0 ? ["echo"] : Array.from({ length: 20 }, () => "x".repeat(1_002))),
  });
  return { step: { Name: "a", ActionOnFailure: "CONTINUE", HadoopJarStep: jarStep }, reads: () => reads };
}

const SHORT = { Name: "a", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "command-runner.jar", Args: ["echo"] } };

describe("snapshotRequest", () => {
  it("reads each member once: validating the snapshot checks what sending it sends", () => {
    const { step, reads } = shifty();
    const checked = snapshotRequest({ JobFlowId: "j-1", Steps: [step] });
    expect(reads()).toBe(1);
    expect(validate(checked).ok).toBe(true);
    expect(JSON.parse(JSON.stringify(checked))).toEqual({ JobFlowId: "j-1", Steps: [SHORT] });
    // The input itself now reads long: sending it would send 20,040 characters that were never checked.
    expect(JSON.stringify(step).length).toBeGreaterThan(20_040);
    expect(validate({ JobFlowId: "j-1", Steps: [step] }).issues.map((i) => i.code)).toEqual([
      "hadoop-jar-step-too-long",
    ]);
  });

  it("copies every object and list of the request, as plain own data", () => {
    const input = {
      JobFlowId: "j-1",
      Steps: [
        {
          Name: "a",
          HadoopJarStep: { Jar: "j", Args: ["x"], Properties: [{ Key: "k", Value: "v" }] },
          StepMonitoringConfiguration: { S3MonitoringConfiguration: { LogUri: "s3://logs-bucket/" } },
        },
      ],
    };
    const copy = snapshotRequest(input);
    expect(copy).toEqual(input);
    let objects = 0;
    const walk = (a: unknown, b: unknown) => {
      if (typeof a !== "object" || a === null) return;
      expect(a).not.toBe(b);
      objects++;
      for (const key of Object.keys(a)) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
    };
    walk(copy, input);
    expect(objects).toBe(9);
  });

  it("reads through a Proxy once", () => {
    let reads = 0;
    const step = new Proxy({ Name: "a", HadoopJarStep: { Jar: "j" } } as StepConfig, {
      get(target, key, receiver) {
        if (key === "Name") reads++;
        return reads > 1 && key === "Name" ? "n".repeat(300) : Reflect.get(target, key, receiver);
      },
    });
    const steps = snapshotSteps([step]);
    expect(reads).toBe(1);
    expect(validate({ JobFlowId: "j-1", Steps: steps }).ok).toBe(true);
    expect(steps).toEqual([{ Name: "a", HadoopJarStep: { Jar: "j" } }]);
  });

  it("keeps own __proto__ keys as keys, and an own constructor key on a list does not matter", () => {
    const input = JSON.parse(
      '{"JobFlowId":"j-1","Steps":[{"Name":"a","HadoopJarStep":{"Jar":"j","__proto__":{"x":1}}}]}',
    );
    const args = ["a"];
    Object.defineProperty(args, "constructor", { value: 1, enumerable: false });
    input.Steps[0].HadoopJarStep.Args = args;
    const copy = snapshotRequest(input);
    expect(Object.keys(copy.Steps[0].HadoopJarStep)).toEqual(["Jar", "__proto__", "Args"]);
    expect(validate(copy).issues.map((i) => `${i.code}@${i.path}`)).toEqual([
      "unknown-member@Steps[0].HadoopJarStep.__proto__",
    ]);
  });
});

describe("the builders and fromJson check what they return", () => {
  it("jobFlow().add(stepConfig).build()", () => {
    const { step, reads } = shifty();
    const built = jobFlow("j-1").add(step).build();
    expect(reads()).toBe(1);
    expect(built.Steps[0]).toEqual(SHORT);
  });

  it("pipeline().add(stepConfig).build()", () => {
    const { step, reads } = shifty();
    expect(pipeline().add(step).build().steps).toEqual([SHORT]);
    expect(reads()).toBe(1);
  });

  it("fromJson(value)", () => {
    for (const wrap of [
      (s: StepConfig) => ({ JobFlowId: "j-1", Steps: [s] }),
      (s: StepConfig) => ({ Steps: [s] }),
      (s: StepConfig) => [s],
      (s: StepConfig) => s,
    ]) {
      const { step, reads } = shifty();
      const read = fromJson(wrap(step));
      expect(reads()).toBe(1);
      expect(read.ok).toBe(true);
      const steps = read.ok ? (read.kind === "request" ? read.request.Steps : read.steps) : [];
      expect(JSON.parse(JSON.stringify(steps))).toEqual([SHORT]);
    }
  });

  it("fromJson turns a getter that throws into an issue", () => {
    const step = { Name: "a" } as Record<string, unknown>;
    Object.defineProperty(step, "HadoopJarStep", {
      enumerable: true,
      get: () => {
        throw new Error("no jar today");
      },
    });
    const read = fromJson({ JobFlowId: "j-1", Steps: [step] });
    expect(read).toMatchObject({ ok: false, issues: [{ code: "type", path: "" }] });
    expect(read.issues[0]!.message).toBe("could not be read as plain data: no jar today");
  });
});
