import type fc from "fast-check";
import { startEmulator } from "../../src/index.js";
import { clientFor } from "../support.js";
import { agrees, type Model, type Real } from "./model.js";

/** The emulator closed and started again on the same data directory: everything as it was. */
export class Restart implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    await real.emu.close();
    real.emu = await startEmulator({ dataDir: real.dataDir, clusterStartupMs: 0 });
    real.client = clientFor(real.emu.endpoint);
    await agrees(model, real);
  }
  toString = () => "restart";
}
