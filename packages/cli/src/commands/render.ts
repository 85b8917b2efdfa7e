import { redact } from "@emrkit/dsl";
import { EXIT } from "../exit-codes.js";
import { jsonDocument } from "../json/json-output.js";
import type { Output } from "../output.js";
import type { Format } from "./formats.js";
import { loadUsable } from "./load-usable.js";
import { renderAs } from "./render-formats.js";

export interface RenderOptions {
  format: Format;
  cluster?: string;
  json?: boolean;
}

/**
 * `emrkit render FILE --format …`: the file in another format, with everything it holds (the steps, the cluster id,
 * the runtime role), or a refusal naming what the format cannot hold. `--cluster` sets or replaces the cluster id.
 * The CLI's `--steps` format holds steps alone: the cluster and role then go on `aws emr add-steps`' own options,
 * which the command prints on standard error. Secrets show as ***.
 */
export async function renderCommand(file: string, options: RenderOptions, out: Output): Promise<number> {
  const loaded = await loadUsable(file);
  const clusterId = options.cluster ?? loaded.request?.JobFlowId;
  const executionRoleArn = loaded.request?.ExecutionRoleArn;
  const output = renderAs(options.format, {
    steps: loaded.steps,
    ...(clusterId === undefined ? {} : { clusterId }),
    ...(executionRoleArn === undefined ? {} : { executionRoleArn }),
    ...(loaded.after === undefined ? {} : { after: loaded.after }),
    list: loaded.format !== "api-request" && loaded.request === undefined,
  });
  if (options.json) {
    out.log(
      jsonDocument("render", {
        ok: true,
        format: options.format,
        ...(clusterId === undefined ? {} : { clusterId }),
        ...(executionRoleArn === undefined ? {} : { executionRoleArn }),
        output,
      }),
    );
    return EXIT.ok;
  }
  out.log(redact(JSON.stringify(output, null, 2)));
  if (options.format === "cli" && (clusterId !== undefined || executionRoleArn !== undefined)) {
    const role = executionRoleArn === undefined ? "" : ` --execution-role-arn ${executionRoleArn}`;
    out.error(
      redact(`with: aws emr add-steps --cluster-id ${clusterId ?? "<cluster-id>"}${role} --steps file://<this output>`),
    );
  }
  return EXIT.ok;
}
