/**
 * Where an installed Python `botocore` (which boto3 and the AWS CLI v1 bring) keeps its data folder. The likely
 * places are looked at first, without running anything: the system's and pyenv's site-packages, the user's, the
 * AWS CLI v1 bundle. Python is asked (`import botocore`) only when none of them has one.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const safeList = (dir: string) => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

/** `…/pythonX.Y/{site,dist}-packages` under each library folder. */
function sitePackages(lib: string): string[] {
  return safeList(lib)
    .filter((d) => /^python3(\.\d+)?$/.test(d))
    .flatMap((d) => ["site-packages", "dist-packages"].map((p) => join(lib, d, p)));
}

/** Data folders of botocore installs in the usual places, in the order looked at. */
export function likelyBotocoreData(home = homedir()): string[] {
  const pyenv = join(home, ".pyenv", "versions");
  const libs = [
    "/usr/lib",
    "/usr/local/lib",
    "/opt/homebrew/lib",
    join(home, ".local", "lib"),
    ...safeList(pyenv).map((v) => join(pyenv, v, "lib")),
    "/usr/local/aws/lib",
    join(home, ".local", "lib", "aws", "lib"),
  ];
  return ["/usr/lib/python3/dist-packages", ...libs.flatMap(sitePackages)].map((p) => join(p, "botocore", "data"));
}

/** The data folder of the botocore Python imports, or why it could not say. */
export function pythonBotocoreData(python = "python3"): { dir?: string; reason?: string } {
  try {
    const out = execFileSync(python, ["-c", "import botocore, os; print(os.path.dirname(botocore.__file__))"], {
      encoding: "utf8",
      timeout: 10_000,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const dir = join(out.trim(), "data");
    return existsSync(dir) ? { dir } : { reason: `${python} names ${out.trim()}, which has no data folder` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === "ENOENT" ? `no ${python} on PATH` : `${python} has no botocore module` };
  }
}
