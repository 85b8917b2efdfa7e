/** run() sends what preflight checked: a request read twice (a getter, a Proxy) cannot slip other steps past it. */
import { run } from "@emrkit/runtime";
import { expect, it } from "vitest";
import { emulatorPerTest, fast } from "./support/emulator.js";

const open = emulatorPerTest();

it("a getter that answers short to the check and long afterwards: the checked steps are the ones sent", async () => {
  const opened = await open();
  const JobFlowId = await opened.cluster();
  let reads = 0;
  const HadoopJarStep = {
    Jar: "command-runner.jar",
    get Args() {
      return reads++ === 0 ? ["true"] : ["echo", "x".repeat(20_040)];
    },
  };
  const Steps = [{ Name: "read-twice", ActionOnFailure: "CONTINUE" as const, HadoopJarStep }];
  const result = await run({ JobFlowId, Steps }, { client: opened.client, ...fast }).result;
  expect(result.ok).toBe(true);
  expect((await opened.allSteps(JobFlowId)).map((s) => s.Config?.Args)).toEqual([["true"]]);
});
