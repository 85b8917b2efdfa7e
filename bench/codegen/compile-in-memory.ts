/**
 * Strict `tsc` over generated output held in memory: many services' files in one program (each under its own
 * virtual folder, so their names never meet), the standard library parsed once per process. Batching is what makes
 * checking every AWS service affordable: one program per service would reparse the library hundreds of times.
 */
import ts from "typescript";
import { STRICT_OPTIONS } from "../../packages/codegen/test/helpers/compile-strict.js";

const VIRTUAL = "/emrkit-virtual/";

/** The strict options the codegen tests compile generated output with: the same verdict in the bench. */
const OPTIONS = STRICT_OPTIONS;

const libCache = new Map<string, ts.SourceFile | undefined>();

/** Per output (by its label), the diagnostics of its files as text; an output missing from the result compiled. */
export function compileOutputs(outputs: ReadonlyMap<string, ReadonlyMap<string, string>>): Map<string, string[]> {
  const texts = new Map<string, string>();
  for (const [label, files] of outputs) {
    for (const [file, text] of files) if (file.endsWith(".ts")) texts.set(`${VIRTUAL}${label}/${file}`, text);
    // The output is ESM; the project that receives it says so.
    texts.set(`${VIRTUAL}${label}/package.json`, '{ "type": "module" }');
  }
  const host = ts.createCompilerHost(OPTIONS);
  const original = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.fileExists = (f) => texts.has(f) || (!f.startsWith(VIRTUAL) && fileExists(f));
  host.readFile = (f) => texts.get(f) ?? (f.startsWith(VIRTUAL) ? undefined : readFile(f));
  // Module resolution asks for the folders too; every virtual folder exists, nothing under it is a link.
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (d) => d.startsWith(VIRTUAL) || d === VIRTUAL.slice(0, -1) || (directoryExists?.(d) ?? true);
  host.realpath = (p) => p;
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const text = texts.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, language);
    if (!libCache.has(fileName)) libCache.set(fileName, original(fileName, language, onError, shouldCreate));
    return libCache.get(fileName);
  };
  const roots = [...texts.keys()].filter((f) => f.endsWith(".ts"));
  const program = ts.createProgram(roots, OPTIONS, host);
  const failures = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName ?? "";
    const label = file.startsWith(VIRTUAL) ? file.slice(VIRTUAL.length).split("/")[0]! : "(program)";
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const at = where ? `${file.slice(VIRTUAL.length + label.length + 1)}:${where.line + 1}:${where.character + 1}` : "";
    failures.set(label, [...(failures.get(label) ?? []), `${at} TS${d.code}: ${text}`]);
  }
  return failures;
}
