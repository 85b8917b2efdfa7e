/**
 * The pinned models: `models/manifest.json` (what the generator and the tests read) and `models/manifest-all.json`
 * (every AWS service, for the generality tests and the scale bench). Each model names its source repository and
 * commit, its path there, and the sha256 of its bytes; `file` is where it goes under `models/`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface ModelSource {
  readonly repository: string;
  readonly commit: string;
}

export interface PinnedModel {
  readonly file: string;
  readonly source: string;
  readonly path: string;
  readonly sha256: string;
}

export interface Manifest {
  readonly sources: Readonly<Record<string, ModelSource>>;
  readonly models: readonly PinnedModel[];
}

export const MODELS_DIR = fileURLToPath(new URL("../../models/", import.meta.url));

export const MANIFESTS = { core: "manifest.json", all: "manifest-all.json" } as const;
export type ModelSet = keyof typeof MANIFESTS;

export function readManifest(set: ModelSet): Manifest {
  return JSON.parse(readFileSync(`${MODELS_DIR}${MANIFESTS[set]}`, "utf8")) as Manifest;
}

/** Where the pinned bytes can be downloaded: GitHub serves any commit's file at this address. */
export function downloadUrl(source: ModelSource, path: string): string {
  const repository = new URL(source.repository).pathname.replace(/^\/|\.git$/g, "");
  return `https://raw.githubusercontent.com/${repository}/${source.commit}/${path}`;
}
