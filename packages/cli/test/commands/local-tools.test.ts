/** `emrkit local --tool name=/path`: the flags become startEmulator's tools option, or a usage error naming the flag. */
import { describe, expect, it } from "vitest";
import { toolsOption } from "../../src/commands/local.js";

describe("emrkit local --tool", () => {
  it("maps each tool named to its program", () => {
    expect(toolsOption(["spark-submit=/opt/spark/bin/spark-submit", "hive-script=/opt/hive/bin/hive"])).toEqual({
      "spark-submit": "/opt/spark/bin/spark-submit",
      "hive-script": "/opt/hive/bin/hive",
    });
    expect(toolsOption([])).toEqual({});
  });

  it.each([
    ["spark-submit", "--tool spark-submit: give it as name=/path/to/program"],
    ["=/x", "--tool =/x: give it as name=/path/to/program"],
    ["spark-submit=", "--tool spark-submit=: give it as name=/path/to/program"],
    ["spark=/x", "--tool spark=/x: the tools are spark-submit, hive-script, pig-script, hadoop-streaming"],
  ])("refuses %s", (flag, message) => {
    expect(() => toolsOption([flag])).toThrow(message);
    try {
      toolsOption([flag]);
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(2);
    }
  });

  it("refuses a tool mapped twice", () => {
    expect(() => toolsOption(["pig-script=/a", "pig-script=/b"])).toThrow(
      "--tool pig-script=/b: pig-script is mapped twice",
    );
  });
});
