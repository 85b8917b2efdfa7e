import type { EMRClient } from "@aws-sdk/client-emr";
import type { S3Client } from "@aws-sdk/client-s3";
import { importClientS3 } from "./import-client-s3.js";

const made = new WeakMap<EMRClient, Promise<S3Client>>();

/**
 * The S3 client that reads a run's step logs, made once per EMR client from its configuration: the same region,
 * credentials, FIPS and dual-stack settings and HTTP handler (so a proxy or agent set up for EMR serves S3 too). S3's
 * own endpoint rules then pick the host (aws-cn, the ISO partitions, path style for a dotted bucket name over TLS),
 * and a bucket in another region is followed there (`followRegionRedirects`). A custom EMR endpoint is taken for S3
 * too, path style, when it is not EMR's own (its host does not name `elasticmapreduce`): a local stack (moto,
 * LocalStack) serves both services on one endpoint, while an EMR VPC or FIPS endpoint serves EMR alone. Our guess:
 * AWS documents no such link. `@aws-sdk/client-s3` is imported here only, the first time a failed step's log is read.
 */
export function s3ClientFor(emr: EMRClient): Promise<S3Client> {
  let client = made.get(emr);
  if (client === undefined) {
    client = makeS3Client(emr);
    made.set(emr, client);
  }
  return client;
}

async function makeS3Client(emr: EMRClient): Promise<S3Client> {
  const { S3Client } = await importClientS3();
  const config = emr.config;
  const custom = config.isCustomEndpoint === true ? await config.endpoint?.() : undefined;
  const shared = custom !== undefined && !/elasticmapreduce/i.test(custom.hostname);
  return new S3Client({
    region: config.region,
    credentials: config.credentials,
    useFipsEndpoint: config.useFipsEndpoint,
    useDualstackEndpoint: config.useDualstackEndpoint,
    requestHandler: config.requestHandler,
    followRegionRedirects: true,
    ...(shared
      ? {
          endpoint: `${custom.protocol}//${custom.hostname}${custom.port === undefined ? "" : `:${custom.port}`}${custom.path}`,
          forcePathStyle: true,
        }
      : {}),
  });
}
