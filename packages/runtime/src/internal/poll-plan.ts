import { LIST_STEPS_MAX_STEP_IDS, LIST_STEPS_PAGE_SIZE } from "@emrkit/dsl";

/**
 * How to learn the states of the unfinished steps with the fewest ListSteps calls: the StepIds filter covers 10 ids
 * a call; an unfiltered page covers 50 steps, newest first, so the pages must reach back to the oldest unfinished
 * step (`span` = how many steps are newer than it, itself included, as far as we know).
 */
export function planPoll(unfinished: number, span: number): "filtered" | "pages" {
  const filtered = Math.ceil(unfinished / LIST_STEPS_MAX_STEP_IDS);
  const pages = Math.ceil(span / LIST_STEPS_PAGE_SIZE);
  return filtered <= pages ? "filtered" : "pages";
}
