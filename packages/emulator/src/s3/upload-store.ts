/**
 * Multipart uploads in progress: one folder each under `<s3Root>/.emrkit-tmp/uploads/<UploadId>`, with what
 * CreateMultipartUpload was given (`upload.json`) and one file per part (`<n>`, its MD5 in `<n>.json`). Completing
 * joins the parts into one temporary file that is renamed into place; aborting removes the folder. Uploads do not
 * outlive the emulator (the temporary folder goes when it closes, and after a kill when the next start finds it:
 * test/s3/s3-restart.test.ts), as they would not outlive a bucket's lifecycle rule.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { noSuchUpload } from "./s3-error.js";

export interface UploadInfo {
  bucket: string;
  key: string;
  initiated: number;
  contentType: string;
  meta: Record<string, string>;
  headers: Record<string, string>;
}

export interface PartInfo {
  partNumber: number;
  etag: string;
  size: number;
  lastModified: number;
}

const UPLOAD_ID = /^[A-Za-z0-9_-]{20,64}$/;

export class UploadStore {
  constructor(readonly root: string) {}

  private dirOf(uploadId: string): string {
    if (!UPLOAD_ID.test(uploadId)) throw noSuchUpload(uploadId);
    return join(this.root, uploadId);
  }

  async create(info: UploadInfo): Promise<string> {
    const uploadId = randomBytes(24).toString("base64url");
    const dir = this.dirOf(uploadId);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "upload.json"), JSON.stringify(info));
    return uploadId;
  }

  /** The upload, when it is one of this bucket and key; NoSuchUpload otherwise. */
  async get(uploadId: string, bucket: string, key: string): Promise<UploadInfo> {
    const info = await readFile(join(this.dirOf(uploadId), "upload.json"), "utf8").then(
      (text) => JSON.parse(text) as UploadInfo,
      () => undefined,
    );
    if (!info || info.bucket !== bucket || info.key !== key) throw noSuchUpload(uploadId);
    return info;
  }

  partPath(uploadId: string, partNumber: number): string {
    return join(this.dirOf(uploadId), String(partNumber));
  }

  /** A whole part, received in `temp`, put in place (a part sent again replaces the one before, as in S3). */
  async putPart(uploadId: string, part: PartInfo, temp: string): Promise<void> {
    const path = this.partPath(uploadId, part.partNumber);
    await rename(temp, path);
    await writeFile(`${path}.json`, JSON.stringify(part));
  }

  async parts(uploadId: string): Promise<PartInfo[]> {
    const dir = this.dirOf(uploadId);
    const names = (await readdir(dir)).filter((n) => /^\d+\.json$/.test(n));
    const parts = await Promise.all(
      names.map(async (n) => JSON.parse(await readFile(join(dir, n), "utf8")) as PartInfo),
    );
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  async list(bucket: string): Promise<(UploadInfo & { uploadId: string })[]> {
    const ids = await readdir(this.root).catch(() => [] as string[]);
    const all = await Promise.all(
      ids.map((id) =>
        readFile(join(this.root, id, "upload.json"), "utf8").then(
          (t) => ({ ...(JSON.parse(t) as UploadInfo), uploadId: id }),
          () => undefined,
        ),
      ),
    );
    return all.filter((u) => u !== undefined && u.bucket === bucket) as (UploadInfo & { uploadId: string })[];
  }

  async remove(uploadId: string): Promise<void> {
    await rm(this.dirOf(uploadId), { recursive: true, force: true });
  }
}
