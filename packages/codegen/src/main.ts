import { basename } from "node:path";
import { parseArgs } from "node:util";
import { ignoreBrokenPipe } from "./broken-pipe.js";
import { findModel, ModelNotFoundError } from "./find/find-model.js";
import { EMITTERS, type Emitter, generate } from "./generate.js";
import { ModelError } from "./ir/model-error.js";
import { SelectionError } from "./select/select-operations.js";
import { diffOutput, writeOutput } from "./write-output.js";

/** For the bin, which runs this module and calls `main`: output piped to `head` ends the command quietly. */
export { ignoreBrokenPipe };

const USAGE = `Usage: emrkit-codegen (--model FILE | --service NAME [--format botocore|smithy] [--models DIR]) --out DIR
                      [--operations A,B] [--emit ${EMITTERS.join(",")}] [--check]

Reads an AWS API model (botocore service-2.json or Smithy JSON AST) and writes TypeScript types, validators,
JSON Schema and reference docs into DIR.

  --model FILE        the model file; its format is found by reading it
  --service NAME      find the service's model by name (sqs, emr, …): in ./models, $EMRKIT_MODELS_DIR, then an
                      installed botocore (boto3, the AWS CLI v1); the newest version
  --format FORMAT     with --service: only botocore or only smithy models
  --models DIR        with --service: look only in DIR, a models directory or a clone of botocore or api-models-aws
  --out DIR           where the generated files go
  --operations LIST   operations to generate, comma-separated (default: all)
  --emit LIST         emitters to run, comma-separated (default: all)
  --check             write nothing; exit 1 and list the files that would change
  --help              show this text`;

/** The `emrkit-codegen` command. Returns the exit code; errors are one clear line, never a stack trace. */
export function main(argv: readonly string[], out = console.log, err = console.error): number {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    err(`emrkit-codegen: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (!values.out || (values.model === undefined) === (values.service === undefined)) {
    err(`emrkit-codegen: --out and one of --model or --service are required\n\n${USAGE}`);
    return 2;
  }
  if ((values.format !== undefined || values.models !== undefined) && values.service === undefined) {
    err(`emrkit-codegen: --format and --models go with --service\n\n${USAGE}`);
    return 2;
  }
  if (values.format !== undefined && values.format !== "botocore" && values.format !== "smithy") {
    err(`emrkit-codegen: unknown format ${values.format} (choose from botocore, smithy)`);
    return 2;
  }
  const emit = list(values.emit);
  const unknown = emit.filter((e) => !(EMITTERS as readonly string[]).includes(e));
  if (unknown.length > 0) {
    err(`emrkit-codegen: unknown emitter ${unknown.join(", ")} (choose from ${EMITTERS.join(", ")})`);
    return 2;
  }
  try {
    const started = performance.now();
    const model =
      values.model ?? findModel({ service: values.service!, format: values.format, models: values.models }).path;
    if (values.service !== undefined) out(`emrkit-codegen: ${values.service} is ${model}`);
    const files = generate({
      model,
      operations: list(values.operations),
      emit: emit as Emitter[],
      // Not an error: the service generates, and only this shape's pattern goes unchecked.
      onSkippedPattern: (s) =>
        err(
          `emrkit-codegen: warning: ${basename(model)} (shape ${s.shape}): pattern ${s.pattern} not checked: ${s.reason}`,
        ),
    });
    if (values.check) {
      const { changed, stale } = diffOutput(values.out, files);
      if (changed.length + stale.length === 0) {
        out(`emrkit-codegen: ${files.size} files in ${values.out} are up to date`);
        return 0;
      }
      err(
        `emrkit-codegen: the generated files in ${values.out} differ from what the generator writes; run \`pnpm codegen\`:`,
      );
      for (const path of changed) err(`  changed  ${path}`);
      for (const path of stale) err(`  stale    ${path}`);
      return 1;
    }
    const { changed, stale } = writeOutput(values.out, files);
    const ms = Math.round(performance.now() - started);
    out(
      `emrkit-codegen: wrote ${files.size} files to ${values.out} in ${ms} ms (${changed.length} changed, ${stale.length} removed)`,
    );
    for (const path of files.keys()) out(`  ${changed.includes(path) ? "changed  " : "unchanged"} ${path}`);
    return 0;
  } catch (error) {
    if (error instanceof ModelError || error instanceof SelectionError || error instanceof ModelNotFoundError) {
      err(`emrkit-codegen: ${error.message}`);
      return 1;
    }
    // A directory that cannot be written, a file in the way: the system's one-line message is enough.
    if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string") {
      err(`emrkit-codegen: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      model: { type: "string" },
      service: { type: "string" },
      format: { type: "string" },
      models: { type: "string" },
      out: { type: "string" },
      operations: { type: "string" },
      emit: { type: "string" },
      check: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
}

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
