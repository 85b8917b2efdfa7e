/**
 * A snapshot of a request as plain data: every object and list of the AddJobFlowStepsInput shape copied, each
 * member read once (a getter runs once, a Proxy's traps once), strings and other values taken as they are. Check
 * the snapshot and send it, and what is checked is what is sent: a getter cannot give validation one value and the
 * serialiser another. `fromJson(value)` checks such a copy and returns it.
 * Plain objects are copied by spread (own enumerable properties, `__proto__` included as a key), what
 * JSON.stringify and the model's checks see; lists index by index, their length read once (not by `slice`, which
 * would consult an own `constructor` key, nor by spread, which reads the length at every step). Members of the
 * wrong shape are kept as they are, for the checks to refuse: a Date, a Map or a class instance where a structure
 * goes stays one (a copy would make it a plain object). Each list has its own loop: one loop with a callback per
 * kind of item was measured a third slower.
 */

type Rec = Record<string, unknown>;

/** A plain object, as the model's checks mean it (`isObject`): a Date, a Map or a class instance is kept as it is. */
function isRecord(value: unknown): value is Rec {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A plain copy of a request, read once.
 * @example
 * const checked = snapshotRequest(input); // getters and Proxies read once, here
 * if (validate(checked).ok) await client.send(new AddJobFlowStepsCommand(checked as AddJobFlowStepsInput));
 */
export function snapshotRequest<T>(input: T): T;
export function snapshotRequest(input: unknown): unknown {
  if (!isRecord(input)) return input;
  const out: Rec = { ...input };
  const steps = out.Steps;
  if (Array.isArray(steps)) out.Steps = snapshotSteps(steps);
  return out;
}

/** A plain copy of a list of StepConfigs, read once. */
export function snapshotSteps<T>(steps: T): T;
export function snapshotSteps(steps: unknown): unknown {
  if (!Array.isArray(steps)) return steps;
  const count = steps.length;
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) out.push(snapshotStep(steps[i]));
  return out;
}

/** A plain copy of one StepConfig, read once. */
export function snapshotStep<T>(step: T): T;
export function snapshotStep(step: unknown): unknown {
  if (!isRecord(step)) return step;
  const out: Rec = { ...step };
  const jarStep = out.HadoopJarStep;
  if (isRecord(jarStep)) out.HadoopJarStep = snapshotJarStep(jarStep);
  const monitoring = out.StepMonitoringConfiguration;
  if (isRecord(monitoring)) {
    const copy: Rec = { ...monitoring };
    const s3 = copy.S3MonitoringConfiguration;
    if (isRecord(s3)) copy.S3MonitoringConfiguration = { ...s3 };
    out.StepMonitoringConfiguration = copy;
  }
  return out;
}

function snapshotJarStep(jarStep: Rec): Rec {
  const out: Rec = { ...jarStep };
  const args = out.Args;
  if (Array.isArray(args)) out.Args = copyList(args);
  const properties = out.Properties;
  if (Array.isArray(properties)) {
    const count = properties.length;
    const copy: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const property: unknown = properties[i];
      copy.push(isRecord(property) ? { ...property } : property);
    }
    out.Properties = copy;
  }
  return out;
}

/** A list copied index by index, its length read once: spread would read it again at every step of its iterator. */
function copyList(list: unknown[]): unknown[] {
  const count = list.length;
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) out.push(list[i]);
  return out;
}
