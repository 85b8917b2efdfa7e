// A pipeline in TypeScript, as `emrkit validate pipeline.ts` loads it: by Node's own type stripping, or the user's tsx.
import { command, type ReadyStep } from "@emrkit/dsl";

const steps: ReadyStep[] = [command("greet", ["echo", "hello"]).onFailure("CONTINUE")];
export default steps;
