import { createServer, type RequestListener } from "node:http";
import { EMRClient } from "@aws-sdk/client-emr";
import { onTestFinished } from "vitest";
import { listenLocal } from "./listen-local.js";

/** A real EMRClient for a loopback server that answers with `handler`; the server is closed when the test ends. */
export async function loopbackEmr(handler: RequestListener): Promise<EMRClient> {
  const { endpoint, close } = await listenLocal(createServer(handler));
  onTestFinished(close);
  return new EMRClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "b" } });
}
