/**
 * The emulator as a process of its own, for tests that kill it:
 * `tsx packages/emulator/src/serve.ts [--data-dir D] [--port N] [--host H] [--s3-root D] [--verify-signatures]`.
 * Prints the endpoint as its first line, and stops cleanly on SIGINT or SIGTERM.
 */
import { parseArgs } from "node:util";
import { runEmulatorInForeground } from "./run-in-foreground.js";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    "s3-root": { type: "string" },
    "verify-signatures": { type: "boolean" },
  },
});
await runEmulatorInForeground({
  ...(values["data-dir"] ? { dataDir: values["data-dir"] } : {}),
  ...(values["s3-root"] ? { s3Root: values["s3-root"] } : {}),
  ...(values.host ? { host: values.host } : {}),
  ...(values["verify-signatures"] ? { verifySignatures: true } : {}),
  port: Number(values.port ?? 0),
});
process.exit(0);
