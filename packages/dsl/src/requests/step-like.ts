import { type ReadyStep, StepBuilderBase } from "../builders/step-builder-base.js";
import type { StepConfig } from "../generated/types.generated.js";

/** A complete builder of any kind, or a StepConfig already built. */
export type StepLike = StepConfig | ReadyStep;

/** The StepConfig of a step-like, unchecked (the caller checks the whole request). */
export function toStepConfig(step: StepLike): StepConfig {
  return step instanceof StepBuilderBase ? step.toStepConfig() : step;
}
