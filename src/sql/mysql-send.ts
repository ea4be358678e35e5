import { CompiledQuery, sql, type QueryResult } from "kysely";
import { StorageError } from "../core/errors.js";
import type { AnyKysely } from "./dialect.js";
import { inlineMysqlParams, UTF8_PROBE, UTF8_PROBE_HEX, utf8Length } from "./mysql-literals.js";

/*
 * Sending one of pmokit's statements to MySQL/MariaDB: values inlined as literals (see mysql-literals.ts), and the
 * size checked against max_allowed_packet before sending. A statement over it is refused by the server, which mysql2
 * then reports as a reset connection — a "retryable" failure that would fail forever — so pmokit refuses it first,
 * with a non-retryable storage-too-large StorageError.
 */

/** The smallest max_allowed_packet a server allows: a statement under it needs no check. */
const MIN_PACKET = 1024;

/** @internal Sends statements for one adapter; remembers the connection facts it asked the server once. */
export interface MysqlSender {
  send(exec: AnyKysely, text: string, params: readonly unknown[], subject: string | undefined, recheck: () => void): Promise<QueryResult<unknown>>;
}

/** @internal */
export function mysqlSender(name: string, root: AnyKysely): MysqlSender {
  // Whether the connection carries UTF-8 unchanged (mysql2's default): then text beyond ASCII is sent as itself, at
  // its UTF-8 size, not in hex at twice that. Asked once, on the first statement with such text.
  let utf8: Promise<boolean> | null = null;
  const carriesUtf8 = (exec: AnyKysely): Promise<boolean> =>
    (utf8 ??= sql.raw<{ h: unknown }>(UTF8_PROBE).execute(exec).then(
      (r) => r.rows[0]?.h === UTF8_PROBE_HEX,
      () => ((utf8 = null), false), // unanswered: hex this time, ask again next time
    ));
  let maxPacket: Promise<number | null> | null = null;
  const packetLimit = (exec: AnyKysely): Promise<number | null> =>
    (maxPacket ??= sql<{ m: unknown }>`SELECT @@max_allowed_packet AS m`.execute(exec).then(
      (r) => {
        const m = Number(r.rows[0]?.m);
        return Number.isSafeInteger(m) && m > 0 ? m : null;
      },
      () => ((maxPacket = null), null), // unreadable (a proxy?): let the server decide, ask again next time
    ));
  const beyondAscii = (params: readonly unknown[]) => params.some((p) => typeof p === "string" && /[^\0-\x7f]/.test(p));

  const tooLarge = (subject: string | undefined, size: number, limit: number) =>
    new StorageError(
      "storage-too-large",
      false,
      name,
      `${subject ?? "the statement"}: the write is ${size} bytes, not under the server's max_allowed_packet of ${limit} bytes; raise max_allowed_packet or store less in one record`,
    );

  return {
    async send(exec, text, params, subject, recheck) {
      const asText = beyondAscii(params) && (await carriesUtf8(exec));
      recheck();
      const statement = inlineMysqlParams(text, params, asText);
      // The packet is the statement (as UTF-8) plus one command byte, and the server takes packets under
      // max_allowed_packet only (measured on MariaDB 10.11: a 16,777,214-byte statement lands at the default
      // 16,777,216, one byte more fails).
      const size = (asText ? utf8Length(statement) : statement.length) + 1;
      if (size < MIN_PACKET) return exec.executeQuery(CompiledQuery.raw(statement, []));
      // The value remembered may be stale: SET GLOBAL max_allowed_packet reaches every new connection. So a refusal
      // is decided on a fresh reading, and a send the server refused (ER_NET_PACKET_TOO_LARGE, or the reset
      // connection mysql2 reports for a larger packet) is checked once more against a fresh reading.
      let limit = await packetLimit(exec);
      if (limit !== null && size >= limit) {
        maxPacket = null;
        limit = await packetLimit(exec);
      }
      recheck();
      if (limit !== null && size >= limit) throw tooLarge(subject, size, limit);
      try {
        return await exec.executeQuery(CompiledQuery.raw(statement, []));
      } catch (e) {
        const err = e as { errno?: unknown; code?: unknown; fatal?: unknown };
        if (err?.errno !== 1153 && err?.fatal !== true && err?.code !== "ECONNRESET" && err?.code !== "EPIPE") throw e;
        // This connection is gone. Outside a transaction, read on the pool's next one; inside one (whose connection
        // the pool may not replace before it ends) the next send reads afresh — a retry is then refused up front.
        // (The first read may meet the dead connection still in the pool: one more.)
        maxPacket = null;
        const fresh = exec === root ? ((await packetLimit(root)) ?? (await packetLimit(root))) : null;
        if (fresh !== null && size >= fresh) throw tooLarge(subject, size, fresh);
        throw e;
      }
    },
  };
}
