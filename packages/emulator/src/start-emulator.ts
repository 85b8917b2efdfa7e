import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ReadOnly } from "./emr/durable-changes.js";
import { Engine } from "./emr/engine.js";
import { Journal } from "./emr/journal.js";
import type { JournalFs } from "./emr/journal-fs.js";
import { endLeftGroups } from "./emr/left-groups.js";
import type { ToolsOption } from "./emr/programs/tools.js";
import { RecordStore } from "./emr/record-store.js";
import { createEmrServer } from "./emr/server.js";
import type { StepEnvironmentOptions } from "./emr/step-environment.js";
import { stepCredentials } from "./emr/step-environment.js";
import { checkStepOptions, openStepHost } from "./emr/step-host.js";
import { FaultInjector } from "./faults.js";
import { startS3Endpoint } from "./s3/start-s3-endpoint.js";
import { type LocalCredentials, localCredentials, SignatureVerifier } from "./sigv4/signature.js";

export interface EmulatorOptions {
  /** Default 127.0.0.1: the emulator runs whatever its steps name, so only this machine may reach it. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** The local S3 endpoint's port, on the same host; default 0: a free port. */
  s3Port?: number;
  /**
   * Where the journal lives; default a new temporary directory, which `close()` removes (see `keepData`). The same
   * directory after a restart gives back everything. A directory given here is never removed.
   */
  dataDir?: string;
  /**
   * Keep the temporary data directory (journal, local S3, step logs) after `close()`, to look at it or to start
   * again on it; its path is the handle's `dataDir`. Without a `dataDir` of your own, `close()` removes it by default.
   */
  keepData?: boolean;
  /** `s3://bucket/key` resolves to `<s3Root>/bucket/key`; default `<dataDir>/s3`. */
  s3Root?: string;
  /** Step logs at `<logRoot>/<cluster>/steps/<step>/`; default `<dataDir>/logs`. */
  logRoot?: string;
  /**
   * Check every request's SigV4 signature against these local credentials (`true`: AWS_ACCESS_KEY_ID and
   * AWS_SECRET_ACCESS_KEY from the environment); unsigned, wrongly signed and stale requests are refused.
   */
  verifySignatures?: boolean | Partial<LocalCredentials>;
  /** Allow a host other than loopback without signature verification: anyone who reaches it runs commands here. */
  insecure?: boolean;
  /** Time a new cluster spends in STARTING and BOOTSTRAPPING; default 50 ms. */
  clusterStartupMs?: number;
  /**
   * What steps see of this machine's environment. A step never inherits the emulator's: it gets PATH (the host's),
   * HOME (`<dataDir>/home`, shared by the steps), TMPDIR (`<dataDir>/tmp/<step>`), AWS_REGION and
   * AWS_DEFAULT_REGION (its cluster's region), dummy AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (which the local S3
   * endpoint accepts; with `verifySignatures`, a secret drawn for this emulator), AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE under that HOME, AWS_EC2_METADATA_DISABLED,
   * AWS_ENDPOINT_URL (a loopback endpoint that refuses every AWS call and says why), AWS_ENDPOINT_URL_S3 (the local
   * S3 endpoint), AWS_ENDPOINT_URL_EMR (this emulator), NO_PROXY/no_proxy (loopback, added to any given),
   * EMRKIT_S3_ROOT, EMRKIT_CLUSTER_ID and EMRKIT_STEP_ID; and runs in
   * `<dataDir>/steps/<step>`. `pass` adds host variables by name, `set` sets variables; later wins:
   *
   * ```ts
   * startEmulator({ stepEnvironment: { pass: ["JAVA_HOME"], set: { SPARK_MASTER: "local[2]" } } });
   * ```
   */
  stepEnvironment?: StepEnvironmentOptions;
  /**
   * When a step's processes are ended as a group (SEND_INTERRUPT ignored, the cluster terminating, `close()`), how
   * long they get between SIGTERM and SIGKILL; default 3000 ms. TERMINATE_PROCESS sends SIGKILL at once, as EMR does.
   */
  stepKillGraceMs?: number;
  /**
   * Programs to run for the tools EMR's steps name (`spark-submit`, `hive-script`: the Hive CLI, `pig-script`: the
   * Pig CLI, `hadoop-streaming`: a program taking streaming's arguments), over what is found by SPARK_HOME, HIVE_HOME,
   * PIG_HOME, HADOOP_HOME or on PATH as the emulator starts. Such a step runs as a single-node EMR would run it
   * (local mode, s3:// to the local S3), the rewrite in its controller log; without the tool it fails saying so:
   *
   * ```ts
   * startEmulator({ tools: { "spark-submit": "/opt/spark-3.5/bin/spark-submit" } });
   * ```
   */
  tools?: ToolsOption;
  /**
   * The file operations the journal makes; default node:fs. A seam for tests that make the disk fail (ENOSPC, EIO,
   * short writes, a slow fsync) at a write of their choosing.
   */
  journalFs?: JournalFs;
}

export interface EmulatorHandle {
  endpoint: string;
  /**
   * The local S3 endpoint (`http://127.0.0.1:<port>`), the S3 REST API over `s3Root`: what steps get as
   * AWS_ENDPOINT_URL_S3, and what a test's own S3 client can use (path-style; same signature rules as EMR's).
   */
  s3Endpoint: string;
  /** Whether requests must be signed with the local credentials. */
  verifiesSignatures: boolean;
  host: string;
  port: number;
  dataDir: string;
  /** Whether `close()` removes `dataDir`: the emulator made it, and `keepData` was not given. */
  temporaryData: boolean;
  s3Root: string;
  logRoot: string;
  faults: FaultInjector;
  /**
   * Set once a change the emulator made on its own (a step ending, a timer) could not be written, or an fsync of the
   * journal failed: from then on every request that would change something is refused (InternalServerError, naming
   * this reason) and reads still work. A restart, with room on the disk, starts from what the journal holds.
   */
  readonly readOnly: ReadOnly | undefined;
  close(): Promise<void>;
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
const isLoopback = (host: string) => host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);

/** Starts the local EMR endpoint in this process. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const host = options.host ?? "127.0.0.1";
  const credentials = options.verifySignatures
    ? localCredentials(options.verifySignatures === true ? {} : options.verifySignatures)
    : undefined;
  const verifier = credentials ? new SignatureVerifier(credentials) : undefined;
  if (!isLoopback(host) && !verifier && !options.insecure) {
    throw new Error(
      `refusing to listen on ${host} without signature verification: the emulator runs the commands its steps name; turn on verifySignatures (--verify-signatures), or pass insecure (--insecure) to allow anyone who reaches it`,
    );
  }
  const stepOptions = checkStepOptions(options);
  const madeDataDir = options.dataDir === undefined;
  const dataDir = resolve(options.dataDir ?? mkdtempSync(join(tmpdir(), "emrkit-emulator-")));
  const temporaryData = madeDataDir && !options.keepData;
  // Removed last: after the steps' processes (which write their logs and outputs there) and the journal.
  const removeData = () => (temporaryData ? rm(dataDir, { recursive: true, force: true, maxRetries: 3 }) : undefined);
  const s3Root = resolve(options.s3Root ?? join(dataDir, "s3"));
  const logRoot = resolve(options.logRoot ?? join(dataDir, "logs"));
  const store = new RecordStore();
  let journal: Journal;
  try {
    // First: it makes the data directory and puts it on disk, before anything is made in it.
    journal = Journal.open(dataDir, (record) => store.apply(record), options.journalFs);
  } catch (error) {
    await removeData();
    throw error;
  }
  // Steps sign their S3 calls with the keys they are given: accepted beside the local ones.
  const stepKeys = stepCredentials(credentials !== undefined);
  const s3Keys = credentials && [credentials, stepKeys];
  let endpoint = "";
  const s3 = await startS3Endpoint({
    host,
    port: options.s3Port ?? 0,
    s3Root,
    dataDir,
    ...(s3Keys ? { credentials: s3Keys } : {}),
  }).catch(async (error: unknown) => {
    journal.close();
    await removeData();
    throw error;
  });
  const steps = await openStepHost({ dataDir, s3Root, logRoot }, stepOptions, {
    s3: s3.url,
    emr: () => endpoint,
    credentials: stepKeys,
  }).catch(async (error: unknown) => {
    await s3.close();
    journal.close();
    await removeData();
    throw error;
  });
  // What a previous emulator on this data directory left running when it was killed: ended before anything is served.
  const running = [...store.steps.values()].filter((s) => s.state === "RUNNING").map((s) => s.id);
  await endLeftGroups(steps.host.groups, running);
  const engine = new Engine(journal, store, steps.host, options.clusterStartupMs ?? 50);
  const faults = new FaultInjector();
  const server = createEmrServer({ engine, faults, ...(verifier ? { verifier } : {}) });
  const closeAll = async () => {
    await engine.close();
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await steps.close();
    await s3.close();
    journal.close();
    await removeData();
  };
  try {
    await new Promise<void>((ready, fail) => {
      server.once("error", fail);
      server.listen(options.port ?? 0, host, () => ready());
    });
  } catch (error) {
    // The port was taken, say: nothing of this emulator may stay behind.
    await closeAll();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  endpoint = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    endpoint,
    s3Endpoint: s3.url,
    verifiesSignatures: verifier !== undefined,
    host,
    port,
    dataDir,
    temporaryData,
    s3Root,
    logRoot,
    faults,
    get readOnly() {
      return engine.readOnly;
    },
    // Once: a signal handler and a finally block may both close it.
    close: () => (closing ??= closeAll()),
  };
}
