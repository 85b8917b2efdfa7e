/**
 * Where a service's model sits in a folder, for each layout the generator knows: the project's `models/` (and its
 * `all/` subfolder: `botocore/<service>-<version>.service-2.json`, `smithy/<service>-<version>.json`), a clone of
 * github.com/boto/botocore (`botocore/data/<service>/<version>/service-2.json`, from the clone, the package or the
 * data folder itself) and a clone of github.com/aws/api-models-aws (`models/<service>/service/<version>/*.json`).
 * Each finds the newest version of the service.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export type ModelFormat = "botocore" | "smithy";

export interface Candidate {
  readonly path: string;
  readonly format: ModelFormat;
  readonly version: string;
}

const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();
const list = (dir: string) => (isDir(dir) ? readdirSync(dir).sort() : []);
const VERSION = /^\d{4}-\d{2}-\d{2}$/;

/** `<dir>/<service>-<YYYY-MM-DD><suffix>`: the project's flat layout. */
function flat(dir: string, service: string, suffix: string, format: ModelFormat): Candidate[] {
  const pattern = new RegExp(
    `^${service.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(\\d{4}-\\d{2}-\\d{2})${suffix.replace(/\./g, "\\.")}$`,
  );
  return list(dir).flatMap((f) => {
    const m = pattern.exec(f);
    return m ? [{ path: join(dir, f), format, version: m[1]! }] : [];
  });
}

/**
 * `<data>/<service>/<version>/service-2.json`: botocore's data folder. A clone holds the JSON; the package on PyPI
 * ships it gzipped (`service-2.json.gz`), which loadModelFile reads as well.
 */
function botocoreData(data: string, service: string): Candidate[] {
  const folder = join(data, service);
  return list(folder).flatMap((v) => {
    if (!VERSION.test(v)) return [];
    const file = ["service-2.json", "service-2.json.gz"].find((f) => existsSync(join(folder, v, f)));
    return file ? [{ path: join(folder, v, file), format: "botocore" as const, version: v }] : [];
  });
}

/** `<models>/<service>/service/<version>/<name>.json`: api-models-aws. */
function apiModels(models: string, service: string): Candidate[] {
  const folder = join(models, service, "service");
  return list(folder).flatMap((v) => {
    const json = list(join(folder, v)).filter((f) => f.endsWith(".json"));
    return VERSION.test(v) && json.length === 1
      ? [{ path: join(folder, v, json[0]!), format: "smithy" as const, version: v }]
      : [];
  });
}

/** Every model of the service under `dir`, whatever its layout, newest first (botocore before Smithy on a tie). */
export function candidatesIn(dir: string, service: string): Candidate[] {
  const found = [
    ...flat(join(dir, "botocore"), service, ".service-2.json", "botocore"),
    ...flat(join(dir, "all", "botocore"), service, ".service-2.json", "botocore"),
    ...botocoreData(dir, service),
    ...botocoreData(join(dir, "data"), service),
    ...botocoreData(join(dir, "botocore", "data"), service),
    ...flat(join(dir, "smithy"), service, ".json", "smithy"),
    ...flat(join(dir, "all", "smithy"), service, ".json", "smithy"),
    ...apiModels(join(dir, "models"), service),
    ...apiModels(dir, service),
  ];
  // Array sort is stable: on a tie the order above (botocore first) stays.
  return found.sort((a, b) => (a.version < b.version ? 1 : a.version > b.version ? -1 : 0));
}
