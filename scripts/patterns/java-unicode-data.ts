/**
 * Writes packages/codegen/src/emit/patterns/java-unicode-data.generated.ts: the code points of every Unicode property the
 * pattern translator resolves, as Java itself reads them (Java 17 carries Unicode 13; Node's tables are newer, and
 * a letter assigned since then must still fail, as it does on the service). Run with Java 17 on the PATH:
 * `npx tsx scripts/patterns/java-unicode-data.ts`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CATEGORIES =
  "C Cc Cf Cn Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(" ");
const BINARY = [
  "IsAlphabetic",
  "IsIdeographic",
  "IsLowercase",
  "IsUppercase",
  "IsTitlecase",
  "IsWhite_Space",
  "IsHex_Digit",
  "IsJoin_Control",
  "IsNoncharacter_Code_Point",
  "IsAssigned",
];

const here = fileURLToPath(new URL(".", import.meta.url));
const target = fileURLToPath(
  new URL("../../packages/codegen/src/emit/patterns/java-unicode-data.generated.ts", import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), "emrkit-unicode-"));
try {
  execFileSync("javac", ["-d", dir, join(here, "JavaUnicodeData.java")]);
  const text = execFileSync("java", ["-cp", dir, "JavaUnicodeData", ...CATEGORIES, ...BINARY], { maxBuffer: 1 << 28 });
  writeFileSync(target, text);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
