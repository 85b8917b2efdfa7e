/**
 * Hostile inputs for the checkers: arbitrary JSON, near-valid requests with one field wrong, huge strings, lone
 * surrogates and control characters, deep nesting and prototype-pollution keys. How many runs each property
 * gets: bounded in the test command, 100,000 under `pnpm stress`.
 */
import fc from "fast-check";

export const FUZZ_RUNS = process.env.EMRKIT_STRESS ? 100_000 : 2_000;

const nastyChar = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\u001f",
  "\u007f",
  "\ud800",
  "\udfff",
  "\ufffe",
  "\uffff",
  "😀",
  "\t",
  "\n",
);
const nastyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 10 }), nastyChar, fc.string({ maxLength: 10 })).map((p) => p.join("")),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty"),
  // Lengths at the model's limits, in code points: an astral character is two UTF-16 units but one character.
  fc
    .tuple(
      fc.constantFrom(19, 20, 21, 255, 256, 257, 2047, 2048, 2049, 10_279, 10_280, 10_281),
      fc.constantFrom("x", "😀"),
    )
    .map(([n, ch]) => ch.repeat(n)),
);
const pollutionKey = fc.constantFrom("__proto__", "constructor", "prototype");

const validStep = fc.record({
  Name: fc.string({ maxLength: 20 }),
  ActionOnFailure: fc.constantFrom("TERMINATE_JOB_FLOW", "TERMINATE_CLUSTER", "CANCEL_AND_WAIT", "CONTINUE"),
  HadoopJarStep: fc.record(
    {
      Jar: fc.constant("command-runner.jar"),
      MainClass: fc.string({ maxLength: 10 }),
      Args: fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
      Properties: fc.array(fc.record({ Key: fc.string({ maxLength: 5 }), Value: fc.string({ maxLength: 5 }) }), {
        maxLength: 2,
      }),
    },
    { requiredKeys: ["Jar"] },
  ),
});
const validRequest = fc.record(
  {
    JobFlowId: fc.constant("j-ABCDEFGHIJKLM"),
    Steps: fc.array(validStep, { maxLength: 4 }),
    ExecutionRoleArn: fc.constant("arn:aws:iam::123456789012:role/EMR"),
  },
  { requiredKeys: ["JobFlowId", "Steps"] },
);

/** A valid request with one value somewhere replaced by something hostile (or one key added). */
const nearValid = fc
  .tuple(validRequest, fc.nat(), fc.oneof(nastyString, fc.jsonValue({ maxDepth: 2 })), fc.boolean(), pollutionKey)
  .map(([original, pick, replacement, addKey, key]) => {
    // A copy: fast-check reuses generated values while shrinking, so they must not be changed in place.
    const request = structuredClone(original);
    const slots: [Record<string, unknown>, string][] = [];
    const visit = (node: unknown) => {
      if (typeof node !== "object" || node === null) return;
      for (const k of Object.keys(node)) {
        slots.push([node as Record<string, unknown>, k]);
        visit((node as Record<string, unknown>)[k]);
      }
    };
    visit(request);
    const [target, k] = slots[pick % slots.length]!;
    // Extra keys go on objects only: an array with own keys is no JSON value (and an own `constructor` key on an
    // array breaks Array.prototype.map anywhere, fast-check's printer included).
    if (addKey && !Array.isArray(target))
      Object.defineProperty(target, key, { value: replacement, enumerable: true, writable: true, configurable: true });
    else target[k] = replacement;
    return request as unknown;
  });

const deepNesting = fc.integer({ min: 50, max: 2_000 }).map((depth) => {
  let node: unknown = { JobFlowId: "j-1", Steps: [] };
  for (let i = 0; i < depth; i++) node = i % 2 === 0 ? [node] : { Steps: node };
  return node;
});

const fromParsedJson = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const withProtoKeys = fc
  .constantFrom(
    '{"__proto__":{"polluted":true},"JobFlowId":"j-1","Steps":[]}',
    '{"JobFlowId":"j-1","Steps":[{"Name":"a","HadoopJarStep":{"Jar":"x","__proto__":{"Jar":1}}}]}',
    '{"constructor":{"prototype":{"polluted":true}},"JobFlowId":"j-1","Steps":[]}',
  )
  .map((text) => JSON.parse(text) as unknown);

export const hostileInput: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nearValid, weight: 6 },
  fc.jsonValue({ maxDepth: 4 }),
  fromParsedJson,
  nearValid,
  validRequest,
  deepNesting,
  withProtoKeys,
  nastyString,
);
