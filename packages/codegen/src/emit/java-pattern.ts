/**
 * Model patterns are Java regular expressions that AWS services apply to the whole value (`Matcher.matches()`).
 * This turns one into the source of an equivalent JavaScript regular expression for the `u` flag:
 * - anchored as `^(?:…)$`, because `matches()` is;
 * - `\uD800\uDC00`-style surrogate-pair escapes stay as they are: with the `u` flag JavaScript reads such a pair as
 *   one code point (U+10000), which is what Java means by it;
 * - `\A` and `\z`/`\Z` become `^`/`$`; identity escapes the `u` flag refuses (`\_`, `\:`, …) lose their backslash.
 * Throws when the result is not a valid JavaScript regular expression, so a bad pattern fails at generation time.
 */
const SYNTAX = new Set("^$\\.*+?()[]{}|/".split(""));

export function javaPatternToJs(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      i++;
      if (next === "A") out += "^";
      else if (next === "z" || next === "Z") out += "$";
      else if (/[A-Za-z0-9]/.test(next) || SYNTAX.has(next) || (inClass && next === "-")) out += `\\${next}`;
      else out += next === "" ? "\\\\" : next;
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    else if (inClass && c === "[") {
      out += "\\[";
      continue;
    }
    out += c;
  }
  const source = `^(?:${out})$`;
  new RegExp(source, "u");
  return source;
}
