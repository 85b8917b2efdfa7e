/**
 * What is wrong with a KMS key ARN, `arn:<partition>:kms:<region>:<account>:key/<key id>`, or an alias ARN,
 * `…:alias/<name>`, or undefined when nothing is (AWS KMS Developer Guide, "Key identifiers (KeyId)"). Key ids are
 * UUIDs, or `mrk-` and hex for multi-Region keys: any letters, digits and hyphens are taken, not the exact form, as
 * KMS documents no other. An alias is `alias/` and 1–250 of `[A-Za-z0-9/_-]`, 256 in all (AWS KMS API reference,
 * CreateAlias: AliasName).
 */
import { isAccount, isRegion, parseArn } from "./arn.js";

export const MAX_ALIAS_NAME_LENGTH = 256;

const KEY_ID = /^key\/[A-Za-z0-9-]+$/;
const ALIAS = /^alias\/[A-Za-z0-9/_-]+$/;

export function kmsKeyArnProblem(text: string): string | undefined {
  const arn = parseArn(text);
  if (arn === undefined) return "it is not an ARN of a known partition (arn:<partition>:kms:…)";
  if (arn.service !== "kms") return `its service is ${JSON.stringify(arn.service)}, not kms`;
  if (!isRegion(arn.region)) return "its region is not one (us-east-1, cn-north-1, …)";
  if (!isAccount(arn.account)) return "its account is not 12 digits";
  const { resource } = arn;
  if (resource.startsWith("alias/")) {
    if (resource.length > MAX_ALIAS_NAME_LENGTH)
      return `its alias is ${resource.length} characters, at most ${MAX_ALIAS_NAME_LENGTH}`;
    return ALIAS.test(resource)
      ? undefined
      : "its alias name is empty or has characters other than A–Z, a–z, 0–9, /, _ and -";
  }
  if (!resource.startsWith("key/")) return "it names no key (key/<id> or alias/<name>)";
  return KEY_ID.test(resource) ? undefined : "its key id is empty or has characters other than letters, digits and -";
}
