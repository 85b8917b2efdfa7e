import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Whether `java` and `javac` run here (the differential tests skip, saying so, where they do not). */
export const hasJava = ["java", "javac"].every((tool) => spawnSync(tool, ["-version"]).status === 0);

/**
 * The checker: for each `P` line a pattern to compile (answers `ok` or `err <description>`), for each `S` line a
 * string to match against the last pattern with `Matcher.matches()` (answers 1, 0, or - when it did not compile).
 * Text travels as hex UTF-16 code units, so line terminators and lone surrogates survive the pipe.
 */
const SOURCE = `import java.io.*;
import java.util.regex.*;
public class PatternChecker {
  static String decode(String hex) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i + 4 <= hex.length(); i += 4) b.append((char) Integer.parseInt(hex.substring(i, i + 4), 16));
    return b.toString();
  }
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, "UTF-8")));
    Pattern p = null;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("P")) {
        try { p = Pattern.compile(decode(line.substring(1))); out.println("ok"); }
        catch (PatternSyntaxException e) { p = null; out.println("err " + e.getDescription()); }
      } else if (line.startsWith("S")) {
        out.println(p == null ? "-" : p.matcher(decode(line.substring(1))).matches() ? "1" : "0");
      }
    }
    out.flush();
  }
}
`;

export interface JavaVerdicts {
  /** Undefined when Java compiles the pattern, else Java's description of what is wrong. */
  readonly error: string | undefined;
  readonly matches: readonly boolean[];
}

const hex = (text: string): string => {
  let out = "";
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, "0");
  return out;
};

/** Java's verdicts on every string of every case, from one JVM fed through stdin; the class lives in a temp dir. */
export function javaVerdicts(cases: readonly { pattern: string; strings: readonly string[] }[]): JavaVerdicts[] {
  const dir = mkdtempSync(join(tmpdir(), "emrkit-java-"));
  try {
    writeFileSync(join(dir, "PatternChecker.java"), SOURCE);
    execFileSync("javac", ["-d", dir, join(dir, "PatternChecker.java")]);
    const input = cases.map((c) => `P${hex(c.pattern)}\n${c.strings.map((s) => `S${hex(s)}\n`).join("")}`).join("");
    const output = execFileSync("java", ["-Xss8m", "-cp", dir, "PatternChecker"], {
      input,
      maxBuffer: 1 << 30,
    })
      .toString("utf8")
      .split("\n");
    let line = 0;
    return cases.map((c) => {
      const head = output[line++] ?? "";
      const matches = c.strings.map(() => output[line++] === "1");
      return { error: head === "ok" ? undefined : head.replace(/^err /, ""), matches };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
