/**
 * ListBuckets, CreateBucket, HeadBucket, DeleteBucket and GetBucketLocation (S3 API reference): a bucket is a
 * folder of the local S3 root. New buckets follow S3's naming rules; folders already there are buckets as they
 * are named (key-path.ts). Buckets belong to no region here: HeadBucket names the one the request was signed for.
 */
import { mkdir, readdir, rmdir, stat } from "node:fs/promises";
import { BUCKET_NAME, isReadableBucketName } from "../key-path.js";
import { isoDate, sendEmpty, sendXml } from "../respond.js";
import type { S3Context } from "../s3-context.js";
import { S3Error } from "../s3-error.js";
import { document, element, S3_NAMESPACE } from "../xml.js";

/** The owner S3 names in its answers: the one local account. */
const OWNER = `<Owner>${element("ID", "emrkit-local")}${element("DisplayName", "emrkit-local")}</Owner>`;

export async function listBuckets(ctx: Omit<S3Context, "bucket" | "key">): Promise<void> {
  const entries = await readdir(ctx.store.root, { withFileTypes: true }).catch(() => []);
  const buckets = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && isReadableBucketName(e.name))
      .map(async (e) => ({ name: e.name, created: (await stat(`${ctx.store.root}/${e.name}`)).birthtimeMs })),
  );
  buckets.sort((a, b) => (a.name < b.name ? -1 : 1));
  const list = buckets.map(
    (b) => `<Bucket>${element("Name", b.name)}${element("CreationDate", isoDate(b.created))}</Bucket>`,
  );
  sendXml(ctx.res, 200, document("ListAllMyBucketsResult", `${OWNER}<Buckets>${list.join("")}</Buckets>`));
}

export async function createBucket(ctx: S3Context): Promise<void> {
  if (!BUCKET_NAME.test(ctx.bucket)) {
    throw new S3Error("InvalidBucketName", "The specified bucket is not valid.", 400, { BucketName: ctx.bucket });
  }
  const dir = ctx.store.bucketDir(ctx.bucket);
  const exists = await stat(dir).then(
    (st) => st.isDirectory(),
    () => false,
  );
  // us-east-1 answers 200 to a CreateBucket of a bucket you already own; other regions BucketAlreadyOwnedByYou
  // (API reference, CreateBucket, Errors).
  if (exists && ctx.region !== "us-east-1") {
    throw new S3Error(
      "BucketAlreadyOwnedByYou",
      "Your previous request to create the named bucket succeeded and you already own it.",
      409,
      { BucketName: ctx.bucket },
    );
  }
  ctx.req.resume();
  await mkdir(dir, { recursive: true });
  sendEmpty(ctx.res, 200, { location: `/${ctx.bucket}` });
}

export async function headBucket(ctx: S3Context): Promise<void> {
  await ctx.store.requireBucket(ctx.bucket);
  sendEmpty(ctx.res, 200, { "x-amz-bucket-region": ctx.region });
}

export async function deleteBucket(ctx: S3Context): Promise<void> {
  const dir = await ctx.store.requireBucket(ctx.bucket);
  if ((await readdir(dir)).length > 0) {
    throw new S3Error("BucketNotEmpty", "The bucket you tried to delete is not empty", 409, { BucketName: ctx.bucket });
  }
  await rmdir(dir);
  await ctx.store.metadata.removeBucket(ctx.bucket);
  sendEmpty(ctx.res, 204);
}

export async function getBucketLocation(ctx: S3Context): Promise<void> {
  await ctx.store.requireBucket(ctx.bucket);
  // us-east-1 is the empty LocationConstraint.
  const region = ctx.region === "us-east-1" ? "" : ctx.region;
  sendXml(
    ctx.res,
    200,
    `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="${S3_NAMESPACE}">${region}</LocationConstraint>`,
  );
}
