import type { LengthConstraint, MemberIR, RangeConstraint, ShapeIR } from "../ir/types.js";

/** One line per constraint, in words, for TSDoc and reference pages. */
export function describeConstraints(shape: ShapeIR, member?: MemberIR): string[] {
  const lines: string[] = [];
  if (member?.required) lines.push("Required.");
  const unit = shape.kind === "string" ? "characters (Unicode code points)" : shape.kind === "blob" ? "bytes" : "items";
  if ("length" in shape && shape.length) lines.push(`Length: ${bounds(shape.length)} ${unit}.`);
  if (member?.length) lines.push(`Length: ${bounds(member.length)} ${unit}.`);
  if (shape.kind === "number" && shape.range) lines.push(`Range: ${bounds(shape.range)}.`);
  if (member?.range) lines.push(`Range: ${bounds(member.range)}.`);
  if (shape.kind === "string" && shape.pattern) lines.push(`Pattern: \`${shape.pattern}\` (the whole value).`);
  if (member?.pattern) lines.push(`Pattern: \`${member.pattern}\` (the whole value).`);
  if ((shape.kind === "string" || shape.kind === "number") && shape.enum) {
    lines.push(`One of: ${shape.enum.map((v) => `\`${v}\``).join(", ")}.`);
  }
  if (shape.kind === "list" && shape.uniqueItems) lines.push("Items are unique.");
  if (member?.default !== undefined) lines.push(`Default: \`${JSON.stringify(member.default)}\`.`);
  if (shape.sensitive) lines.push("Sensitive: never logged.");
  return lines;
}

export function bounds(b: LengthConstraint | RangeConstraint): string {
  if (b.min !== undefined && b.max !== undefined) return `${b.min}–${b.max}`;
  if (b.min !== undefined) return `at least ${b.min}`;
  return `at most ${b.max}`;
}
