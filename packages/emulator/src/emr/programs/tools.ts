/**
 * The tools an EMR cluster has that this machine may have too: where each is, found when a step needs it, from
 * what the emulator read of its own environment once, as it started (a step's environment has none of it). In
 * order: the `tools` option of `startEmulator` (`emrkit local --tool name=/path`), the tool's home variable
 * (SPARK_HOME, HIVE_HOME, PIG_HOME, HADOOP_HOME), then PATH.
 */
import { constants } from "node:fs";
import { access, readdir, stat } from "node:fs/promises";
import { delimiter, isAbsolute, join, resolve } from "node:path";
import { nearest } from "./near-miss.js";

/** The EMR commands the emulator maps onto tools of this machine (EMR-FACTS: what `aws emr add-steps` sends). */
export const MAPPED_TOOLS = ["spark-submit", "hive-script", "pig-script", "hadoop-streaming"] as const;
export type MappedTool = (typeof MAPPED_TOOLS)[number];

/** `startEmulator({ tools })`: a program to run for a mapped tool, by name. */
export type ToolsOption = Partial<Record<MappedTool, string>>;

interface ToolSpec {
  /** What the tool is called here, and what runs it: hive-script and pig-script run the Hive and Pig CLIs. */
  program: string;
  home?: string;
  what: string;
}

const SPECS: Record<MappedTool, ToolSpec> = {
  "spark-submit": { program: "spark-submit", home: "SPARK_HOME", what: "Spark" },
  "hive-script": { program: "hive", home: "HIVE_HOME", what: "Hive" },
  "pig-script": { program: "pig", home: "PIG_HOME", what: "Pig" },
  "hadoop-streaming": { program: "hadoop-streaming", home: "HADOOP_HOME", what: "Hadoop" },
};

/**
 * Host variables a mapped tool runs with when they are set as the emulator starts: what the JVM tools need to find
 * Java, themselves and their configuration. No credential is among them.
 */
const TOOL_ENV = [
  "JAVA_HOME",
  "SPARK_HOME",
  "SPARK_CONF_DIR",
  "HADOOP_HOME",
  "HADOOP_CONF_DIR",
  "HIVE_HOME",
  "PIG_HOME",
];

export interface FoundTool {
  /** The program and the arguments that come before the step's own (`hadoop jar …/hadoop-streaming-3.3.6.jar`). */
  argv: string[];
  /** Where it was found, for the controller log. */
  via: string;
}

export interface Tools {
  find(tool: MappedTool): Promise<FoundTool | undefined>;
  /** Why a tool is not here and how to provide it: the FailureDetails of a step that needs it. */
  missing(tool: MappedTool): string;
  /** Where a program is: on PATH, or at its path (relative to `cwd`, as the step will start it), for command-runner.jar. */
  which(program: string, path: string, cwd?: string): Promise<string | undefined>;
  /** What a mapped tool gets of the host's environment. */
  hostEnv: Record<string, string>;
}

/** Checks the option as `startEmulator` is given it, naming the member that is wrong; throws TypeError. */
export function checkTools(option: unknown): ToolsOption {
  const where = "startEmulator: tools";
  if (option === undefined) return {};
  if (typeof option !== "object" || option === null || Array.isArray(option)) {
    throw new TypeError(
      `${where} must be an object of tool names to programs, like { "spark-submit": "/opt/spark/bin/spark-submit" }`,
    );
  }
  for (const [name, path] of Object.entries(option)) {
    if (!(MAPPED_TOOLS as readonly string[]).includes(name)) {
      const near = nearest(name, MAPPED_TOOLS);
      throw new TypeError(
        `${where} has no tool ${JSON.stringify(name)}${near ? ` (did you mean ${near}?)` : ""}; it maps ${MAPPED_TOOLS.join(", ")}`,
      );
    }
    if (typeof path !== "string" || path === "" || path.includes("\0")) {
      throw new TypeError(`${where}.${name} must be the path of a program, not ${JSON.stringify(path)}`);
    }
  }
  return option as ToolsOption;
}

export function createTools(option: ToolsOption, host: NodeJS.ProcessEnv = process.env): Tools {
  const path = host.PATH ?? "";
  const hostEnv: Record<string, string> = {};
  for (const name of TOOL_ENV) if (host[name]) hostEnv[name] = host[name];
  const mapped = Object.fromEntries(Object.entries(option).map(([name, p]) => [name, resolve(p)]));
  const which = (program: string, searchPath: string, cwd?: string) => onPath(program, searchPath, cwd);
  return {
    hostEnv,
    which,
    async find(tool) {
      const spec = SPECS[tool];
      const given = mapped[tool];
      if (given) {
        if (!(await executable(given))) return undefined;
        return { argv: [given], via: `mapped with tools["${tool}"]` };
      }
      const home = spec.home ? host[spec.home] : undefined;
      if (tool === "hadoop-streaming") return findStreaming(home, path);
      if (home) {
        const inHome = join(home, "bin", spec.program);
        if (await executable(inHome)) return { argv: [inHome], via: `${spec.home}=${home}` };
      }
      const found = await which(spec.program, path);
      return found ? { argv: [found], via: "PATH" } : undefined;
    },
    missing(tool) {
      const spec = SPECS[tool];
      const given = mapped[tool];
      const looked = given
        ? `tools["${tool}"] names ${given}, which is not an executable file`
        : `looked for ${spec.home ? `$${spec.home}/bin/${tool === "hadoop-streaming" ? "hadoop" : spec.program} (${spec.home} ${host[spec.home] ? `is ${host[spec.home]}` : "is not set"}) and ` : ""}${spec.program} on PATH`;
      return (
        `${tool}: ${spec.what} is not installed on this machine, so a ${tool} step cannot run here (${looked}). ` +
        `To provide it: install ${spec.what} and put ${spec.program} on PATH${spec.home ? `, or set ${spec.home}` : ""} before the emulator starts, ` +
        `or map the program: emrkit local --tool ${tool}=/path/to/${spec.program}, or startEmulator({ tools: { "${tool}": "/path/to/${spec.program}" } })`
      );
    },
  };
}

/**
 * EMR's `hadoop-streaming` is a script that runs Hadoop's streaming jar; here, that script if it is on PATH, or
 * `hadoop jar` with the jar a Hadoop distribution keeps under share/hadoop/tools/lib.
 */
async function findStreaming(home: string | undefined, path: string): Promise<FoundTool | undefined> {
  const script = await onPath("hadoop-streaming", path);
  if (script) return { argv: [script], via: "PATH" };
  const hadoop = home && (await executable(join(home, "bin", "hadoop"))) ? join(home, "bin", "hadoop") : undefined;
  if (!hadoop || !home) return undefined;
  const lib = join(home, "share", "hadoop", "tools", "lib");
  const jar = (await readdir(lib).catch(() => [] as string[])).find((f) => /^hadoop-streaming-.*\.jar$/.test(f));
  return jar ? { argv: [hadoop, "jar", join(lib, jar)], via: `HADOOP_HOME=${home}` } : undefined;
}

async function onPath(program: string, path: string, cwd = process.cwd()): Promise<string | undefined> {
  if (program.includes("/")) return (await executable(resolve(cwd, program))) ? resolve(cwd, program) : undefined;
  for (const dir of path.split(delimiter)) {
    // An empty or relative entry is the program's working directory, as execvp reads it.
    const candidate = isAbsolute(dir) ? join(dir, program) : resolve(cwd, dir, program);
    if (await executable(candidate)) return candidate;
  }
  return undefined;
}

async function executable(path: string): Promise<boolean> {
  const file = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  return (
    file &&
    access(path, constants.X_OK).then(
      () => true,
      () => false,
    )
  );
}
