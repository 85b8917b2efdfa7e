export { type LoadedSteps, type LocatedIssue, loadSteps, type StepsFormat } from "./load/load-steps.js";
export { StepsFileError } from "./load/steps-file-error.js";
export { main } from "./main.js";
