/**
 * The one ARN parser every ARN rule uses: `arn:partition:service:region:account-id:resource` (IAM User Guide,
 * "IAM identifiers", IAM ARNs; the resource may itself hold colons and slashes). It splits the five colons and
 * checks what every ARN shares; each rule checks its service, region, account and resource on top.
 */

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/**
 * A partition as AWS's own API models spell it, `aws` then `-` parts (aws-cn, aws-us-gov, aws-iso-b, aws-eusc, …):
 * new partitions keep the prefix, so none is listed; an unknown word (`arn:nonsense:`) is refused.
 */
const PARTITION = /^aws(?:-[a-z0-9]+)*$/;
/** A region: two letters, words, a number (us-east-1, us-gov-west-1, cn-north-1, us-isob-east-1). */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;
const SERVICE = /^[a-z0-9-]+$/;

/** The parts of an ARN, or undefined when it has not the five colons or a part every ARN shares is malformed. */
export function parseArn(text: string): Arn | undefined {
  if (!text.startsWith("arn:")) return undefined;
  const p = text.indexOf(":", 4);
  const s = p < 0 ? -1 : text.indexOf(":", p + 1);
  const r = s < 0 ? -1 : text.indexOf(":", s + 1);
  const a = r < 0 ? -1 : text.indexOf(":", r + 1);
  if (a < 0) return undefined;
  const arn: Arn = {
    partition: text.slice(4, p),
    service: text.slice(p + 1, s),
    region: text.slice(s + 1, r),
    account: text.slice(r + 1, a),
    resource: text.slice(a + 1),
  };
  if (!PARTITION.test(arn.partition) || !SERVICE.test(arn.service)) return undefined;
  return arn;
}

/** Whether a region is one (`us-east-1`); ARNs of global services (IAM) have an empty one instead. */
export function isRegion(region: string): boolean {
  return REGION.test(region);
}

/** Whether an account is a 12-digit account id. */
export function isAccount(account: string): boolean {
  return ACCOUNT.test(account);
}
