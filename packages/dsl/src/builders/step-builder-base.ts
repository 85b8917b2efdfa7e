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

/** The options of `O` that verbs append to: lists, undefined until the first append. */
export type ListOption<O> = {
  [K in keyof O]-?: NonNullable<O[K]> extends readonly unknown[] ? K : never;
}[keyof O];

/** One item of a list option. */
export type ListItem<L> = NonNullable<L> extends readonly (infer I)[] ? I : never;

/**
 * A kind's first options: every option given its key, so that all builds share one object layout. Lists start
 * undefined (the first append makes them).
 */
export type InitialOptions<O> = { readonly [K in keyof O]: K extends ListOption<O> ? undefined : O[K] };

/** `build` of a builder whose `Missing` parts are set; otherwise a type error naming them. */
export type BuildMethod<Missing extends string> = [Missing] extends [never]
  ? () => StepConfig
  : EmrTypeError<`Call .${Missing}() before .build(): the step is not complete without it`>;

/** What a verb did: start a step, set an option, append to a list option, or change the step's settings. */
const FIRST = 0;
const SET = 1;
const APPEND = 2;
const SETTINGS = 3;
type ChangeKind = typeof FIRST | typeof SET | typeof APPEND | typeof SETTINGS;

/**
 * One builder's change, and the change of the builder it was derived from. Kept apart from the builder, whose
 * class differs per kind, so that every change has one object layout: replaying a step of any kind then reads one
 * hidden class, where reading the builders themselves made steps of mixed kinds build at half the speed.
 */
interface Change {
  readonly before: Change | undefined;
  readonly kind: ChangeKind;
  /** The option set or appended to. */
  readonly option: string;
  /** The option's new value, the values appended to it, or (first change) the function giving the first options. */
  readonly value: unknown;
  readonly settings: StepSettings;
}

/**
 * The machinery of every step builder (`step`, the step kinds, and kinds users define). `Missing` names the verbs
 * still needed before `build()` compiles.
 *
 * A builder holds one small change: the one option its verb set or appended to, and the change of the builder it
 * was derived from. Options are put together once, at build time, by replaying the changes from the first. So a
 * verb costs one allocation whatever the kind's size (copying a kind's 15 options per verb, as builders did before,
 * cost 4× as much), appends share everything before them (100,000 appends cost O(n) in all), and a builder never
 * changes once made: nothing writes its field after it is handed out, and TypeScript sees it readonly. Builders are
 * not frozen: `Object.freeze` cost more than the whole verb (34 ns against about 10 ns).
 *
 * A kind's constructor runs for its first builder only (derived ones are made with `Object.create`), so a kind
 * keeps everything in its options and has no fields of its own; it may have a constructor of its own signature.
 */
export abstract class StepBuilderBase<O extends object, Missing extends string> {
  // Declared, not a class field: a field is defined on every builder before the constructor runs, which made each
  // verb 3× as slow. Named with `$`, so that no verb of a kind a user defines can shadow it.
  declare readonly $change: Change;
  declare readonly build: BuildMethod<Missing>;
  /** Only for the type: the parts still missing. */
  declare readonly $missing: Missing;

  /**
   * The first builder of a step: its name (the action is the CLI's default, CONTINUE) and a function giving its
   * first options as a new object literal on each call, which V8 makes several times faster than copying a shared
   * object at every build.
   */
  constructor(name: string, initial: () => InitialOptions<O>) {
    const settings = { name, actionOnFailure: "CONTINUE" as const, logUri: undefined, encryptionKeyArn: undefined };
    this.$change = { before: undefined, kind: FIRST, option: "", value: initial, settings };
  }

  /** The kind's HadoopJarStep, from its options; not checked. */
  protected abstract hadoopJarStep(options: O): HadoopJarStepConfig;

  /** A new builder of the same class with one option replaced; the return type comes from the caller. */
  protected set<K extends keyof O & string, B = this>(option: K, value: O[K]): B {
    return this.derived(SET, option, value);
  }

  /** A new builder of the same class with values appended to a list option. */
  protected append<K extends ListOption<O> & string, B = this>(option: K, ...values: ListItem<O[K]>[]): B {
    return this.derived(APPEND, option, values);
  }

  /**
   * A builder of this one's class, derived from it. Made with `Object.create`, not `new`: running the constructors of
   * every class between the kind and this one made each verb half again as slow.
   */
  private derived<B>(kind: ChangeKind, option: string, value: unknown, settings = this.$change.settings): B {
    const next = Object.create(Object.getPrototypeOf(this)) as { $change: Change };
    next.$change = { before: this.$change, kind, option, value, settings };
    return next as B;
  }

  /** A new builder with the step's settings replaced, written out whole so every settings object has one layout. */
  private settled(
    name: string,
    actionOnFailure: ActionOnFailure,
    logUri: string | undefined,
    encryptionKeyArn: string | undefined,
  ): this {
    return this.derived(SETTINGS, "", undefined, { name, actionOnFailure, logUri, encryptionKeyArn });
  }

  /** The options, put together from the first builder's by replaying every change in order. */
  protected replayOptions(): O {
    let count = 0;
    for (let at: Change | undefined = this.$change; at !== undefined; at = at.before) count++;
    const changes = new Array<Change>(count);
    for (let at: Change | undefined = this.$change; at !== undefined; at = at.before) changes[--count] = at;
    const options = (changes[0]!.value as () => Record<string, unknown>)();
    // The lists this build made, so only those are appended to in place (a list a user's kind starts with is not).
    const made: unknown[][] = [];
    for (let i = 1; i < changes.length; i++) {
      const { kind, option, value } = changes[i]!;
      if (kind === SET) options[option] = value;
      else if (kind === APPEND) appendTo(options, made, option, value as readonly unknown[]);
    }
    return options as O;
  }

  /**
   * What EMR does when the step fails (default CONTINUE, as the AWS CLI sends).
   * @example step("x").jar("s3://b/x.jar").onFailure("CANCEL_AND_WAIT").build().ActionOnFailure // "CANCEL_AND_WAIT"
   */
  onFailure(action: ActionOnFailure): this {
    const { name, logUri, encryptionKeyArn } = this.$change.settings;
    return this.settled(name, action, logUri, encryptionKeyArn);
  }

  /** Renames the step. */
  name(name: string): this {
    const { actionOnFailure, logUri, encryptionKeyArn } = this.$change.settings;
    return this.settled(name, actionOnFailure, logUri, encryptionKeyArn);
  }

  /**
   * Where the step's logs go: `StepMonitoringConfiguration.S3MonitoringConfiguration`.
   * @example .monitoring({ logUri: "s3://logs/etl/" }) // { S3MonitoringConfiguration: { LogUri: "s3://logs/etl/" } }
   */
  monitoring(config: { logUri?: string; encryptionKeyArn?: string }): this {
    const { name, actionOnFailure } = this.$change.settings;
    return this.settled(name, actionOnFailure, config.logUri, config.encryptionKeyArn);
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
    const { name, actionOnFailure, logUri, encryptionKeyArn } = this.$change.settings;
    const jarStep = this.hadoopJarStep(this.replayOptions());
    if (logUri === undefined && encryptionKeyArn === undefined) {
      return { Name: name, ActionOnFailure: actionOnFailure, HadoopJarStep: jarStep };
    }
    // Each shape written out, so that every build of it shares one object layout.
    const s3 =
      logUri === undefined
        ? { EncryptionKeyArn: encryptionKeyArn }
        : encryptionKeyArn === undefined
          ? { LogUri: logUri }
          : { LogUri: logUri, EncryptionKeyArn: encryptionKeyArn };
    return {
      Name: name,
      ActionOnFailure: actionOnFailure,
      HadoopJarStep: jarStep,
      StepMonitoringConfiguration: { S3MonitoringConfiguration: s3 },
    };
  }
}

/** Appends to a list option while replaying: in place in a list this build made, else into a new one. */
function appendTo(options: Record<string, unknown>, made: unknown[][], option: string, values: readonly unknown[]) {
  const list = options[option] as unknown[] | undefined;
  if (list !== undefined && made.includes(list)) {
    for (let i = 0; i < values.length; i++) list.push(values[i]);
    return;
  }
  const fresh = list === undefined ? values.slice() : list.concat(values);
  made.push(fresh);
  options[option] = fresh;
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
