import stringWidth from "string-width";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The line as it fits in `columns` terminal columns without wrapping: whole when it takes fewer, else cut with an
 * ellipsis. Counted in columns, not characters: a CJK character or an emoji takes two, a combining accent none, so a
 * step named in Japanese does not wrap and leave a line the next redraw cannot erase. Cut between graphemes, so an
 * accent or a ZWJ emoji sequence is never split from its base.
 */
export function fitToWidth(line: string, columns: number): string {
  if (stringWidth(line) < columns) return line;
  const room = Math.max(1, columns - 2);
  let used = 0;
  let kept = "";
  for (const { segment } of graphemes.segment(line)) {
    const width = stringWidth(segment);
    if (used + width > room) break;
    used += width;
    kept += segment;
  }
  return `${kept}…`;
}
