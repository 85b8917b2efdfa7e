/**
 * `--service NAME`: the model file of a service, found by name. Looked for, in this order: the folder given with
 * `--models` alone when there is one; otherwise the project's models directory (`./models`, then
 * `$EMRKIT_MODELS_DIR`), then an installed botocore's data folder (the usual places, then Python's answer). The
 * newest version wins; `--format` keeps one format. When nothing is found, the error says every place looked in.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { likelyBotocoreData, pythonBotocoreData } from "./botocore-locations.js";
import { type Candidate, candidatesIn, type ModelFormat } from "./model-layouts.js";

export interface FindModelOptions {
  readonly service: string;
  readonly format?: ModelFormat | undefined;
  /** `--models DIR`: a models directory, a botocore clone or an api-models-aws clone; searched alone. */
  readonly models?: string | undefined;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The installed-botocore data folders to look at; the usual places by default. */
  readonly botocoreData?: readonly string[];
  /** Asks Python where botocore is; only called when no folder above has the model. */
  readonly askPython?: () => { dir?: string; reason?: string };
}

export class ModelNotFoundError extends Error {
  override readonly name = "ModelNotFoundError";
}

export function findModel(options: FindModelOptions): Candidate {
  const { service, format } = options;
  if (!/^[a-z0-9][a-z0-9.-]*$/i.test(service)) {
    throw new ModelNotFoundError(
      `--service ${JSON.stringify(service)} is not a service name (like sqs or emr-serverless)`,
    );
  }
  const looked: string[] = [];
  const pick = (dir: string, label: string): Candidate | undefined => {
    looked.push(`${label} ${dir}${existsSync(dir) ? "" : " (missing)"}`);
    return candidatesIn(dir, service).find((c) => format === undefined || c.format === format);
  };
  const kind = format === undefined ? "botocore or Smithy" : format === "botocore" ? "botocore" : "Smithy";
  const fail = (): never => {
    throw new ModelNotFoundError(`found no ${kind} model of ${service}; looked in ${looked.join("; ")}`);
  };
  const cwd = options.cwd ?? process.cwd();
  if (options.models !== undefined) return pick(resolve(cwd, options.models), "--models") ?? fail();

  const env = options.env ?? process.env;
  const projects = [join(cwd, "models"), ...(env.EMRKIT_MODELS_DIR ? [resolve(cwd, env.EMRKIT_MODELS_DIR)] : [])];
  for (const dir of projects) {
    const found = pick(dir, "models directory");
    if (found) return found;
  }
  if (format === "smithy") return fail();
  // Installed botocore: only the folders that exist are named, the rest counted.
  const data = options.botocoreData ?? likelyBotocoreData();
  const present = data.filter((dir) => existsSync(dir));
  for (const dir of present) {
    const found = candidatesIn(dir, service)[0];
    if (found) return found;
  }
  looked.push(
    present.length > 0
      ? `installed botocore ${present.join(", ")}`
      : `no installed botocore in the ${data.length} usual places`,
  );
  const python = (options.askPython ?? pythonBotocoreData)();
  if (python.dir !== undefined && !present.includes(python.dir)) {
    const found = candidatesIn(python.dir, service)[0];
    if (found) return found;
    looked.push(`python3's botocore ${python.dir}`);
  } else if (python.reason !== undefined) looked.push(`python3 (${python.reason})`);
  return fail();
}
