/**
 * What is wrong with an IAM role ARN, `arn:<partition>:iam::<account>:role/<path/><name>`, or undefined when
 * nothing is. The name is 1–64 of `[\w+=,.@-]`; the path is `/`, or `/…/` of 1–512 characters of `!`–`~`
 * (IAM API reference, CreateRole: RoleName and Path; IAM User Guide, IAM and AWS STS quotas).
 */
import { isAccount, parseArn } from "./arn.js";

export const MAX_ROLE_NAME_LENGTH = 64;
export const MAX_ROLE_PATH_LENGTH = 512;

const NAME = /^[\w+=,.@-]+$/;
/** Path characters: printable ASCII without the space (`\u0021`–`\u007E`). */
const PATH = /^\/(?:[\u0021-\u007e]+\/)?$/;

export function roleArnProblem(text: string): string | undefined {
  const arn = parseArn(text);
  if (arn === undefined) return "it is not an ARN of a known partition (arn:<partition>:<service>:…)";
  if (arn.service !== "iam") return `its service is ${JSON.stringify(arn.service)}, not iam`;
  if (arn.region !== "") return "an IAM ARN has no region";
  if (!isAccount(arn.account)) return "its account is not 12 digits";
  if (!arn.resource.startsWith("role/")) return "it names no role (role/<name>)";
  const slash = arn.resource.lastIndexOf("/");
  const path = arn.resource.slice(4, slash + 1);
  const name = arn.resource.slice(slash + 1);
  if (name.length === 0) return "its role name is empty";
  if (name.length > MAX_ROLE_NAME_LENGTH)
    return `its role name is ${name.length} characters, at most ${MAX_ROLE_NAME_LENGTH}`;
  if (!NAME.test(name)) return "its role name has characters other than letters, digits and _+=,.@-";
  if (path.length > MAX_ROLE_PATH_LENGTH)
    return `its path is ${path.length} characters, at most ${MAX_ROLE_PATH_LENGTH}`;
  if (!PATH.test(path)) return "its path has a space or a character outside printable ASCII";
  return undefined;
}
