/**
 * Whether V8's backtracking runs a pattern in linear time, proved on its program (`compile-program.ts`): when the
 * automaton is deterministic — from every point, the characters that can come next lead one way each (one path
 * per next instruction, disjoint sets) — a backtracking engine never has two live branches, and each branch it
 * abandons dies at its first character, so the work is O(input × pattern). Lookarounds and `\b` are left to the
 * linear engine: a lookaround re-run at every position is what makes backtracking quadratic.
 */
import { type CharSet, EMPTY, overlaps, union } from "./char-set.js";
import { ASSERT_CODES, OP, type Program } from "./compile-program.js";

export function backtrackingIsLinear(program: Program): boolean {
  if (program.looks.length > 0 || program.word) return false;
  const { code } = program;
  const starts = [0];
  for (let pc = 0; pc < code.length / 3; pc++) if (code[pc * 3] === OP.char) starts.push(pc + 1);
  const seen = new Int32Array(code.length / 3).fill(-1);
  for (const [i, start] of starts.entries()) {
    let covered: CharSet = EMPTY;
    const stack = [start];
    while (stack.length > 0) {
      const pc = stack.pop()!;
      if (seen[pc] === i) return false; // two ways to the same point: ambiguous (or an empty loop)
      seen[pc] = i;
      const [op, a, b] = [code[pc * 3], code[pc * 3 + 1]!, code[pc * 3 + 2]!];
      if (op === OP.char) {
        const next = program.sets[a]!;
        if (overlaps(covered, next)) return false;
        covered = union(covered, next);
      } else if (op === OP.split) stack.push(a, b);
      else if (op === OP.jmp) stack.push(a);
      else if (op === OP.assert) {
        if (a === ASSERT_CODES.word || a === ASSERT_CODES["not-word"]) return false;
        stack.push(pc + 1);
      }
    }
  }
  return true;
}
