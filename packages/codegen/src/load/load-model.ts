import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { gunzipSync } from "node:zlib";
import { ModelError } from "../ir/model-error.js";
import type { ServiceIR } from "../ir/types.js";
import { loadBotocore } from "./botocore.js";
import { loadSmithy } from "./smithy.js";

/** Reads a model file, sniffs its format (botocore `service-2.json` or Smithy JSON AST) and loads it into the IR. */
export function loadModelFile(path: string): ServiceIR {
  let text: string;
  try {
    // An installed botocore ships its models gzipped.
    text = path.endsWith(".gz") ? gunzipSync(readFileSync(path)).toString("utf8") : readFileSync(path, "utf8");
  } catch (error) {
    throw new ModelError(path, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`);
  }
  return loadModelText(text, basename(path).replace(/\.gz$/, ""));
}

/** Loads a model from its text; `file` names it in errors and in the generated headers. */
export function loadModelText(text: string, file: string): ServiceIR {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelError(file, `not valid JSON: ${(error as Error).message}`);
  }
  const source = { file, sha256: createHash("sha256").update(text).digest("hex") };
  switch (sniffFormat(json)) {
    case "smithy":
      return loadSmithy(json as SmithyJson, { ...source, format: "smithy" });
    case "botocore":
      return loadBotocore(json as BotocoreJson, { ...source, format: "botocore" });
    default:
      throw new ModelError(
        file,
        'unknown model format: expected a botocore service model ("metadata", "operations", "shapes") or a Smithy 2.0 JSON AST ("smithy": "2.0", "shapes")',
      );
  }
}

export function sniffFormat(json: unknown): "smithy" | "botocore" | undefined {
  if (!isObject(json) || !isObject(json.shapes)) return undefined;
  if (typeof json.smithy === "string") return "smithy";
  if (isObject(json.metadata) && isObject(json.operations)) return "botocore";
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface SmithyJson {
  smithy: string;
  shapes: Record<string, Record<string, unknown>>;
}

export interface BotocoreJson {
  metadata: Record<string, unknown>;
  operations: Record<string, Record<string, unknown>>;
  shapes: Record<string, Record<string, unknown>>;
  documentation?: string;
}
