/**
 * Prints a generated file from its statements as text: a blank line after a statement that ends a block, a line
 * break after any other (the layout ts-morph gave the same text). The emitters build text rather than ts-morph
 * structures: ts-morph parses everything it writes, which took 27 s for the EC2 model's validators and 9 s for its
 * types, against well under a second as text.
 */
export function printStatements(header: string, statements: readonly string[]): string {
  const body = statements.map((s, i) => (i === 0 ? "" : statements[i - 1]!.endsWith("}") ? "\n\n" : "\n") + s);
  return `${header}${body.join("").trimEnd()}\n`;
}

/** Documentation text made safe inside a `/** … *\/` comment. */
export function docText(lines: readonly string[]): string {
  return lines
    .filter((line) => line !== "")
    .join("\n\n")
    .replace(/\*\//g, "*\\/");
}

/** A `/** … *\/` comment for a declaration at `indent`, ending in a line break; nothing for no text. */
export function docComment(text: string, indent: string): string {
  if (text === "") return "";
  if (!text.includes("\n")) return `${indent}/** ${text} */\n`;
  const lines = text.split("\n").map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`));
  return `${indent}/**\n${lines.join("\n")}\n${indent} */\n`;
}
