import { readFileSync } from "node:fs";

/** The package's own version: package.json is one folder up from both src/ and dist/. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}
