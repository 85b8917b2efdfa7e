/**
 * The local S3 endpoint of an emulator: its own port on the emulator's host, over `<s3Root>` (objects),
 * `<dataDir>/s3-meta` (what S3 keeps beside them) and `<s3Root>/.emrkit-tmp` (writes in progress, multipart
 * parts), which it empties when it starts and removes when it closes.
 */
import { mkdir, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { LocalCredentials } from "../sigv4/signature.js";
import { MetadataStore } from "./metadata-store.js";
import { ObjectStore } from "./object-store.js";
import { createS3Server } from "./s3-server.js";
import { S3SignatureVerifier } from "./s3-signature.js";
import { UploadStore } from "./upload-store.js";

export interface S3EndpointOptions {
  host: string;
  /** Default 0: a free port. */
  port?: number;
  s3Root: string;
  dataDir: string;
  /** The key pairs accepted when signatures are checked; undefined: not checked. */
  credentials?: readonly LocalCredentials[];
}

export interface S3Endpoint {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startS3Endpoint(options: S3EndpointOptions): Promise<S3Endpoint> {
  const store = new ObjectStore(options.s3Root, new MetadataStore(join(options.dataDir, "s3-meta")));
  await rm(store.tmpRoot, { recursive: true, force: true });
  await mkdir(store.tmpRoot, { recursive: true });
  const server = createS3Server({
    store,
    uploads: new UploadStore(join(store.tmpRoot, "uploads")),
    host: options.host,
    ...(options.credentials ? { verifier: new S3SignatureVerifier(options.credentials) } : {}),
  });
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, options.host, () => ready());
  }).catch(async (error: unknown) => {
    await rm(store.tmpRoot, { recursive: true, force: true });
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await rm(store.tmpRoot, { recursive: true, force: true });
    },
  };
}
