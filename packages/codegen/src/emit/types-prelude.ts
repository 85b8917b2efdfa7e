/** The declarations every types file starts with, before the shapes; their names are reserved (type-names.ts). */
export const TYPES_PRELUDE = `/** Any JSON value: the type of Smithy document shapes. */
export type DocumentValue = null | boolean | number | string | DocumentValue[] | { [key: string]: DocumentValue };

/**
 * What the SDK takes for a streaming blob (StreamingBlobPayloadInputTypes in @smithy/types): bytes, text, or a
 * stream — a Node Readable, a web ReadableStream, a Blob — described by their methods, so that the file needs
 * neither Node's types nor the DOM's.
 */
export type StreamingBlobValue =
  | Uint8Array
  | string
  | { pipe(...args: never[]): unknown; on(...args: never[]): unknown }
  | { getReader(): unknown }
  | { arrayBuffer(): unknown; stream(): unknown; readonly size: number };

/** A request-side shape as the service returns it: every member may be absent. */
export type OutputOf<T> = T extends Date | Uint8Array
  ? T
  : T extends readonly (infer E)[]
    ? OutputOf<E>[]
    : T extends object
      ? { [K in keyof T]?: OutputOf<T[K]> | undefined }
      : T;`;
