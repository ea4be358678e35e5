import type { StoredRecord } from "../storage/port.js";
import type { SqlDialectName } from "./dialect.js";

/* The JSON document column of the record tables: how it is selected and read back. */

/**
 * @internal The document as selected. MySQL/MariaDB: as its UTF-8 bytes, because the server converts text results to the
 * connection's character set — on a latin1 connection "中" would come back as "?".
 */
export function docColumn(dialect: SqlDialectName): string {
  return dialect === "mysql" ? "CAST(doc AS BINARY) AS doc" : "doc";
}

const utf8Decoder = new TextDecoder();

/** @internal The stored record of a selected document, deeply frozen. */
export function parseDoc(doc: unknown): StoredRecord {
  // pg and PGlite parse json columns themselves; SQLite returns text, MySQL bytes.
  return frozen(doc instanceof Uint8Array ? JSON.parse(utf8Decoder.decode(doc)) : typeof doc === "string" ? JSON.parse(doc) : doc) as StoredRecord;
}

// Every adapter returns deeply frozen records (the conformance kit checks it): as the memory adapter and this one's
// insert and update (storableRecord) do. get, getMany and list returned mutable ones.
const frozen = (v: unknown): unknown => (v && typeof v == "object" && Object.values(v).forEach(frozen), Object.freeze(v));
