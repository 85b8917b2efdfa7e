import { redact } from "@emrkit/dsl";
import type { CliError } from "../cli-error.js";

/**
 * The version of the `--json` output's shape (schema/output.schema.json, shipped as `emrkit/output.schema.json`):
 * raised when a field changes meaning or goes; a new field keeps it.
 */
export const SCHEMA_VERSION = 1;

export type Command = "validate" | "render" | "submit";

/** One JSON document: every command's output starts with its version and its command. Redacted. */
export function jsonDocument(command: Command, body: Record<string, unknown>): string {
  return redact(JSON.stringify({ schemaVersion: SCHEMA_VERSION, command, ...body }, null, 2));
}

/** A failure as JSON: `{ ok: false, exitCode, error: { kind, message, … } }`. */
export function jsonError(command: Command, error: CliError): string {
  return jsonDocument(command, {
    ok: false,
    exitCode: error.exitCode,
    error: { kind: error.kind, message: error.message, ...error.details },
  });
}
