/**
 * The text of the linear-time matcher emitted into `validation-support.generated.ts`, for the patterns whose
 * backtracking cannot be proved linear (`linear-analysis.ts`). A Pike VM: every thread advances together, one
 * code point at a time, each instruction at most once per position, so a check costs O(input × program) — no
 * input can make it hang. A program without assertions also remembers the sets of instructions it passes through
 * (a DFA built lazily, bounded in size), so that a long value costs a table look-up per character. Lookarounds are each run once over the whole input beforehand (a lookahead backwards
 * from the end) and read as a per-position verdict. Programs come from `compile-program.ts`.
 */
export const LINEAR_ENGINE = `
/**
 * A compiled model pattern for matchesLinear: three numbers per instruction (op, a, b) — 0 a code point in
 * sets[a], 1 split to a and b, 2 jump to a, 3 the assertion a, 4 the lookaround looks[a], 5 match.
 */
export interface LinearProgram {
  readonly code: readonly number[];
  readonly sets: readonly (readonly number[])[];
  readonly looks: readonly { readonly program: LinearProgram; readonly behind: boolean; readonly negate: boolean }[];
  /** Indices in sets of Java's word characters, letters or digits, and non-spacing marks, for \\b. */
  readonly word?: readonly [number, number, number];
}

/** Whether the whole of text matches, as Java's Matcher.matches() decides, in time linear in text's length. */
export function matchesLinear(program: LinearProgram, text: string): boolean {
  const points = codePoints(text);
  const dfa = program.looks.length === 0 && !program.code.some((op, i) => i % 3 === 0 && op === 3) ? dfaOf(program) : undefined;
  if (dfa) {
    const verdict = runDfa(dfa, points);
    if (verdict !== undefined) return verdict;
  }
  return runLinear(program, points, 0)[points.length] === 1;
}

function codePoints(text: string): Int32Array {
  const points = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        points[n++] = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        i++;
        continue;
      }
    }
    points[n++] = unit;
  }
  return points.subarray(0, n);
}

/**
 * For a program without assertions, the sets of instructions the Pike VM passes through are built once and
 * remembered (a DFA made lazily), so a long value costs one table look-up per character. Bounded: past
 * MAX_DFA_STATES the cache is dropped and the VM itself answers, still in linear time.
 */
interface Dfa {
  readonly program: LinearProgram;
  readonly states: Int32Array[];
  readonly byKey: Map<string, number>;
  readonly accepts: boolean[];
  /** Per state: the next state by code point below 128 (-1 unknown), and a map for the rest. */
  readonly ascii: Int32Array[];
  readonly other: Map<number, number>[];
}

const MAX_DFA_STATES = 2000;
const dfas = new WeakMap<LinearProgram, Dfa>();

function dfaOf(program: LinearProgram): Dfa {
  let dfa = dfas.get(program);
  if (!dfa) {
    dfa = { program, states: [], byKey: new Map(), accepts: [], ascii: [], other: [] };
    dfaState(dfa, closure(program, [0]));
    dfas.set(program, dfa);
  }
  return dfa;
}

/** Every char or match instruction reached from the starts without reading (the program has no assertions). */
function closure(program: LinearProgram, starts: readonly number[]): Int32Array {
  const { code } = program;
  const seen = new Set<number>();
  const out: number[] = [];
  const stack = [...starts].reverse();
  while (stack.length > 0) {
    const pc = stack.pop()!;
    if (seen.has(pc)) continue;
    seen.add(pc);
    const op = code[pc * 3]!;
    if (op === 1) stack.push(code[pc * 3 + 2]!, code[pc * 3 + 1]!);
    else if (op === 2) stack.push(code[pc * 3 + 1]!);
    else out.push(pc);
  }
  return Int32Array.from(out).sort();
}

function dfaState(dfa: Dfa, pcs: Int32Array): number {
  const key = pcs.join(",");
  let id = dfa.byKey.get(key);
  if (id === undefined) {
    id = dfa.states.length;
    dfa.byKey.set(key, id);
    dfa.states.push(pcs);
    dfa.accepts.push(pcs.some((pc) => dfa.program.code[pc * 3] === 5));
    dfa.ascii.push(new Int32Array(128).fill(-1));
    dfa.other.push(new Map());
  }
  return id;
}

/** The verdict, or undefined when the DFA grew past its bound and the VM must answer. */
function runDfa(dfa: Dfa, points: Int32Array): boolean | undefined {
  const { code, sets } = dfa.program;
  let state = 0;
  for (let i = 0; i < points.length; i++) {
    const cp = points[i]!;
    let next = cp < 128 ? dfa.ascii[state]![cp]! : (dfa.other[state]!.get(cp) ?? -1);
    if (next < 0) {
      if (dfa.states.length >= MAX_DFA_STATES) return undefined;
      const starts: number[] = [];
      for (const pc of dfa.states[state]!) if (code[pc * 3] === 0 && inSet(sets[code[pc * 3 + 1]!]!, cp)) starts.push(pc + 1);
      next = dfaState(dfa, closure(dfa.program, starts));
      if (cp < 128) dfa.ascii[state]![cp] = next;
      else if (dfa.other[state]!.size < 4096) dfa.other[state]!.set(cp, next);
    }
    state = next;
    if (dfa.states[state]!.length === 0) return false;
  }
  return dfa.accepts[state]!;
}

function inSet(set: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = (set.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < set[mid * 2]!) hi = mid - 1;
    else if (cp > set[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

const isTerminator = (cp: number | undefined): boolean =>
  cp === 10 || cp === 13 || cp === 0x85 || cp === 0x2028 || cp === 0x2029;

/**
 * Runs a program over the code points. mode 0: from position 0 only (the pattern itself); 1: starting at every
 * position (a lookbehind); 2: backwards, starting at every position (a lookahead, whose program is reversed).
 * Returns, per position, 1 where the program reached its match.
 */
function runLinear(program: LinearProgram, points: Int32Array, mode: 0 | 1 | 2): Uint8Array {
  const n = points.length;
  const looks = program.looks.map((look) => {
    const verdicts = runLinear(look.program, points, look.behind ? 1 : 2);
    if (look.negate) for (let i = 0; i <= n; i++) verdicts[i] = verdicts[i]! ^ 1;
    return verdicts;
  });
  // Java's \\b counts a non-spacing mark as a word character when letters or digits come before its run.
  let based: Uint8Array | undefined;
  if (program.word) {
    based = new Uint8Array(n);
    const [, letterOrDigit, mark] = program.word;
    for (let i = 0; i < n; i++) {
      const cp = points[i]!;
      based[i] = inSet(program.sets[letterOrDigit]!, cp) ? 1 : inSet(program.sets[mark]!, cp) && i > 0 ? based[i - 1]! : 0;
    }
  }
  const wordAt = (i: number): boolean => {
    if (i < 0 || i >= n || !program.word) return false;
    const cp = points[i]!;
    return inSet(program.sets[program.word[0]]!, cp) || (inSet(program.sets[program.word[2]]!, cp) && based![i] === 1);
  };
  const holds = (kind: number, pos: number): boolean => {
    switch (kind) {
      case 0:
        return pos === 0;
      case 1:
        return pos === n;
      case 2:
        return (
          pos === n ||
          (pos === n - 1 && isTerminator(points[pos]) && !(points[pos] === 10 && points[pos - 1] === 13)) ||
          (pos === n - 2 && points[pos] === 13 && points[pos + 1] === 10)
        );
      case 3:
        return pos < n && (pos === 0 || (isTerminator(points[pos - 1]) && !(points[pos - 1] === 13 && points[pos] === 10)));
      case 4:
        return pos === n || (isTerminator(points[pos]) && !(points[pos] === 10 && points[pos - 1] === 13));
      default:
        return (wordAt(pos - 1) !== wordAt(pos)) === (kind === 5);
    }
  };
  const { code } = program;
  const size = code.length / 3;
  const mark = new Int32Array(size).fill(-1);
  const stack = new Int32Array(2 * size + 2);
  let current = new Int32Array(size);
  let next = new Int32Array(size);
  let count = 0;
  let nextCount = 0;
  let generation = 0;
  const out = new Uint8Array(n + 1);
  /** Adds pc and every instruction it reaches without reading, at pos, to the list being built. */
  const add = (list: Int32Array, length: number, start: number, pos: number): number => {
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const pc = stack[--top]!;
      if (mark[pc] === generation) continue;
      mark[pc] = generation;
      const op = code[pc * 3]!;
      const a = code[pc * 3 + 1]!;
      if (op === 1) {
        stack[top++] = code[pc * 3 + 2]!;
        stack[top++] = a;
      } else if (op === 2) stack[top++] = a;
      else if (op === 3) {
        if (holds(a, pos)) stack[top++] = pc + 1;
      } else if (op === 4) {
        if (looks[a]![pos] === 1) stack[top++] = pc + 1;
      } else list[length++] = pc;
    }
    return length;
  };
  for (let step = 0; ; step++) {
    const pos = mode === 2 ? n - step : step;
    if (mode !== 0 || step === 0) count = add(current, count, 0, pos);
    for (let i = 0; i < count; i++) if (code[current[i]! * 3] === 5) out[pos] = 1;
    if (step === n || (count === 0 && mode === 0)) break;
    const cp = points[mode === 2 ? pos - 1 : pos]!;
    generation++;
    nextCount = 0;
    for (let i = 0; i < count; i++) {
      const pc = current[i]!;
      if (code[pc * 3] === 0 && inSet(program.sets[code[pc * 3 + 1]!]!, cp)) nextCount = add(next, nextCount, pc + 1, mode === 2 ? pos - 1 : pos + 1);
    }
    const swap = current;
    current = next;
    next = swap;
    count = nextCount;
  }
  return out;
}
`;
