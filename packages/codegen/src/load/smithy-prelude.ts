import type { ShapeIR } from "../ir/types.js";

/**
 * The Smithy prelude shapes a model may target without defining them (smithy.api#String, …), as IR shapes named
 * by their local name, the same name botocore models give their own simple shapes. `Unit` is the empty structure.
 */
export const SMITHY_PRELUDE: Readonly<Record<string, ShapeIR>> = {
  String: { name: "String", kind: "string" },
  Blob: { name: "Blob", kind: "blob" },
  Boolean: { name: "Boolean", kind: "boolean" },
  PrimitiveBoolean: { name: "PrimitiveBoolean", kind: "boolean" },
  Timestamp: { name: "Timestamp", kind: "timestamp" },
  Document: { name: "Document", kind: "document" },
  Byte: { name: "Byte", kind: "number", format: "byte" },
  PrimitiveByte: { name: "PrimitiveByte", kind: "number", format: "byte" },
  Short: { name: "Short", kind: "number", format: "short" },
  PrimitiveShort: { name: "PrimitiveShort", kind: "number", format: "short" },
  Integer: { name: "Integer", kind: "number", format: "integer" },
  PrimitiveInteger: { name: "PrimitiveInteger", kind: "number", format: "integer" },
  Long: { name: "Long", kind: "number", format: "long" },
  PrimitiveLong: { name: "PrimitiveLong", kind: "number", format: "long" },
  Float: { name: "Float", kind: "number", format: "float" },
  PrimitiveFloat: { name: "PrimitiveFloat", kind: "number", format: "float" },
  Double: { name: "Double", kind: "number", format: "double" },
  PrimitiveDouble: { name: "PrimitiveDouble", kind: "number", format: "double" },
  BigInteger: { name: "BigInteger", kind: "number", format: "bigInteger" },
  BigDecimal: { name: "BigDecimal", kind: "number", format: "bigDecimal" },
  Unit: { name: "Unit", kind: "structure", members: [] },
};

export const PRELUDE_NAMESPACE = "smithy.api";
