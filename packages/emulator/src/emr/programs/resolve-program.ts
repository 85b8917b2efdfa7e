/**
 * What a step runs, from its jar and arguments, as EMR reads them: command-runner.jar runs its first argument
 * (EMR's own tools among them: s3-dist-cp built in, spark-submit, hive-script, pig-script and hadoop-streaming
 * mapped onto this machine's), script-runner.jar a script (EMR's hive-script and pig-script scripts of AMI
 * clusters, `s3://<region>.elasticmapreduce/libs/hive/hive-script`, are the mapped tools), Hadoop's
 * hadoop-streaming jar and EMR's s3-dist-cp jar the same as their commands, any other jar java. The step's
 * directories are made once it is known to be able to run.
 */
import { commandRunner } from "./command-runner.js";
import { hadoopStreaming } from "./hadoop-streaming.js";
import { hiveScript } from "./hive-script.js";
import { javaJar } from "./java-jar.js";
import { makeDirs } from "./make-dirs.js";
import { pigScript } from "./pig-script.js";
import type { Program, ProgramContext } from "./program.js";
import { s3DistCp } from "./s3-dist-cp.js";
import { scriptRunner } from "./script-runner.js";
import { sparkSubmit } from "./spark-submit.js";

type Builder = (context: ProgramContext, args: string[], argOffset: number) => Promise<Program>;

/** By the name a step gives as command-runner.jar's first argument. */
const COMMANDS: Record<string, Builder> = {
  "s3-dist-cp": s3DistCp,
  "spark-submit": sparkSubmit,
  "hive-script": hiveScript,
  "pig-script": pigScript,
  "hadoop-streaming": hadoopStreaming,
};

/** By jar file name: EMR's s3-dist-cp.jar (s3distcp.jar before EMR 4) and Hadoop's hadoop-streaming[-x.y.z].jar. */
function jarCommand(jarName: string): Builder | undefined {
  if (jarName === "s3-dist-cp.jar" || jarName === "s3distcp.jar") return s3DistCp;
  if (/^hadoop-streaming(-[\w.]+)?\.jar$/.test(jarName)) return hadoopStreaming;
  return undefined;
}

export async function programFor(context: ProgramContext): Promise<Program> {
  const { step } = context;
  const jarName = step.jar.split("/").pop() ?? step.jar;
  let program: Program;
  if (jarName === "command-runner.jar") {
    const argv = step.args.filter((a) => a !== "");
    const command = COMMANDS[argv[0] ?? ""];
    program = command ? await command(context, argv.slice(1), 1) : await commandRunner(context, argv);
  } else if (jarName === "script-runner.jar" && /\/(hive|pig)-script$/.test(step.args[0] ?? "")) {
    const tool = step.args[0]!.endsWith("hive-script") ? hiveScript : pigScript;
    program = await tool(context, step.args.slice(1), 1);
  } else if (jarName === "script-runner.jar") {
    return scriptRunner(context, step.args);
  } else {
    const command = jarCommand(jarName);
    if (!command) return javaJar(context);
    program = await command(context, step.args, 0);
  }
  await makeDirs(context.dirs);
  return program;
}
