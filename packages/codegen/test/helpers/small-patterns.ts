import fc from "fast-check";

/**
 * Small random Java patterns: atoms joined in sequence, in alternations opened by one of `opens` (`(?:` unless
 * told, or lookarounds), and quantified — the shapes where ambiguity, counts and lookarounds meet.
 */
export function smallPatterns(
  atom: fc.Arbitrary<string>,
  quantifier: fc.Arbitrary<string>,
  opens: readonly string[] = ["(?:"],
): fc.Arbitrary<string> {
  return fc.letrec<{ p: string }>((tie) => ({
    p: fc.oneof(
      { depthSize: "small" },
      atom,
      fc.tuple(tie("p"), tie("p")).map(([x, y]) => `${x}${y}`),
      fc.tuple(fc.constantFrom(...opens), tie("p"), tie("p")).map(([open, x, y]) => `${open}${x}|${y})`),
      fc.tuple(tie("p"), quantifier).map(([x, q]) => `(?:${x})${q}`),
    ),
  })).p;
}
