/**
 * S3DistCp's --srcPattern and --groupBy are Java regular expressions matched against a file's whole path (Java's
 * `Matcher.matches()`, as the house rule for model patterns has it too). JavaScript's RegExp reads most of them
 * the same; where Java's syntax has no JavaScript meaning, the pattern is refused, naming the construct, rather
 * than matched differently: possessive quantifiers (`*+`), atomic groups (`(?>…)`), `\A`, `\Z`, `\z`, `\G`,
 * `\p{java…}` classes, class intersection (`&&`) and inline flags other than a leading `(?i)`. `\Q…\E` quoting
 * is translated.
 */
const UNSUPPORTED: [RegExp, string][] = [
  [/(?<!\\)(?:[*+?}])\+/, "possessive quantifiers (*+, ++, ?+)"],
  [/\(\?>/, "atomic groups (?>…)"],
  [/\\[AZzG]/, "the anchors \\A, \\Z, \\z and \\G"],
  [/\\p\{java/, "\\p{java…} classes"],
  [/&&/, "character class intersection (&&)"],
  [/\(\?[a-zA-Z-]+[):]/, "inline flags such as (?s) or (?x:…) (only a leading (?i) is supported)"],
];

/** A RegExp that matches a whole string as Java's `matches()` would; throws an Error saying what is wrong. */
export function javaMatcher(pattern: string): RegExp {
  let source = pattern.replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_, quoted: string) =>
    quoted.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"),
  );
  let flags = "";
  if (source.startsWith("(?i)")) {
    source = source.slice(4);
    flags = "i";
  }
  for (const [construct, name] of UNSUPPORTED) {
    if (construct.test(source)) throw new Error(`it uses ${name}, which this emulator cannot match as Java does`);
  }
  try {
    return new RegExp(`^(?:${source})$`, flags);
  } catch (error) {
    throw new Error(`it is not a regular expression: ${(error as Error).message}`);
  }
}

/** How many capture groups a pattern has (Java's `groupCount()`). */
export function groupCount(matcher: RegExp): number {
  return new RegExp(`${matcher.source}|`, matcher.flags).exec("")!.length - 1;
}
