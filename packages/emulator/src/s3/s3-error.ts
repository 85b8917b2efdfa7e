/**
 * An error as S3 answers it: an HTTP status and an XML body `<Error><Code/><Message/>…<RequestId/></Error>`, with
 * the codes of the S3 API reference ("Error responses", List of error codes); extra elements (Key, BucketName,
 * UploadId…) as S3 adds them.
 */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly extra: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const noSuchBucket = (bucket: string) =>
  new S3Error("NoSuchBucket", "The specified bucket does not exist", 404, { BucketName: bucket });
export const noSuchKey = (key: string) =>
  new S3Error("NoSuchKey", "The specified key does not exist.", 404, { Key: key });
export const noSuchUpload = (uploadId: string) =>
  new S3Error(
    "NoSuchUpload",
    "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
    404,
    { UploadId: uploadId },
  );
export const invalidArgument = (message: string, name?: string, value?: string) =>
  new S3Error("InvalidArgument", message, 400, {
    ...(name === undefined ? {} : { ArgumentName: name }),
    ...(value === undefined ? {} : { ArgumentValue: value }),
  });
export const invalidRequest = (message: string) => new S3Error("InvalidRequest", message, 400);
export const malformedXml = () =>
  new S3Error(
    "MalformedXML",
    "The XML you provided was not well-formed or did not validate against our published schema",
    400,
  );
