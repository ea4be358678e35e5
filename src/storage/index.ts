/**
 * storage: the port adapters implement, typed repositories over it, and the in-memory reference adapter.
 *
 * @module
 */
export * from "./port.js";
export { fieldValue, compareScalars, matchesWhere, validateListQuery, LIST_QUERY_LIMITS, encodeCursor, decodeCursor, pageOf, type CursorPosition, type Scalar } from "./query.js";
export * from "./memory-adapter.js";
export { storableRecord, MAX_STORED_ID_LENGTH } from "./record-check.js";
export * from "./repository.js";
export * from "./transaction.js";
export * from "./retry.js";
