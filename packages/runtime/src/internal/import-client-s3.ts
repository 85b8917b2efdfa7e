/**
 * `@aws-sdk/client-s3`, which reads failed steps' logs from S3, is an optional peer: it is some 7 MB installed, and a
 * run on the emulator (local logs) or one that needs no probable cause does without it. Missing, a log read fails with
 * this message, which the run's result carries as `failure.logError`.
 */
export async function importClientS3(): Promise<typeof import("@aws-sdk/client-s3")> {
  try {
    return await import("@aws-sdk/client-s3");
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === "ERR_MODULE_NOT_FOUND" && typeof message === "string" && message.includes("'@aws-sdk/client-s3'")) {
      throw new Error("reading step logs from S3 needs @aws-sdk/client-s3: npm install @aws-sdk/client-s3");
    }
    throw error;
  }
}
