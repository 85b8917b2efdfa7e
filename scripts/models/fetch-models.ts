/**
 * Puts every model of a manifest into `models/`, each checked against its sha256: kept when already there,
 * copied from a local folder that holds the same bytes (`EMRKIT_MODELS_DIR`, laid out like `models/`), else
 * downloaded from its repository at the pinned commit. Files are written whole (temp file, then rename), so an
 * interrupted run never leaves a half model that a later run would take for a real one.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { downloadUrl, type Manifest, type ModelSource, type PinnedModel } from "./manifest.js";

export interface FetchOptions {
  /** The folder the models go into (`models/`). */
  readonly into: string;
  /** A folder laid out like `models/` to copy from (`EMRKIT_MODELS_DIR`). */
  readonly localDir?: string | undefined;
  /** Where a model can be downloaded; GitHub's raw address by default. */
  readonly urlOf?: (source: ModelSource, path: string) => string;
}

export interface FetchReport {
  readonly kept: number;
  readonly copied: number;
  readonly downloaded: number;
  /** Models neither source gave, with what was tried for each. */
  readonly missing: readonly { readonly model: PinnedModel; readonly tried: readonly string[] }[];
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function readIfPinned(path: string, model: PinnedModel): Uint8Array | "absent" | "different" {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return "absent";
  }
  return sha256(bytes) === model.sha256 ? bytes : "different";
}

function writeWhole(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.partial`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
}

async function download(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

export async function fetchModels(manifest: Manifest, options: FetchOptions): Promise<FetchReport> {
  const { into, localDir, urlOf = downloadUrl } = options;
  let kept = 0;
  let copied = 0;
  let downloaded = 0;
  const missing: { model: PinnedModel; tried: string[] }[] = [];
  // After one host refuses us (no network, no DNS), every other download there would fail the same way.
  const unreachable = new Map<string, string>();
  const queue = [...manifest.models];

  async function take(model: PinnedModel): Promise<void> {
    const target = join(into, model.file);
    if (typeof readIfPinned(target, model) !== "string") return void kept++;
    const tried: string[] = [];
    if (localDir) {
      const local = readIfPinned(join(localDir, model.file), model);
      if (typeof local !== "string") {
        writeWhole(target, local);
        return void copied++;
      }
      tried.push(`${join(localDir, model.file)}: ${local === "absent" ? "absent" : "other bytes than pinned"}`);
    } else {
      tried.push("EMRKIT_MODELS_DIR: not set");
    }
    const source = manifest.sources[model.source];
    if (!source) throw new Error(`models manifest: ${model.file} names the unknown source "${model.source}"`);
    const url = urlOf(source, model.path);
    const host = new URL(url).host;
    const refused = unreachable.get(host);
    if (refused) {
      tried.push(`${url}: ${refused}`);
      return void missing.push({ model, tried });
    }
    try {
      const bytes = await download(url);
      if (sha256(bytes) !== model.sha256) throw new Error(`sha256 ${sha256(bytes)}, pinned ${model.sha256}`);
      writeWhole(target, bytes);
      downloaded++;
    } catch (error) {
      const why = reason(error);
      if (!/^HTTP |^sha256 /.test(why)) unreachable.set(host, why);
      tried.push(`${url}: ${why}`);
      missing.push({ model, tried });
    }
  }

  // A few downloads at a time: GitHub is happy with that, and 800 models then take seconds, not minutes.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let model = queue.shift(); model; model = queue.shift()) await take(model);
    }),
  );
  return { kept, copied, downloaded, missing };
}
