/**
 * RegexNode → a program for the linear-time matcher (`linear-engine.ts`): a Thompson NFA, run as a Pike VM, so a
 * check costs O(input × program) whatever the pattern. Counted repetitions are unrolled (`X{2,4}` is `XX(X(X)?)?`);
 * each lookaround is a program of its own that the engine runs once over the whole input (a lookahead's body
 * reversed, from the end) to know at which positions it holds. Only a verdict is needed, never a match's extent,
 * so greedy and lazy compile alike; a possessive quantifier on one set becomes greedy plus a lookahead that the
 * next character is not in the set, which is what keeping the longest run means.
 */
import type { CharSet } from "./char-set.js";
import { wordSets } from "./emit-js-regex.js";
import type { AssertKind, RegexNode } from "./regex-ast.js";

export const OP = { char: 0, split: 1, jmp: 2, assert: 3, look: 4, match: 5 } as const;
export const ASSERT_CODES: Readonly<Record<AssertKind, number>> = {
  start: 0,
  end: 1,
  dollar: 2,
  "line-start": 3,
  "line-end": 4,
  word: 5,
  "not-word": 6,
};

export interface Program {
  /** Three numbers per instruction: op, a, b. */
  readonly code: number[];
  readonly sets: CharSet[];
  readonly looks: { readonly program: Program; readonly behind: boolean; readonly negate: boolean }[];
  /** Indices in `sets` of Java's word characters, letters-or-digits and non-spacing marks, when `\b` is used. */
  word?: [number, number, number];
}

/** Past this many instructions a pattern is reported rather than compiled (`(x{1,1000}){1,1000}`). */
export const MAX_INSTRUCTIONS = 200_000;

export class ProgramError extends Error {}

export function compileProgram(root: RegexNode, reverse = false): Program {
  const program: Program = { code: [], sets: [], looks: [] };
  const setIndex = new Map<string, number>();
  const lookIndex = new Map<string, number>();
  const emit = (op: number, a = 0, b = 0): number => {
    if (program.code.length / 3 >= MAX_INSTRUCTIONS)
      throw new ProgramError(`more than ${MAX_INSTRUCTIONS} instructions once its repetitions are unrolled`);
    program.code.push(op, a, b);
    return program.code.length / 3 - 1;
  };
  const patch = (pc: number, slot: 1 | 2, target: number): void => {
    program.code[pc * 3 + slot] = target;
  };
  const here = (): number => program.code.length / 3;
  // By identity first: an unrolled `[\p{L}…]{0,1024}` meets the same set object 1,024 times, and keying it by its
  // text each time cost more than the rest of the compilation.
  const byIdentity = new Map<CharSet, number>();
  const set = (s: CharSet): number => {
    let index = byIdentity.get(s);
    if (index !== undefined) return index;
    const key = s.join(",");
    index = setIndex.get(key);
    if (index === undefined) {
      index = program.sets.length;
      program.sets.push(s);
      setIndex.set(key, index);
    }
    byIdentity.set(s, index);
    return index;
  };

  const node = (n: RegexNode): void => {
    switch (n.type) {
      case "set":
        emit(OP.char, set(n.set));
        return;
      case "seq":
        for (const item of reverse ? [...n.items].reverse() : n.items) node(item);
        return;
      case "alt": {
        const jumps: number[] = [];
        n.options.forEach((option, i) => {
          if (i < n.options.length - 1) {
            const split = emit(OP.split, here() + 1);
            node(option);
            jumps.push(emit(OP.jmp));
            patch(split, 2, here());
          } else node(option);
        });
        for (const jump of jumps) patch(jump, 1, here());
        return;
      }
      case "group":
        node(n.body);
        return;
      case "assert":
        if ((n.kind === "word" || n.kind === "not-word") && !program.word) {
          const { word, letterOrDigit, mark } = wordSets();
          program.word = [set(word), set(letterOrDigit), set(mark)];
        }
        emit(OP.assert, ASSERT_CODES[n.kind]);
        return;
      case "look": {
        // One run per distinct lookaround: `(-(?!-)){1,61}` unrolls into 61 copies of the same one.
        const key = `${n.behind}${n.negate}${JSON.stringify(n.body)}`;
        let index = lookIndex.get(key);
        if (index === undefined) {
          index = program.looks.length;
          program.looks.push({ program: compileProgram(n.body, !n.behind), behind: n.behind, negate: n.negate });
          lookIndex.set(key, index);
        }
        emit(OP.look, index);
        return;
      }
      case "backref":
        throw new ProgramError("a backreference");
      case "repeat":
        repeat(n);
        return;
    }
  };

  const repeat = (n: Extract<RegexNode, { type: "repeat" }>): void => {
    if (n.mode === "possessive") {
      if (n.body.type !== "set") throw new ProgramError("a possessive quantifier or atomic group on more than one set");
      const not: RegexNode = { type: "look", body: n.body, behind: false, negate: true };
      const greedy = (min: number, max: number): RegexNode => ({
        type: "repeat",
        body: n.body,
        min,
        max,
        mode: "greedy",
      });
      node(
        n.max === Infinity
          ? { type: "seq", items: [greedy(n.min, Infinity), not] }
          : n.max === n.min
            ? greedy(n.min, n.max)
            : {
                type: "alt",
                options: [greedy(n.max, n.max), { type: "seq", items: [greedy(n.min, n.max - 1), not] }],
              },
      );
      return;
    }
    for (let i = 0; i < n.min; i++) node(n.body);
    if (n.max === Infinity) {
      const split = emit(OP.split, here() + 1);
      node(n.body);
      emit(OP.jmp, split);
      patch(split, 2, here());
      return;
    }
    // `(X(X(X)?)?)?`: nested, so that at each step there is one way on, as a backtracking engine counts.
    const splits: number[] = [];
    for (let i = n.min; i < n.max; i++) {
      splits.push(emit(OP.split, here() + 1));
      node(n.body);
    }
    for (const split of splits) patch(split, 2, here());
  };

  node(root);
  emit(OP.match);
  return program;
}
