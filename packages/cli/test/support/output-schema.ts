import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { expect } from "vitest";

/** The schema the package ships (files: schema/), read as a user's tool would read it. */
const schema = JSON.parse(readFileSync(new URL("../../schema/output.schema.json", import.meta.url), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

// biome-ignore lint/suspicious/noExplicitAny: tests read the document by its fields, once the schema has passed it
export type JsonDocument = Record<string, any>;

/** Parses `--json` output and checks it against the shipped schema; returns the document. */
export function jsonOutput(stdout: string): JsonDocument {
  const document = JSON.parse(stdout) as JsonDocument;
  const ok = validate(document);
  expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true);
  return document;
}
