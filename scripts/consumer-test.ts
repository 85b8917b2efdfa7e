/**
 * `pnpm consumer`: the packages as a user gets them, on the Node in use. Builds and packs every package with pnpm
 * (so that publishConfig applies), installs emrkit alone with npm into a fresh project outside the workspace (no
 * compiler may come with it; its size is printed), then the rest; compiles scripts/consumer under strict NodeNext
 * and under bundler resolution and runs it; runs the emrkit bin; require()s every package from CommonJS; runs
 * publint --strict and attw --profile esm-only on every tarball. Removes its temp folder whatever happens; exits 1
 * on the first failure, saying what failed.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), "emrkit-consumer-"));
const tarballs = join(temp, "tarballs");
const project = join(temp, "project");
const started = Date.now();
// As on a user's machine: not pnpm's npm_config_* settings (when run as `pnpm consumer`), nor the NODE_PATH that
// pnpm's bin shims set, through which the workspace's own packages (tsx among them) would resolve.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_|^NODE_PATH$|^NODE_OPTIONS$/i.test(key)),
);
/** Packages that bring a compiler; none may come with `npm install emrkit`. */
const COMPILERS = ["typescript", "ts-morph", "@ts-morph/common", "esbuild", "tsx", "@emrkit/codegen"];
const NPM_INSTALL = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];

interface Run {
  cwd?: string;
  /** The exit code expected; default 0. */
  code?: number;
  /** What the output (standard output and error together) must match. */
  output?: RegExp;
}

/** Runs a command without a shell; throws with its whole output when the exit code or the output is not as expected. */
function sh(command: string, args: string[], { cwd = project, code = 0, output }: Run = {}): string {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 28 });
  const text = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
  if (result.status !== code || (output && !output.test(text))) {
    const wanted = `exit ${code}${output ? ` and output matching ${output}` : ""}`;
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}): wanted ${wanted}, got exit ${result.status}:\n${text}`);
  }
  return text;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const say = (line: string) => console.log(`consumer: ${line}`);
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
const tool = (name: string) => join(root, "node_modules", ".bin", name);
const packages = readdirSync(join(root, "packages")).map((dir) => manifest(join(root, "packages", dir)));
/** The consumer's own dependencies, at the ranges the workspace uses. */
const range = (name: string, from = manifest(root).devDependencies) => `${name}@${from?.[name] ?? "latest"}`;
/** pnpm pack's file name for a package: `@emrkit/dsl` 0.1.0 → emrkit-dsl-0.1.0.tgz. */
const tarball = (name: string) => {
  const pkg = packages.find((p) => p.name === name);
  if (!pkg) throw new Error(`no package ${name} in packages/`);
  return join(tarballs, `${name.replace(/^@/, "").replace("/", "-")}-${pkg.version}.tgz`);
};
// Node's own: type stripping (Node >=22.18, >=23.6) and require() of ES modules (>=20.19, >=22.12).
const features = process.features as { typescript?: string | false; require_module?: boolean };

/** What publint and attw do not look at: the files every tarball must have, and a manifest fit for the registry. */
function checkTarball(file: string): void {
  const listed = new Set(sh("tar", ["-tzf", file], { cwd: temp }).split("\n"));
  const missing = ["LICENSE", "NOTICE", "README.md"].filter((name) => !listed.has(`package/${name}`));
  if (missing.length > 0) throw new Error(`${file} has no ${missing.join(", ")}`);
  const packed = sh("tar", ["-xOzf", file, "package/package.json"], { cwd: temp });
  for (const leak of ["@emrkit/source", "workspace:", "./src/"]) {
    if (packed.includes(leak)) throw new Error(`${file}: its package.json still says ${leak}:\n${packed}`);
  }
}

function cleanUp(): void {
  rmSync(temp, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

try {
  say(`Node ${process.version}; building and packing every package`);
  sh("npx", ["-y", "pnpm@12.4.2", "build"], { cwd: root });
  sh("npx", ["-y", "pnpm@12.4.2", "-r", "--filter", "./packages/**", "pack", "--pack-destination", tarballs], {
    cwd: root,
  });
  for (const pkg of packages) checkTarball(tarball(pkg.name));
  // The --json output's schema, which emrkit's exports name (emrkit/output.schema.json).
  sh("tar", ["-xOzf", tarball("emrkit"), "package/schema/output.schema.json"], {
    cwd: temp,
    output: /"schemaVersion"/,
  });

  say("publint --strict and attw --profile esm-only on every tarball");
  for (const pkg of packages) {
    // attw reads the tarball pnpm made (`attw --pack` would run npm pack, which ignores publishConfig).
    sh(tool("publint"), ["run", tarball(pkg.name), "--strict"], { cwd: temp });
    sh(tool("attw"), [tarball(pkg.name), "--profile", "esm-only", "--format", "ascii"], { cwd: temp });
  }

  say("npm install emrkit (with the @emrkit packages it depends on) into a fresh project");
  cpSync(join(root, "scripts", "consumer"), project, { recursive: true });
  sh("npm", [...NPM_INSTALL, ...["emrkit", "@emrkit/dsl", "@emrkit/runtime", "@emrkit/emulator"].map(tarball)]);
  const compilers = COMPILERS.filter((name) => existsSync(join(project, "node_modules", name)));
  if (compilers.length > 0) throw new Error(`npm install emrkit brought a compiler: ${compilers.join(", ")}`);
  const size = sh("du", ["-sk", "node_modules"]).split("\t")[0];
  say(`emrkit alone installs ${(Number(size) / 1024).toFixed(1)} MB of node_modules (du -sk)`);
  sh("node_modules/.bin/emrkit", ["codegen", "--help"], {
    code: 1,
    output: /^emrkit codegen needs @emrkit\/codegen: npm install @emrkit\/codegen\n$/,
  });

  say("npm install @emrkit/codegen and what the consumer itself uses; compile it under NodeNext and bundler");
  const sdk = range("@aws-sdk/client-emr", manifest(join(root, "packages", "runtime")).dependencies);
  sh("npm", [...NPM_INSTALL, tarball("@emrkit/codegen"), sdk, range("fast-check"), range("@types/node")]);
  sh(tool("tsc"), ["-p", "tsconfig.nodenext.json"]);
  sh(tool("tsc"), ["-p", "tsconfig.bundler.json"]);

  say("running the consumer, the emrkit bin and require() from CommonJS");
  console.log(sh("node", ["dist/consumer.js"]).trim());
  sh("node_modules/.bin/emrkit", ["--help"], { output: /validate.*\n.*render/s });
  sh("node_modules/.bin/emrkit", ["validate", "steps.json"], { output: /steps\.json: 1 step in 1 request, 0 errors/ });
  sh("node_modules/.bin/emrkit", ["codegen", "--help"], { output: /^Usage: emrkit-codegen/ });
  // .ts pipelines: Node's own type stripping where it has it, else (and for syntax it cannot strip) the user's tsx.
  const validate = (args: string[], expected: Run) => sh("node_modules/.bin/emrkit", ["validate", ...args], expected);
  if (features.typescript) {
    validate(["pipeline.ts"], { output: /pipeline\.ts: 1 step in 1 request, 0 errors/ });
    validate(["enum-pipeline.ts"], { code: 3, output: /enum is not supported.*only strips types\); install tsx/ });
  } else {
    validate(["pipeline.ts"], { code: 3, output: /does not run TypeScript; use Node 22\.18 or newer, install tsx/ });
  }
  sh("npm", [...NPM_INSTALL, "--save-dev", range("tsx")]);
  validate(["pipeline.ts", "enum-pipeline.ts"], {
    output: /^pipeline\.ts: 1 step in 1 request, 0 errors.*\nenum-pipeline\.ts: 1 step in 1 request, 0 errors/m,
  });
  if (!features.require_module) {
    throw new Error(`Node ${process.version} cannot require() ES modules; emrkit supports Node >=20.19 <21 || >=22.12`);
  }
  console.log(sh("node", ["require-all.cjs"]).trim());
  say(`passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error(`consumer: FAILED: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  cleanUp();
}
