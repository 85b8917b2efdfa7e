/**
 * The AWS SDK warns, when a client is made on a Node it is dropping, with a nine-line `process.emitWarning` whose
 * text starts "NodeVersionSupportWarning:" (no warning code to filter on; @aws-sdk/core's
 * emitWarningIfUnsupportedVersion). emrkit says the same once, in one line, on standard error, and lets every other
 * warning through.
 */
export function foldSdkNodeWarning(say: (line: string) => void): () => void {
  const original = process.emitWarning;
  let said = false;
  const folded = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === "string" ? warning : warning.message;
    if (!text.startsWith("NodeVersionSupportWarning")) return Reflect.apply(original, process, [warning, ...rest]);
    if (said) return;
    said = true;
    say(oneLine(text));
  } as typeof process.emitWarning;
  process.emitWarning = folded;
  return () => {
    if (process.emitWarning === folded) process.emitWarning = original;
  };
}

/** "… after the first week of January 2027 will require node >=22. You are running node v20.20.2." → one line. */
export function oneLine(text: string): string {
  const after = /published after (.+?)\s+will require/s.exec(text)?.[1]?.replace(/\s+/g, " ");
  const needs = /require node (>=\s*\d+(?:\.\d+)*)/.exec(text)?.[1];
  if (after === undefined || needs === undefined) return `emrkit: note: ${text.split("\n")[0]}`;
  return `emrkit: note: Node ${process.version} — AWS SDK releases after ${after} need Node ${needs}`;
}
