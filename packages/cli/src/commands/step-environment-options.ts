import type { StepEnvironmentOptions } from "@emrkit/emulator";
import { usage } from "./submit-options.js";

/** What a POSIX shell takes as a variable name, as the emulator checks it (its step-environment.ts). */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `--pass-env NAME` and `--set-env NAME=VALUE` (each repeatable) as the emulator's `stepEnvironment`: host
 * variables a step may see, and variables set for every step (later wins). A bad one is a usage error that names
 * the option and says what it takes; a value is never printed (it may be a secret). `warn` hears of a name passed
 * through that is not set here: the steps will not have it.
 */
export function stepEnvironmentOptions(
  pass: readonly string[],
  set: readonly string[],
  host: NodeJS.ProcessEnv,
  warn: (line: string) => void,
): StepEnvironmentOptions | undefined {
  for (const name of pass) {
    if (!NAME.test(name)) {
      usage(
        `--pass-env takes a variable name (letters, digits and _, not starting with a digit), not ${JSON.stringify(name)}`,
      );
    }
    if (host[name] === undefined) warn(`emrkit local: --pass-env ${name}: not set here, so steps will not have it`);
  }
  const values: Record<string, string> = {};
  for (const entry of set) {
    const equals = entry.indexOf("=");
    const name = equals < 0 ? entry : entry.slice(0, equals);
    if (equals < 0) usage(`--set-env takes NAME=VALUE, but ${JSON.stringify(name)} has no "="`);
    if (!NAME.test(name)) {
      usage(
        `--set-env takes NAME=VALUE with a variable name before the "=" (letters, digits and _, not starting with a digit), not ${JSON.stringify(name)}`,
      );
    }
    if (entry.includes("\0", equals)) usage(`--set-env ${name}: a value cannot hold a NUL character`);
    values[name] = entry.slice(equals + 1);
  }
  if (pass.length === 0 && set.length === 0) return undefined;
  return { ...(pass.length > 0 ? { pass: [...pass] } : {}), ...(set.length > 0 ? { set: values } : {}) };
}

/** Commander's collector for a repeatable option. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];
