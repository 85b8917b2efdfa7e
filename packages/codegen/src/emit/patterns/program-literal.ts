/** A compiled program as a TypeScript expression: plain data the support module's `matchesLinear` runs. */
import type { Program } from "./compile-program.js";

export function programLiteral(program: Program): string {
  const looks = program.looks.map(
    (look) => `{ program: ${programLiteral(look.program)}, behind: ${look.behind}, negate: ${look.negate} }`,
  );
  const word = program.word ? `, word: [${program.word.join(", ")}]` : "";
  return `{ code: [${program.code.join(",")}], sets: [${program.sets.map((s) => `[${s.join(",")}]`).join(", ")}], looks: [${looks.join(", ")}]${word} }`;
}
