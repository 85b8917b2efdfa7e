import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The profile names in the shared config and credentials files, where the SDK and the AWS CLI read them
 * (AWS_CONFIG_FILE, default ~/.aws/config, sections `[default]` and `[profile NAME]`; AWS_SHARED_CREDENTIALS_FILE,
 * default ~/.aws/credentials, sections `[NAME]`: "Shared config and credentials files", AWS SDKs and Tools Reference
 * Guide). Read only to tell a misspelt --profile from a profile without credentials: the SDK says "Region is
 * missing" and "Could not load credentials" for both.
 */
export function sharedProfileNames(env: NodeJS.ProcessEnv = process.env): { names: Set<string>; files: string[] } {
  const config = env.AWS_CONFIG_FILE || join(homedir(), ".aws", "config");
  const credentials = env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), ".aws", "credentials");
  const names = new Set<string>();
  for (const [file, prefixed] of [
    [config, true],
    [credentials, false],
  ] as const) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue; // a missing file holds no profile
    }
    for (const match of text.matchAll(/^\s*\[\s*([^\]]+?)\s*\]/gm)) {
      const section = match[1]!;
      if (!prefixed) names.add(section);
      else if (section === "default") names.add("default");
      else if (section.startsWith("profile ")) names.add(section.slice("profile ".length).trim());
    }
  }
  return { names, files: [config, credentials] };
}
