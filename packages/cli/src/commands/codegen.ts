import type { Output } from "../output.js";

const CODEGEN = "@emrkit/codegen";

/**
 * `emrkit codegen …`: runs @emrkit/codegen, loaded only here, because its model loaders, emitters and templates
 * (handlebars) are what validate, render and submit do not need; it is an optional peer of emrkit.
 */
export async function codegenCommand(args: string[], out: Output): Promise<number> {
  let codegen: typeof import("@emrkit/codegen");
  try {
    codegen = await import("@emrkit/codegen");
  } catch (error) {
    if (!isMissing(error)) throw error;
    out.error(`emrkit codegen needs ${CODEGEN}: npm install ${CODEGEN}`);
    return 1;
  }
  return codegen.main(args, out.log, out.error);
}

/** @emrkit/codegen itself is absent (not one of its own dependencies, which is a broken install). */
function isMissing(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === "ERR_MODULE_NOT_FOUND" && typeof message === "string" && message.includes(`'${CODEGEN}'`);
}
