/**
 * Any other jar runs with `java`, `-D` for each of the step's properties; `-cp jar MainClass` when the step names a
 * main class, `-jar jar` otherwise. An s3:// jar resolves under the local S3 root.
 */
import { resolve } from "node:path";
import { s3ToLocal } from "../../s3/local-path.js";
import { makeDirs } from "./make-dirs.js";
import type { Program, ProgramContext } from "./program.js";

export async function javaJar(context: ProgramContext): Promise<Program> {
  const { step, dirs } = context;
  const jar = step.jar.startsWith("s3") ? s3ToLocal(context.s3Root, step.jar) : resolve(step.jar);
  await makeDirs(dirs);
  // The JVM ignores TMPDIR; the step's properties come after, so a java.io.tmpdir of its own wins.
  const defines = [
    `-Djava.io.tmpdir=${dirs.tmpDir}`,
    ...step.properties.map((p) => `-D${p.Key ?? ""}=${p.Value ?? ""}`),
  ];
  const argv = step.mainClass
    ? ["java", ...defines, "-cp", jar, step.mainClass, ...step.args]
    : ["java", ...defines, "-jar", jar, ...step.args];
  return { argv };
}
