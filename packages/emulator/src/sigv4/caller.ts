import { partitionOf } from "./regions.js";

/** Who sent a request, as its credential scope says: what its clusters belong to and what their ARNs name. */
export interface Caller {
  accessKeyId: string;
  region: string;
  partition: string;
  account: string;
}

/** The account when the access key names none, and the region of a request that is not signed. */
export const DEFAULT_ACCOUNT = "000000000000";
export const DEFAULT_REGION = "us-east-1";

const CREDENTIAL = /\bCredential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\//;

/**
 * The caller of a request whose signature is not checked (the emulator's default): read from its Authorization
 * header as the client wrote it, and us-east-1 for an unsigned request or a region that does not exist (a guess:
 * with nothing checked there is nothing to refuse).
 */
export function callerOf(authorization: string | undefined): Caller {
  const m = authorization === undefined ? null : CREDENTIAL.exec(authorization);
  const region = m && partitionOf(m[2]!) ? m[2]! : DEFAULT_REGION;
  return callerFor(m?.[1] ?? "", region);
}

/**
 * The caller for a key and a real region. EMR takes the account from the key's owner, which only AWS knows; here an
 * access key id of twelve digits is that account (as LocalStack does), any other key the default account. A guess:
 * AWS documents no way to read an account from a key id.
 */
export function callerFor(accessKeyId: string, region: string): Caller {
  return {
    accessKeyId,
    region,
    partition: partitionOf(region) ?? "aws",
    account: /^\d{12}$/.test(accessKeyId) ? accessKeyId : DEFAULT_ACCOUNT,
  };
}
