import type { IncomingMessage, ServerResponse } from "node:http";
import type { ObjectStore } from "./object-store.js";
import type { BodyPlan } from "./request-body.js";
import type { UploadStore } from "./upload-store.js";

/** One request as the operations see it: who it is for, where the data is, how its body comes. */
export interface S3Context {
  req: IncomingMessage;
  res: ServerResponse;
  bucket: string;
  /** Undefined for a request on the bucket itself. */
  key: string | undefined;
  query: URLSearchParams;
  store: ObjectStore;
  uploads: UploadStore;
  body: BodyPlan;
  /** The region the request was signed for (us-east-1 when unsigned). */
  region: string;
  requestId: string;
}

export type S3Operation = (ctx: S3Context) => Promise<void>;
