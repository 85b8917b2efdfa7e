export { type OneViolation, requestWithOneViolation, VIOLATIONS } from "./one-violation.js";
export {
  actionOnFailure,
  jobFlowId,
  kmsKeyArn,
  logUri,
  roleArn,
  validRequest,
  validStep,
  validSteps,
  xmlString,
} from "./valid.js";
