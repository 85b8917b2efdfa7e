import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `../shared/models` from the project root: public AWS models kept outside the project, absent on some machines. */
export const MODELS_DIR = fileURLToPath(new URL("../../../../../shared/models/", import.meta.url));

export const modelsPresent = existsSync(MODELS_DIR);

if (!modelsPresent) {
  console.warn(`@emrkit/codegen tests: skipping the tests on real AWS models, because ${MODELS_DIR} does not exist`);
}

/** Every service model (both formats), as paths; paginators and waiters are not service models. */
export function serviceModels(): string[] {
  if (!modelsPresent) return [];
  return ["botocore", "smithy"].flatMap((format) =>
    readdirSync(`${MODELS_DIR}${format}`)
      .filter((file) => file.endsWith(".json") && !/paginators|waiters/.test(file))
      .sort()
      .map((file) => `${MODELS_DIR}${format}/${file}`),
  );
}

export const EMR_BOTOCORE = `${MODELS_DIR}botocore/emr-2009-03-31.service-2.json`;
export const EMR_SMITHY = `${MODELS_DIR}smithy/emr-2009-03-31.json`;
