/** Where a command writes: standard output for results, standard error for messages. Replaceable in tests. */
export interface Output {
  log(line: string): void;
  error(line: string): void;
}

export const consoleOutput: Output = { log: (l) => console.log(l), error: (l) => console.error(l) };
