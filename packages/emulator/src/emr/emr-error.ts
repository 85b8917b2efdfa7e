/**
 * An error as EMR answers it: HTTP status and a JSON body `{"__type", "Message"}` naming EMR's own error, and for an
 * InvalidRequestException the `ErrorCode` the model gives it.
 */
export class EmrError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    readonly errorCode?: string,
  ) {
    super(message);
  }
}

export const invalidRequest = (message: string, errorCode?: string) =>
  new EmrError("InvalidRequestException", message, 400, errorCode);
export const validationError = (message: string) => new EmrError("ValidationException", message);

/**
 * A cluster this caller has none of. The ErrorCode is the one EMR sends with "Cluster id '…' is not valid." as
 * reported in terraform-provider-aws (resource_aws_emr_cluster.go: `ErrorCode: "NoSuchCluster"`); EMR does not
 * document its error codes.
 */
export const noSuchCluster = (id: unknown) =>
  invalidRequest(`Cluster id '${String(id)}' is not valid.`, "NoSuchCluster");
