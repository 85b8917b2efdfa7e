import { type ReadyStep, StepBuilderBase } from "../builders/step-builder-base.js";
import type { StepConfig } from "../generated/types.generated.js";
import { snapshotStep } from "../validate/snapshot.js";

/** A complete builder of any kind, or a StepConfig already built. */
export type StepLike = StepConfig | ReadyStep;

/**
 * The StepConfig of a step-like, unchecked (the caller checks the whole request): a builder's, or a plain copy of a
 * StepConfig given as data (snapshotStep), so that a getter in it is read once, before it is checked.
 */
export function toStepConfig(step: StepLike): StepConfig {
  return step instanceof StepBuilderBase ? step.toStepConfig() : snapshotStep(step);
}
