/**
 * The 10,240-character budget of one HadoopJarStep, counted in UTF-16 units across Jar, MainClass, every Arg and
 * every property Key and Value.
 */
import { MAX_HADOOP_JAR_STEP_CHARACTERS as MAX } from "@emrkit/dsl";
import { boundaryTable } from "./boundary-table.js";
import { withJarStep } from "./requests.js";

const ok: string[] = [];
const bad = ["hadoop-jar-step-too-long@Steps[0].HadoopJarStep"];
const x = (n: number) => "x".repeat(n);

boundaryTable("hadoop-jar-step-too-long", [
  { edge: "at the limit", what: "Jar and Args", input: withJarStep({ Jar: "j", Args: [x(MAX - 1)] }), expected: ok },
  { edge: "one over", what: "Jar and Args", input: withJarStep({ Jar: "j", Args: [x(MAX - 1), "y"] }), expected: bad },
  { edge: "at the limit", what: "the Jar alone", input: withJarStep({ Jar: x(MAX) }), expected: ok },
  { edge: "one over", what: "the Jar alone", input: withJarStep({ Jar: x(MAX + 1) }), expected: bad },
  {
    edge: "at the limit",
    what: "MainClass counted",
    input: withJarStep({ Jar: "j", MainClass: x(MAX - 1) }),
    expected: ok,
  },
  { edge: "one over", what: "MainClass counted", input: withJarStep({ Jar: "j", MainClass: x(MAX) }), expected: bad },
  {
    edge: "at the limit",
    what: "property values counted",
    input: withJarStep({ Jar: "j", Properties: [{ Key: "k", Value: x(MAX - 2) }] }),
    expected: ok,
  },
  {
    edge: "one over",
    what: "property values counted",
    input: withJarStep({ Jar: "j", Properties: [{ Key: "k", Value: x(MAX - 1) }] }),
    expected: bad,
  },
  {
    edge: "one over",
    what: "property keys counted",
    input: withJarStep({
      Jar: "j",
      Properties: [
        { Key: x(MAX / 2), Value: "" },
        { Key: x(MAX / 2), Value: "" },
      ],
    }),
    expected: bad,
  },
  {
    edge: "one over",
    what: "Args, MainClass and Properties together",
    input: withJarStep({
      Jar: "j",
      MainClass: x(3_000),
      Args: [x(3_000)],
      Properties: [{ Key: x(2_000), Value: x(2_240) }],
    }),
    expected: bad,
  },
  {
    edge: "astral",
    what: "5,119 astral characters and two more units: 10,240 UTF-16 units",
    input: withJarStep({ Jar: "j", Args: ["😀".repeat(5_119), "y"] }),
    expected: ok,
  },
  {
    edge: "astral",
    what: "5,120 astral characters and the jar: 10,241 UTF-16 units, 5,121 code points",
    input: withJarStep({ Jar: "j", Args: ["😀".repeat(5_120)] }),
    expected: bad,
  },
  {
    edge: "astral",
    what: "10,240 astral characters (20,481 UTF-16 units)",
    input: withJarStep({ Jar: "j", Args: ["😀".repeat(5_000), "😀".repeat(5_240)] }),
    expected: bad,
  },
  {
    edge: "empty",
    what: "empty strings count nothing",
    input: withJarStep({ Jar: x(MAX), Args: ["", "", ""], Properties: [{ Key: "", Value: "" }] }),
    expected: ok,
  },
  { edge: "empty", what: "an empty step", input: withJarStep({ Jar: "" }), expected: ok },
  {
    edge: "whitespace",
    what: "spaces count, at the limit",
    input: withJarStep({ Jar: "j", Args: [" ".repeat(MAX - 1)] }),
    expected: ok,
  },
  {
    edge: "whitespace",
    what: "spaces count, one over",
    input: withJarStep({ Jar: "j", Args: [" ".repeat(MAX)] }),
    expected: bad,
  },
]);
