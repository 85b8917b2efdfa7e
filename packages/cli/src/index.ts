export { type LoadedSteps, loadSteps } from "./load-steps.js";
export { main } from "./main.js";
