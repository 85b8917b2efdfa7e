import { Sha256 } from "@aws-crypto/sha256-js";
import type { EMRClient } from "@aws-sdk/client-emr";
import { SignatureV4 } from "@smithy/signature-v4";

/**
 * GETs one S3 object with the EMR client's own credentials and region, signed with SigV4 — enough to read a step's
 * log without a dependency on the S3 client. Path-style on the EMR client's custom endpoint (a local stack such as
 * moto serves S3 there), virtual-hosted on AWS. Undefined when the object is missing or not readable.
 */
export async function s3Get(client: EMRClient, uri: string): Promise<Uint8Array | undefined> {
  const match = /^s3n?:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (match === null) return undefined;
  const [, bucket = "", key = ""] = match;
  const config = client.config as unknown as {
    region: () => Promise<string>;
    credentials: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
    endpoint?: () => Promise<{ protocol: string; hostname: string; port?: number; path: string }>;
    isCustomEndpoint?: boolean;
  };
  const region = await config.region();
  const custom =
    config.isCustomEndpoint === true && config.endpoint !== undefined ? await config.endpoint() : undefined;
  const escapedKey = key.split("/").map(encodeURIComponent).join("/");
  const request = {
    method: "GET",
    protocol: custom?.protocol ?? "https:",
    hostname: custom?.hostname ?? `${bucket}.s3.${region}.amazonaws.com`,
    ...(custom?.port === undefined ? {} : { port: custom.port }),
    path: custom === undefined ? `/${escapedKey}` : `/${bucket}/${escapedKey}`,
    query: {},
    headers: {
      host:
        custom === undefined
          ? `${bucket}.s3.${region}.amazonaws.com`
          : `${custom.hostname}${custom.port === undefined ? "" : `:${custom.port}`}`,
      "x-amz-content-sha256": "UNSIGNED-PAYLOAD",
    },
  };
  const signer = new SignatureV4({
    service: "s3",
    region,
    credentials: config.credentials,
    sha256: Sha256,
    uriEscapePath: false,
  });
  const signed = await signer.sign(request);
  const url = `${request.protocol}//${request.headers.host}${request.path}`;
  try {
    const response = await fetch(url, { headers: signed.headers as Record<string, string> });
    if (!response.ok) return undefined;
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return undefined;
  }
}
