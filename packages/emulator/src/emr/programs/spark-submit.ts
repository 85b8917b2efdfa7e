/**
 * `spark-submit` as a single-node EMR runs it, with this machine's Spark: `--master yarn` (and no --master at all:
 * EMR's spark-defaults.conf sets yarn) becomes `local[*]`, `--deploy-mode cluster` becomes client, since there is no
 * cluster to deploy the driver to; the application and its --py-files, --jars, --files and --archives are local
 * paths; s3:// in its arguments and --conf values goes to the local S3 (s3-arguments.ts), with S3A's settings as
 * `--conf spark.hadoop.fs.s3a.…` when there is an endpoint.
 */
import { mappedTool } from "./mapped-tool.js";
import type { Program, ProgramContext } from "./program.js";

/** spark-submit's options that take a value (SparkSubmitArguments); the rest of its options are flags. */
const WITH_VALUE = new Set([
  "--master",
  "--deploy-mode",
  "--class",
  "--name",
  "--jars",
  "--packages",
  "--exclude-packages",
  "--repositories",
  "--py-files",
  "--files",
  "--archives",
  "--conf",
  "-c",
  "--properties-file",
  "--driver-memory",
  "--driver-java-options",
  "--driver-library-path",
  "--driver-class-path",
  "--executor-memory",
  "--proxy-user",
  "--driver-cores",
  "--total-executor-cores",
  "--executor-cores",
  "--num-executors",
  "--principal",
  "--keytab",
  "--queue",
  "--kill",
  "--status",
]);
const RESOURCES = new Set(["--py-files", "--jars", "--files", "--archives", "--properties-file"]);

export function sparkSubmit(context: ProgramContext, args: string[], argOffset: number): Promise<Program> {
  return mappedTool(context, "spark-submit", ["spark-submit", ...args], (s3) => {
    const out: string[] = [];
    const changes: string[] = [];
    let master = false;
    let i = 0;
    for (; i < args.length; i++) {
      const arg = args[i]!;
      if (!arg.startsWith("-")) break;
      const eq = arg.indexOf("=");
      const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
      if (!WITH_VALUE.has(name)) {
        out.push(arg);
        continue;
      }
      const at = eq > 0 && name !== arg ? i : i + 1;
      const value = eq > 0 && name !== arg ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) {
        out.push(arg);
        break;
      }
      let next = RESOURCES.has(name) ? s3.resource(value, at + argOffset) : s3.data(value, at + argOffset);
      if (name === "--master") {
        master = true;
        if (value.startsWith("yarn")) {
          next = "local[*]";
          changes.push(`--master ${value} → local[*]: this machine is the whole cluster`);
        }
      }
      if (name === "--deploy-mode" && value === "cluster") {
        next = "client";
        changes.push("--deploy-mode cluster → client: there is no cluster to deploy the driver to");
      }
      out.push(name, next);
    }
    if (!master) {
      out.unshift("--master", "local[*]");
      changes.push("--master local[*] added: EMR's spark-defaults.conf sets yarn, here this machine runs the job");
    }
    const conf = s3.s3aSettings().flatMap(([k, v]) => ["--conf", `spark.hadoop.${k}=${v}`]);
    const [app, ...appArgs] = args.slice(i);
    const tail =
      app === undefined
        ? []
        : [s3.resource(app, i + argOffset), ...appArgs.map((a, j) => s3.data(a, i + 1 + j + argOffset))];
    return { args: [...out, ...conf, ...tail], changes };
  });
}
