/**
 * The s3-dist-cp program: run by a step as a process of its own (`node main.js ARGS`), so that it is cancelled,
 * killed with its group and logged like any step's program. Where the local S3 root and the cluster's HDFS are
 * comes from its environment, set for it by the emulator (../s3-dist-cp.ts).
 */
import { runDistCp } from "./run-dist-cp.js";

const { EMRKIT_S3_ROOT: s3Root, EMRKIT_HDFS_ROOT: hdfsRoot } = process.env;
if (!s3Root || !hdfsRoot) {
  process.stderr.write("s3-dist-cp: EMRKIT_S3_ROOT and EMRKIT_HDFS_ROOT must be set (the emulator sets them)\n");
  process.exit(2);
}
process.exitCode = await runDistCp(process.argv.slice(2), { s3Root, hdfsRoot, workDir: process.cwd() }, (line) =>
  process.stderr.write(`${line}\n`),
);
