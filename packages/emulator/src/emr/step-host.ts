/**
 * What the steps of one emulator share, made when it starts: the folders under the data directory they run in
 * (`steps/<step>` their working directories, `tmp/<step>` their TMPDIRs, `home` their HOME, `hdfs/<cluster>` each
 * cluster's HDFS, `groups` their process groups), the tools of this machine EMR's steps name (read from the
 * environment once, now), the offline endpoint their AWS calls go to (but S3's and EMR's, which go to the
 * emulator's), their environment and the kill grace. All of it lives and goes with the data directory. Opened after
 * the journal, which makes the data directory and puts its entry (and each new parent's) on disk. None of these
 * folders is fsynced: nothing in them has to outlive the machine going down. `groups` matters only after the
 * emulator's process dies, when the page cache still has it (group-files.ts); the others are scratch, and a step
 * running at a crash ends FAILED whatever they hold.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startOfflineEndpoint } from "../offline-endpoint.js";
import type { StepHost } from "./executor.js";
import { GroupFiles } from "./group-files.js";
import { checkTools, createTools, type ToolsOption } from "./programs/tools.js";
import { checkStepEnvironment, type StepEnvironmentOptions, stepEnvironment } from "./step-environment.js";

/** Long enough for a JVM or a Python program to act on SIGTERM and write out what it has, short enough to wait. */
export const DEFAULT_STEP_KILL_GRACE_MS = 3_000;

export interface StepOptions {
  stepEnvironment: StepEnvironmentOptions;
  stepKillGraceMs: number;
  tools: ToolsOption;
}

/** The steps' options of `startEmulator`, checked before anything is made; throws TypeError or RangeError. */
export function checkStepOptions(options: {
  stepEnvironment?: unknown;
  stepKillGraceMs?: unknown;
  tools?: unknown;
}): StepOptions {
  const grace = options.stepKillGraceMs ?? DEFAULT_STEP_KILL_GRACE_MS;
  if (typeof grace !== "number" || !Number.isFinite(grace) || grace < 0) {
    throw new RangeError(
      `startEmulator: stepKillGraceMs must be a number of milliseconds, 0 or more, not ${String(grace)}`,
    );
  }
  return {
    stepEnvironment: checkStepEnvironment(options.stepEnvironment),
    stepKillGraceMs: grace,
    tools: checkTools(options.tools),
  };
}

export interface OpenStepHost {
  host: StepHost;
  /** Stops the offline endpoint; the folders stay with the data directory. */
  close(): Promise<void>;
}

/** The endpoints a step's AWS calls go to: the local S3 one, and the emulator's own (once it listens); its keys. */
export interface StepEndpoints {
  s3: string;
  emr: () => string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export async function openStepHost(
  dirs: { dataDir: string; s3Root: string; logRoot: string },
  options: StepOptions,
  endpoints: StepEndpoints,
): Promise<OpenStepHost> {
  const home = join(dirs.dataDir, "home");
  const workRoot = join(dirs.dataDir, "steps");
  const tmpRoot = join(dirs.dataDir, "tmp");
  for (const dir of [home, workRoot, tmpRoot]) mkdirSync(dir, { recursive: true });
  const offline = await startOfflineEndpoint();
  const environmentFor = stepEnvironment(options.stepEnvironment, {
    home,
    s3Root: dirs.s3Root,
    awsEndpoint: offline.url,
    s3Endpoint: endpoints.s3,
    emrEndpoint: endpoints.emr,
    credentials: endpoints.credentials,
  });
  return {
    host: {
      s3Root: dirs.s3Root,
      logRoot: dirs.logRoot,
      workRoot,
      tmpRoot,
      hdfsRoot: join(dirs.dataDir, "hdfs"),
      tools: createTools(options.tools),
      environmentFor,
      killGraceMs: options.stepKillGraceMs,
      groups: new GroupFiles(join(dirs.dataDir, "groups")),
    },
    close: () => offline.close(),
  };
}
