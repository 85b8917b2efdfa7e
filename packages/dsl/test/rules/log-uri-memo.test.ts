/**
 * log-uri.ts remembers the last valid bucket as a pattern, so that the steps of a request logging to one bucket
 * are judged once. In one request (where that memo works), a remembered dotted bucket stands for itself only: its
 * dots are neither any character nor none.
 */
import { validate } from "@emrkit/dsl";
import { expect, it } from "vitest";
import { request, step } from "./requests.js";

const logs = (...uris: string[]) =>
  request(
    uris.map((uri, i) =>
      step(`s${i}`, { StepMonitoringConfiguration: { S3MonitoringConfiguration: { LogUri: uri } } }),
    ),
  );

it("a remembered bucket's dots stay dots for the LogUris after it", () => {
  const issues = validate(logs("s3://a.b/x", "s3://a_b/x", "s3://ab/x", "s3://a.b/y")).issues.map(
    (issue) => `${issue.code}@${issue.path.replace(".StepMonitoringConfiguration.S3MonitoringConfiguration", "")}`,
  );
  expect(issues).toEqual(["legacy-s3-bucket-name@Steps[1].LogUri", "invalid-s3-uri@Steps[2].LogUri"]);
});
