import { Project, type StatementStructures } from "ts-morph";

/**
 * Prints declarations built as ts-morph structures into one file's text, in one call: building from structures
 * and printing once avoids the reparse that every small manipulation would cost.
 */
export function printStatements(header: string, statements: (string | StatementStructures)[]): string {
  const project = new Project({ useInMemoryFileSystem: true, manipulationSettings: { useTrailingCommas: true } });
  const file = project.createSourceFile("out.ts", { statements });
  return `${header}${file.getFullText().trimEnd()}\n`;
}

/** Documentation text made safe inside a `/** … *\/` comment. */
export function docText(lines: readonly string[]): string {
  return lines
    .filter((line) => line !== "")
    .join("\n\n")
    .replace(/\*\//g, "*\\/");
}
