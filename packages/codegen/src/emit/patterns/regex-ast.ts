/**
 * The small tree a Java pattern parses into. Character classes, `.`, escapes and case-insensitive literals are
 * all resolved to a set of code points (`set`), so the emitters never reinterpret Java syntax.
 */
import type { CharSet } from "./char-set.js";

export type RegexNode =
  | { readonly type: "set"; readonly set: CharSet }
  | { readonly type: "seq"; readonly items: readonly RegexNode[] }
  | { readonly type: "alt"; readonly options: readonly RegexNode[] }
  | {
      readonly type: "repeat";
      readonly body: RegexNode;
      readonly min: number;
      /** `Infinity` for `*`, `+` and `{n,}`. */
      readonly max: number;
      readonly mode: "greedy" | "lazy" | "possessive";
    }
  /** A group; `index` is its capture number when it captures. */
  | { readonly type: "group"; readonly body: RegexNode; readonly index?: number | undefined }
  | { readonly type: "look"; readonly body: RegexNode; readonly behind: boolean; readonly negate: boolean }
  | { readonly type: "assert"; readonly kind: AssertKind }
  | { readonly type: "backref"; readonly index: number };

/**
 * Zero-width tests of a position. `start` is `\A` and `^`; `end` is `\z`; `dollar` is `$` and `\Z` (end of input,
 * or before a final line terminator); the `line-` kinds are `^` and `$` under MULTILINE.
 */
export type AssertKind = "start" | "end" | "dollar" | "line-start" | "line-end" | "word" | "not-word";

export const EMPTY_SEQ: RegexNode = { type: "seq", items: [] };
