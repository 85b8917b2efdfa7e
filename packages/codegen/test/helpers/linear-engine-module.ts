import ts from "typescript";
import type { Program } from "../../src/emit/patterns/compile-program.js";
import { LINEAR_ENGINE } from "../../src/emit/patterns/linear-engine.js";

/** The linear-time matcher exactly as emitted into the support module, compiled and loaded (no file written). */
export async function linearEngine(): Promise<{ matchesLinear(program: Program, text: string): boolean }> {
  const js = ts.transpileModule(LINEAR_ENGINE, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  return import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`);
}
