import type { ActionOnFailure, HadoopJarStepConfig, StepConfig } from "../generated/types.generated.js";
import { EmrValidationError } from "../issues/emr-validation-error.js";
import type { Issue } from "../issues/issue.js";
import { validateSteps } from "../validate/validate.js";
import type { EmrTypeError } from "./type-error.js";

/** What every step has besides its HadoopJarStep. */
export interface StepSettings {
  readonly name: string;
  readonly actionOnFailure: ActionOnFailure;
  readonly logUri: string | undefined;
  readonly encryptionKeyArn: string | undefined;
}

/**
 * A builder's whole state, shared between a builder and the ones derived from it. The state object is frozen; what
 * it holds is readonly by type only (freezing every part measured ~40% slower on the builder benchmark).
 */
export interface StepState<O> {
  readonly settings: StepSettings;
  readonly options: O;
}

/**
 * The first state of a step: the CLI's default action, CONTINUE. Give every option its key (undefined when unset),
 * so that every derived state has the same shape and verbs stay fast.
 */
export function stepState<O extends object>(name: string, options: O): StepState<O> {
  return { settings: { name, actionOnFailure: "CONTINUE", logUri: undefined, encryptionKeyArn: undefined }, options };
}

/** `build` of a builder whose `Missing` parts are set; otherwise a type error naming them. */
export type BuildMethod<Missing extends string> = [Missing] extends [never]
  ? () => StepConfig
  : EmrTypeError<`Call .${Missing}() before .build(): the step is not complete without it`>;

/**
 * The machinery of every step builder (`step`, the step kinds, and kinds users define): one frozen state, verbs
 * that return a new builder of the same class, and `build()` that checks the step. `Missing` names the verbs
 * still needed before `build()` compiles.
 */
export abstract class StepBuilderBase<O extends object, Missing extends string> {
  // Declared, not a class field: a field would be defined on every builder before the constructor runs.
  declare readonly state: StepState<O>;
  declare readonly build: BuildMethod<Missing>;
  /** Only for the type: the parts still missing. */
  declare readonly $missing: Missing;

  constructor(state: StepState<O>) {
    this.state = Object.freeze(state);
  }

  /** The kind's HadoopJarStep, from its options; not checked. */
  protected abstract hadoopJarStep(options: O): HadoopJarStepConfig;

  /** A new builder of the same class with some options replaced; the return type comes from the caller. */
  protected derive<B = this>(patch: Partial<O>): B {
    const Builder = this.constructor as new (state: StepState<O>) => B;
    // One spread alone is V8's fast object clone; a second spread into it would not be.
    const options = { ...this.state.options };
    for (const key in patch) (options as Record<string, unknown>)[key] = patch[key];
    return new Builder({ settings: this.state.settings, options });
  }

  private settle(settings: StepSettings): this {
    const Builder = this.constructor as new (state: StepState<O>) => this;
    return new Builder({ settings, options: this.state.options });
  }

  /**
   * What EMR does when the step fails (default CONTINUE, as the AWS CLI sends).
   * @example step("x").jar("s3://b/x.jar").onFailure("CANCEL_AND_WAIT").build().ActionOnFailure // "CANCEL_AND_WAIT"
   */
  onFailure(action: ActionOnFailure): this {
    const { name, logUri, encryptionKeyArn } = this.state.settings;
    return this.settle({ name, actionOnFailure: action, logUri, encryptionKeyArn });
  }

  /** Renames the step. */
  name(name: string): this {
    const { actionOnFailure, logUri, encryptionKeyArn } = this.state.settings;
    return this.settle({ name, actionOnFailure, logUri, encryptionKeyArn });
  }

  /**
   * Where the step's logs go: `StepMonitoringConfiguration.S3MonitoringConfiguration`.
   * @example .monitoring({ logUri: "s3://logs/etl/" }) // { S3MonitoringConfiguration: { LogUri: "s3://logs/etl/" } }
   */
  monitoring(config: { logUri?: string; encryptionKeyArn?: string }): this {
    const { name, actionOnFailure } = this.state.settings;
    return this.settle({ name, actionOnFailure, logUri: config.logUri, encryptionKeyArn: config.encryptionKeyArn });
  }

  /** Calls `fn` with this builder: reusable fragments (`.$call(withRetries)`). */
  $call<R>(fn: (builder: this) => R): R {
    return fn(this);
  }

  /** `fn(this)` when `condition` holds, else this builder unchanged. */
  $if(condition: boolean, fn: (builder: this) => this): this {
    return condition ? fn(this) : this;
  }

  /** The StepConfig, unchecked: for callers that check a whole request at once (`jobFlow`, `pipeline`). */
  toStepConfig(): StepConfig {
    const { name, actionOnFailure, logUri, encryptionKeyArn } = this.state.settings;
    const config: StepConfig = {
      Name: name,
      ActionOnFailure: actionOnFailure,
      HadoopJarStep: this.hadoopJarStep(this.state.options),
    };
    if (logUri !== undefined || encryptionKeyArn !== undefined) {
      const s3: { LogUri?: string; EncryptionKeyArn?: string } = {};
      if (logUri !== undefined) s3.LogUri = logUri;
      if (encryptionKeyArn !== undefined) s3.EncryptionKeyArn = encryptionKeyArn;
      config.StepMonitoringConfiguration = { S3MonitoringConfiguration: s3 };
    }
    return config;
  }
}

/** Every complete builder, whatever its kind. */
export type ReadyStep = StepBuilderBase<object, never>;

// On the prototype, so that `build` costs no allocation per builder.
Object.defineProperty(StepBuilderBase.prototype, "build", {
  value: function build(this: StepBuilderBase<object, string>): StepConfig {
    return checkedStep(this.toStepConfig());
  },
});

/** A step checked on its own (paths relative to the step); throws EmrValidationError on any error. */
export function checkedStep(config: StepConfig): StepConfig {
  const result = validateSteps([config]);
  if (!result.ok) throw new EmrValidationError(result.issues.map(relativeToStep));
  return config;
}

function relativeToStep(issue: Issue): Issue {
  const path = issue.path.startsWith("Steps[0].") ? issue.path.slice("Steps[0].".length) : issue.path;
  return { ...issue, path };
}
