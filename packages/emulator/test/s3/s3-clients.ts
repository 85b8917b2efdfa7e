import { S3Client } from "@aws-sdk/client-s3";
import type { EmulatorHandle } from "../../src/index.js";

/** The key pair the S3 tests' emulators check signatures against. */
export const LOCAL = { accessKeyId: "AKIDEMRKITS3TEST", secretAccessKey: "s3-test-secret" };

/** A real SDK v3 S3 client for the emulator's local S3 endpoint, path-style unless asked otherwise. */
export function s3For(
  emu: EmulatorHandle,
  options: { region?: string; endpoint?: string; forcePathStyle?: boolean; secret?: string } = {},
): S3Client {
  return new S3Client({
    endpoint: options.endpoint ?? emu.s3Endpoint,
    region: options.region ?? "us-east-1",
    forcePathStyle: options.forcePathStyle ?? true,
    credentials: { accessKeyId: LOCAL.accessKeyId, secretAccessKey: options.secret ?? LOCAL.secretAccessKey },
  });
}
