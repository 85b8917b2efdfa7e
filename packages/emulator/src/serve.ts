/**
 * The emulator as a process of its own: `tsx packages/emulator/src/serve.ts [--data-dir D] [--port N] [--host H]`.
 * Prints the endpoint as its first line, and stops cleanly on SIGINT or SIGTERM.
 */
import { parseArgs } from "node:util";
import { startEmulator } from "./start-emulator.js";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    "s3-root": { type: "string" },
  },
});
const emulator = await startEmulator({
  ...(values["data-dir"] ? { dataDir: values["data-dir"] } : {}),
  ...(values["s3-root"] ? { s3Root: values["s3-root"] } : {}),
  ...(values.host ? { host: values.host } : {}),
  port: Number(values.port ?? 0),
});
console.log(emulator.endpoint);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void emulator.close().then(() => process.exit(0)));
}
