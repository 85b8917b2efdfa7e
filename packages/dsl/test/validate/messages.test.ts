/**
 * What validate tells the user when it cannot help it: an input it could not read (a getter or a Proxy that
 * throws), a secret in a model issue (its path, its message, from validate and validateSteps alike), a context
 * that is not one, and the assertions' verdicts. Every message is asserted whole: it is what the user reads.
 */
import {
  assertValid,
  assertValidSteps,
  EmrValidationError,
  secret,
  type ValidationContext,
  validate,
  validateSteps,
} from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

const MODEL = "EMR API model (emr-2009-03-31)";
const good = { Name: "a", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "a.jar" } };
const throwing = (thrown: unknown) =>
  new Proxy(
    {},
    {
      getPrototypeOf() {
        throw thrown;
      },
    },
  );

describe("an input validate cannot read", () => {
  it("is one issue at the root saying what was thrown, never an exception", () => {
    const unread = (reason: string) => ({
      ok: false,
      issues: [
        {
          code: "type",
          severity: "error",
          path: "",
          message: `could not be read as plain data (${reason}); got "object"`,
          source: MODEL,
        },
      ],
    });
    expect(validate(throwing(new Error("trap says no")))).toStrictEqual(unread("trap says no"));
    expect(validateSteps(throwing("a thrown string"))).toStrictEqual(unread("a thrown string"));
    // A thrown value that refuses to become text is still told.
    const mute = {
      toString() {
        throw new Error("no");
      },
    };
    expect(validate(throwing(mute))).toStrictEqual(unread("a value that cannot be shown"));
  });
});

describe("a secret in a model issue", () => {
  // Longer than a message shows a value, so the message holds it cut short, which redact alone would not find.
  const token = secret(`tok-${"q".repeat(90)}\u0001`);
  const key = secret("hunter2-as-a-key");
  const step = { ...good, HadoopJarStep: { Jar: "a.jar", Args: [token] }, [key]: 1 };
  const expected = [
    {
      code: "pattern",
      severity: "error",
      path: "Steps[0].HadoopJarStep.Args[0]",
      message:
        'must match the pattern [\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*, but is "***"',
      source: MODEL,
    },
    {
      code: "unknown-member",
      severity: "error",
      path: 'Steps[0]["***"]',
      message: "is not a member of StepConfig",
      source: MODEL,
    },
  ];

  it("shows as *** in the path and the message, from validate and from validateSteps", () => {
    expect(validate({ JobFlowId: "j-1", Steps: [step] }).issues).toStrictEqual(expected);
    expect(validateSteps([step]).issues).toStrictEqual(expected);
  });
});

describe("the context", () => {
  const loose = (context: unknown) => context as ValidationContext;

  it("must be an object: a string or a number is refused as such, not read for members", () => {
    expect(() => validate({ JobFlowId: "j-1", Steps: [good] }, loose("WAITING"))).toThrow(
      new TypeError('validate: context must be an object, but is "WAITING"'),
    );
    expect(() => validateSteps([good], loose(3))).toThrow(
      new TypeError("validateSteps: context must be an object, but is 3"),
    );
  });

  it("names a member it does not have, with a suggestion only when one is near or a prefix", () => {
    const refused = (context: object) => {
      try {
        validateSteps([good], loose(context));
      } catch (error) {
        return (error as Error).message;
      }
      return "no error";
    };
    expect(refused({ zzz: 1 })).toBe("validateSteps: context has no member zzz");
    expect(refused({ activeStepsOnTheClusterRightNow: 1 })).toBe(
      "validateSteps: context has no member activeStepsOnTheClusterRightNow; did you mean activeSteps?",
    );
    expect(refused({ cluster: "WAITING" })).toBe(
      "validateSteps: context has no member cluster; did you mean clusterState?",
    );
  });
});

describe("assertValid and assertValidSteps", () => {
  it("pass a valid input and throw an EmrValidationError listing the issues of an invalid one", () => {
    expect(() => assertValid({ JobFlowId: "j-1", Steps: [good] })).not.toThrow();
    expect(() => assertValidSteps([good])).not.toThrow();
    // A warning is no error: still valid.
    expect(() => assertValidSteps([good, good])).not.toThrow();
    for (const call of [() => assertValid({ JobFlowId: "j-1", Steps: [{}] }), () => assertValidSteps([{}])]) {
      let thrown: unknown;
      try {
        call();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(EmrValidationError);
      expect((thrown as EmrValidationError).issues.map((i) => i.path)).toEqual([
        "Steps[0].Name",
        "Steps[0].HadoopJarStep",
      ]);
    }
  });
});
