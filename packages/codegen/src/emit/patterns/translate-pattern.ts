/**
 * One model pattern → how the generated code checks it, in time linear in the value: a JavaScript RegExp with
 * Java's meaning where V8's backtracking is proved linear on it, else a program for the linear-time matcher; or the
 * reason it cannot be checked exactly (then the shape's pattern check is skipped and the shape is reported).
 * Translations are cached: a service names the same pattern on many shapes.
 */
import { compileProgram, type Program, ProgramError } from "./compile-program.js";
import { emitJsRegex } from "./emit-js-regex.js";
import { backtrackingIsLinear } from "./linear-analysis.js";
import { PatternError, parseJavaRegex } from "./parse-java-regex.js";
import type { RegexNode } from "./regex-ast.js";

export type PatternPlan =
  /** V8's backtracking is proved linear on it: a plain RegExp. */
  | { readonly kind: "regex"; readonly source: string }
  /** Not proved: the linear-time matcher runs `program`; `source` is still exact (the differential tests run it). */
  | { readonly kind: "linear"; readonly source: string; readonly program: Program }
  | { readonly kind: "skip"; readonly reason: string };

const cache = new Map<string, PatternPlan>();

export function translatePattern(pattern: string): PatternPlan {
  let plan = cache.get(pattern);
  if (!plan) {
    plan = plan_(pattern);
    cache.set(pattern, plan);
  }
  return plan;
}

function plan_(pattern: string): PatternPlan {
  let root: RegexNode;
  try {
    root = parseJavaRegex(pattern).root;
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    return {
      kind: "skip",
      reason: error.unsupported ? `not translated: ${error.message}` : `Java refuses it: ${error.message}`,
    };
  }
  if (contains(root, "backref"))
    return {
      kind: "skip",
      reason: "not translated: a backreference (JavaScript matches one to a group that took no part; Java does not)",
    };
  const source = emitJsRegex(root);
  // Decided on the counts cut short, which gives the same answer as the full ones, without unrolling them: a
  // `[\p{L}…]{0,1024}` unrolled is 1,024 copies of a large set to compare, and V8 runs it itself anyway.
  // A ProgramError (a possessive quantifier on a group, a count too big to unroll) leaves the pattern unchecked.
  try {
    if (backtrackingIsLinear(compileProgram(capRepeats(root)))) return { kind: "regex", source };
    return { kind: "linear", source, program: compileProgram(root) };
  } catch (error) {
    if (!(error instanceof ProgramError)) throw error;
    return { kind: "skip", reason: `no linear-time check for it: ${error.message}` };
  }
}

/**
 * The same pattern with every count cut to at most two required and two optional copies. Whether the automaton is
 * deterministic is decided where one copy meets the next and where the optional copies meet what follows, both
 * already present with two of each, so the answer is the same as for the full counts.
 */
function capRepeats(node: RegexNode): RegexNode {
  switch (node.type) {
    case "seq":
      return { ...node, items: node.items.map(capRepeats) };
    case "alt":
      return { ...node, options: node.options.map(capRepeats) };
    case "group":
    case "look":
      return { ...node, body: capRepeats(node.body) };
    case "repeat": {
      const min = Math.min(node.min, 2);
      const max = node.max === Infinity ? Infinity : Math.min(node.max, min + Math.min(2, node.max - node.min));
      return { ...node, body: capRepeats(node.body), min, max };
    }
    default:
      return node;
  }
}

export function contains(node: RegexNode, type: RegexNode["type"]): boolean {
  if (node.type === type) return true;
  switch (node.type) {
    case "seq":
      return node.items.some((item) => contains(item, type));
    case "alt":
      return node.options.some((option) => contains(option, type));
    case "repeat":
    case "group":
    case "look":
      return contains(node.body, type);
    default:
      return false;
  }
}
