/**
 * An independent reference check of AddJobFlowStepsInput, written by hand from the EMR model for the fuzz tests:
 * it shares no code with the generator, and says which `path code` pairs a correct validator must report.
 * It walks code points with `for…of` (the generated code counts UTF-16 units and surrogate pairs) and tests the
 * XML character ranges numerically (the generated code uses the model's regular expression).
 */
type Found = string[];

const STRUCTURES: Record<string, { required: string[]; members: Record<string, Check> }> = {};
type Check = (value: unknown, path: string, found: Found) => void;

const MAX_256 = xmlString(256);
const MAX_10280 = xmlString(10280);

STRUCTURES.AddJobFlowStepsInput = {
  required: ["JobFlowId", "Steps"],
  members: {
    JobFlowId: MAX_256,
    Steps: list((v, p, f) => structure("StepConfig", v, p, f)),
    ExecutionRoleArn: plainString(20, 2048),
  },
};
STRUCTURES.StepConfig = {
  required: ["Name", "HadoopJarStep"],
  members: {
    Name: MAX_256,
    ActionOnFailure: oneOf(["TERMINATE_JOB_FLOW", "TERMINATE_CLUSTER", "CANCEL_AND_WAIT", "CONTINUE"]),
    HadoopJarStep: (v, p, f) => structure("HadoopJarStepConfig", v, p, f),
    StepMonitoringConfiguration: (v, p, f) => structure("StepMonitoringConfiguration", v, p, f),
  },
};
STRUCTURES.HadoopJarStepConfig = {
  required: ["Jar"],
  members: {
    Properties: list((v, p, f) => structure("KeyValue", v, p, f)),
    Jar: MAX_10280,
    MainClass: MAX_10280,
    Args: list(MAX_10280),
  },
};
STRUCTURES.KeyValue = { required: [], members: { Key: MAX_10280, Value: MAX_10280 } };
STRUCTURES.StepMonitoringConfiguration = {
  required: [],
  members: { S3MonitoringConfiguration: (v, p, f) => structure("S3MonitoringConfiguration", v, p, f) },
};
STRUCTURES.S3MonitoringConfiguration = { required: [], members: { LogUri: MAX_10280, EncryptionKeyArn: MAX_10280 } };

export function referenceCheck(value: unknown): string[] {
  const found: Found = [];
  structure("AddJobFlowStepsInput", value, "", found);
  return found.sort();
}

function structure(name: string, value: unknown, path: string, found: Found): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    found.push(`${path} type`);
    return;
  }
  const { required, members } = STRUCTURES[name]!;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const member = Object.hasOwn(members, key) ? members[key] : undefined;
    if (member === undefined) found.push(`${join(path, key)} unknown-member`);
    else if (record[key] !== undefined) member(record[key], join(path, key), found);
  }
  for (const key of required) if (record[key] === undefined) found.push(`${join(path, key)} required`);
}

function list(item: Check): Check {
  return (value, path, found) => {
    if (!Array.isArray(value)) return void found.push(`${path} type`);
    for (const [i, v] of value.entries()) item(v, `${path}[${i}]`, found);
  };
}

function xmlString(max: number): Check {
  return (value, path, found) => {
    if (typeof value !== "string") return void found.push(`${path} type`);
    const points = [...value];
    if (points.length > max) found.push(`${path} length`);
    if (!points.every((ch) => isXmlChar(ch.codePointAt(0)!))) found.push(`${path} pattern`);
  };
}

function plainString(min: number, max: number): Check {
  return (value, path, found) => {
    if (typeof value !== "string") return void found.push(`${path} type`);
    const length = [...value].length;
    if (length < min || length > max) found.push(`${path} length`);
  };
}

function oneOf(values: string[]): Check {
  return (value, path, found) => {
    if (typeof value !== "string") return void found.push(`${path} type`);
    if (!values.includes(value)) found.push(`${path} enum`);
  };
}

function isXmlChar(c: number): boolean {
  return (
    c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000
  );
}

function join(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === "" ? key : `${path}.${key}`;
}
