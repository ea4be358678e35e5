import fc from "fast-check";
import { Kysely, MysqlDialect, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPmoError, StorageError, type StorageAdapter, type StoredRecord } from "../../src/index.js";
import { createSqlAdapter, migrate, type AnyKysely } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import { createPool } from "mysql2";
import { MYSQL_URL, mariadbBackend, type Backend } from "./backends.js";

/*
 * Records against max_allowed_packet. Before the fix every string was sent as a hex literal, two bytes per byte: with
 * the server's default max_allowed_packet of 16,777,216 bytes, a 9,227,659-byte record (55 % of it) failed with
 * ER_NET_PACKET_TOO_LARGE and a 15,099,683-byte one (90 %) with ECONNRESET, reported as a retryable lost connection.
 */
/** A fresh migrated MariaDB database, its SQL adapter and the server's max_allowed_packet (read before the tests). */
async function openPacketServer(url: string): Promise<{ b: Backend & { readonly database: string }; adapter: StorageAdapter; max: number }> {
  const b = await mariadbBackend(url);
  await migrate(b.db);
  const max = Number((await sql<{ m: unknown }>`SELECT @@max_allowed_packet AS m`.execute(b.db)).rows[0]?.m);
  return { b, adapter: createSqlAdapter(b.db), max };
}

const url = MYSQL_URL;
if (url) {
  describe("MariaDB server: records against max_allowed_packet", () => {
    let b: Backend;
    let adapter: StorageAdapter;
    let max = 0;
    beforeAll(async () => {
      ({ b, adapter, max } = await openPacketServer(url));
    }, 60_000);
    afterAll(() => b?.close());

    const withNotes = (id: string, notes: string): StoredRecord => ({ ...personRecord(id), notes });
    const docBytes = (r: StoredRecord) => new TextEncoder().encode(JSON.stringify(r)).length;
    /** The size the adapter reports for a refused write, from its message. */
    const reportedBytes = (e: unknown) => Number(/the write is (\d+) bytes, not under the server's max_allowed_packet of (\d+) bytes/.exec(String((e as Error).message))?.[1]);

    it("a record just over half of max_allowed_packet is stored and read back byte for byte", async () => {
      expect(max).toBeGreaterThan(1024);
      const rec = withNotes("half", "a".repeat(Math.floor(max * 0.55)));
      expect(docBytes(rec)).toBeGreaterThan(max / 2);
      await adapter.store("person").insert(rec);
      const back = await adapter.store("person").get("half");
      expect(back?.["notes"]).toBe(rec["notes"]);
      const updated = await adapter.store("person").update({ ...rec, notes: `${rec["notes"] as string}'"\\?é` }, { expectedVersion: 1 });
      expect((await adapter.store("person").get("half"))?.["notes"]).toBe(updated["notes"]);
    }, 60_000);

    it("a record of 90 % of the limit, with quotes, backslashes and line breaks on every line, is stored and read back", async () => {
      // A line of 57 x, ', ", \ and a newline is 64 bytes of JSON (" \ and the newline become \" \\ \n) and 65 of
      // statement (the quote doubled, each backslash one byte): 0.9 × max / 65 lines make a statement of 0.9 × max.
      const line = `${"x".repeat(57)}'"\\` + "\n";
      const rec = withNotes("ninety", line.repeat(Math.floor((max * 0.9) / 65)));
      expect(docBytes(rec)).toBeGreaterThan(max * 0.88);
      await adapter.store("person").insert(rec);
      expect((await adapter.store("person").get("ninety"))?.["notes"]).toBe(rec["notes"]);
    }, 60_000);

    it("the limit is exact: a write of max_allowed_packet - 1 bytes lands, one byte more is refused before sending", async () => {
      const store = adapter.store("person");
      // Find the statement overhead from a refused write of a notes field as long as the limit.
      const probe = await store.insert(withNotes("edge-a", "b".repeat(max))).then(() => null, (e: unknown) => e);
      expect((probe as StorageError).storageCode).toBe("storage-too-large");
      const overhead = reportedBytes(probe) - max; // bytes of the write besides the notes
      expect(overhead).toBeGreaterThan(0);
      // notes of max - 1 - overhead bytes make a write of max - 1 bytes: the largest the server takes.
      await store.insert(withNotes("edge-a", "b".repeat(max - 1 - overhead)));
      expect(((await store.get("edge-a"))?.["notes"] as string).length).toBe(max - 1 - overhead);
      // The same write for an id of the same length, one byte longer.
      const over = await store.insert(withNotes("edge-b", "b".repeat(max - overhead))).then(() => null, (e: unknown) => e);
      expect(reportedBytes(over)).toBe(max);
      expect(await store.get("edge-b")).toBeNull();
    }, 60_000);

    it("a record over the limit is a typed, non-retryable StorageError, nothing is written and the connection stays usable", async () => {
      const store = adapter.store("person");
      // 0.55 × max "é" are 1.1 × max bytes of UTF-8.
      const big = withNotes("too-big", "é".repeat(Math.floor(max * 0.55)));
      let error: unknown;
      try {
        await store.insert(big);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StorageError);
      const se = error as StorageError;
      expect([se.storageCode, se.retryable]).toEqual(["storage-too-large", false]);
      expect(se.message).toContain(`not under the server's max_allowed_packet of ${max} bytes`);
      expect(se.message).toContain('person "too-big"');
      expect(await store.get("too-big")).toBeNull();
      // An update over the limit: refused, the stored version unchanged.
      await store.insert(withNotes("small", "x"));
      const upd = await store.update(withNotes("small", big["notes"] as string), { expectedVersion: 1 }).then(() => null, (e: unknown) => e);
      expect((upd as StorageError).storageCode).toBe("storage-too-large");
      expect((await store.get("small"))?.version).toBe(1);
    }, 60_000);
  });

  describe("MariaDB server: text beyond ASCII costs its UTF-8 size", () => {
    let b: Backend & { readonly database: string };
    let adapter: StorageAdapter;
    let max = 0;
    beforeAll(async () => {
      ({ b, adapter, max } = await openPacketServer(url));
    }, 60_000);
    afterAll(() => b?.close());
    const withNotes = (id: string, notes: string): StoredRecord => ({ ...personRecord(id), notes });
    const utf8 = (s: string) => new TextEncoder().encode(s).length;
    const reportedBytes = (e: unknown) => Number(/the write is (\d+) bytes/.exec(String((e as Error).message))?.[1]);

    it("a record of multibyte text of 90 % of the limit is stored and read back (it cost 1.8 × the limit in hex)", async () => {
      // "é中😀a" is 2 + 3 + 4 + 1 = 10 bytes of UTF-8 and of JSON (none of it is escaped).
      const unit = "é中😀a";
      expect(utf8(unit)).toBe(10);
      const rec = withNotes("multi", unit.repeat(Math.floor((max * 0.9) / 10)));
      expect(utf8(JSON.stringify(rec))).toBeGreaterThan(max * 0.89);
      await adapter.store("person").insert(rec);
      expect((await adapter.store("person").get("multi"))?.["notes"]).toBe(rec["notes"]);
    }, 60_000);

    it("the limit is exact for multibyte text: max_allowed_packet - 1 bytes land, one byte more is refused", async () => {
      const store = adapter.store("person");
      // A refused write of q characters "中" (3q bytes, over the limit) reports its size: 3q bytes plus the overhead.
      const q = Math.ceil(max / 3) + 10;
      const probe = await store.insert(withNotes("mb-a", "中".repeat(q))).then(() => null, (e: unknown) => e);
      expect((probe as StorageError).storageCode).toBe("storage-too-large");
      const overhead = reportedBytes(probe) - 3 * q;
      expect(overhead).toBeGreaterThan(0);
      expect(overhead).toBeLessThan(2000);
      // Notes of exactly n bytes: as many "中" as fit, then ASCII.
      const notes = (n: number) => "中".repeat(Math.floor(n / 3)) + "a".repeat(n % 3);
      await store.insert(withNotes("mb-a", notes(max - 1 - overhead)));
      expect(utf8((await store.get("mb-a"))?.["notes"] as string)).toBe(max - 1 - overhead);
      const over = await store.insert(withNotes("mb-b", notes(max - overhead))).then(() => null, (e: unknown) => e);
      expect([(over as StorageError).storageCode, reportedBytes(over)]).toEqual(["storage-too-large", max]);
      expect(await store.get("mb-b")).toBeNull();
    }, 60_000);

    it("a connection whose character set is not UTF-8 (mysql2 charset latin1) still stores every character exactly", async () => {
      const pool = createPool({ uri: url, database: b.database, connectionLimit: 2, charset: "LATIN1_SWEDISH_CI" });
      const db = new Kysely<unknown>({ dialect: new MysqlDialect({ pool }) }) as AnyKysely;
      try {
        const latin = createSqlAdapter(db);
        const text = "é中😀 'x' \\ ?";
        await latin.store("person").insert({ ...personRecord("latin"), name: text, notes: text });
        const back = await adapter.store("person").get("latin");
        expect([back?.["name"], back?.["notes"]]).toEqual([text, text]);
        // Read through the latin1 connection too: the document comes as its bytes, not converted to latin1 ("??").
        expect((await latin.store("person").get("latin"))?.["notes"]).toBe(text);
        expect((await latin.store("person").getMany(["latin"]))[0]?.["notes"]).toBe(text);
        expect((await latin.store("person").list({ where: [{ field: "id", op: "eq", value: "latin" }], limit: 1 })).items[0]?.["notes"]).toBe(text);
      } finally {
        await db.destroy();
      }
    }, 60_000);
  });

  describe("MariaDB server: max_allowed_packet changed (SET GLOBAL) while the adapter runs", () => {
    // SET GLOBAL reaches new connections only: each test kills the pool's sessions so that the pool reconnects. The
    // global is only ever set to the value found or above it (no other client of the server gets refused), and put
    // back after each test.
    let original = 0;
    const admin = async <T>(q: string): Promise<T> => {
      const c = createPool({ uri: url, connectionLimit: 1 }).promise();
      try {
        return (await c.query(q))[0] as T;
      } finally {
        await c.end();
      }
    };
    const setGlobal = (v: number) => admin(`SET GLOBAL max_allowed_packet = ${v}`);
    const MiB = 1024 * 1024;
    beforeAll(async () => {
      original = Number((await admin<{ m: unknown }[]>("SELECT @@GLOBAL.max_allowed_packet AS m"))[0]?.m);
    });
    afterAll(() => setGlobal(original));
    const withNotes = (id: string, notes: string): StoredRecord => ({ ...personRecord(id), notes });
    /** Kills the backend's sessions and waits until its pool answers again on fresh connections. */
    const reconnect = async (b: Backend) => {
      await b.terminate!();
      for (let ok = 0, tries = 0; ok < 3 && tries < 50; tries++) {
        ok = (await sql`SELECT 1 AS one`.execute(b.db).then(() => true, () => false)) ? ok + 1 : 0;
      }
    };
    /** A backend with an adapter that has read max_allowed_packet (a 4 KiB write makes it ask). */
    const warmed = async () => {
      const b = await mariadbBackend(url);
      await migrate(b.db);
      const adapter = createSqlAdapter(b.db);
      await adapter.store("person").insert(withNotes("warm", "w".repeat(4096)));
      return { b, store: adapter.store("person") };
    };

    it("raised since the adapter read it: a write over the old value and under the new one lands", async () => {
      expect(original).toBeGreaterThan(2 * MiB);
      const { b, store } = await warmed();
      try {
        await setGlobal(original + 4 * MiB);
        await reconnect(b);
        const notes = "r".repeat(original + MiB); // over the value the adapter read, under the server's now
        await store.insert(withNotes("raised", notes));
        expect(((await store.get("raised"))?.["notes"] as string).length).toBe(notes.length);
      } finally {
        await setGlobal(original);
        await b.close();
      }
    }, 120_000);

    it("lowered since the adapter read it: a write over the new value is a non-retryable storage-too-large naming it, nothing written", async () => {
      await setGlobal(original + 4 * MiB);
      const { b, store } = await warmed(); // reads the raised value
      try {
        await setGlobal(original);
        await reconnect(b);
        const error = await store.insert(withNotes("lowered", "r".repeat(original + MiB))).then(() => null, (e: unknown) => e);
        expect(error).toBeInstanceOf(StorageError);
        const se = error as StorageError;
        expect([se.storageCode, se.retryable]).toEqual(["storage-too-large", false]);
        expect(se.message).toContain(`not under the server's max_allowed_packet of ${original} bytes`);
        expect(await store.get("lowered")).toBeNull();
        // The next write over the limit is refused before it is sent (the new value is remembered), and a small one lands.
        const again = await store.insert(withNotes("lowered", "r".repeat(original + MiB))).then(() => null, (e: unknown) => e);
        expect((again as StorageError).message).toContain(`max_allowed_packet of ${original} bytes`);
        await store.insert(withNotes("small", "s"));
        expect(await store.get("small")).not.toBeNull();
      } finally {
        await setGlobal(original);
        await b.close();
      }
    }, 120_000);
  });

  // The literal encoder (plain runs, doubled quotes, the 0x01 stand-in for backslashes, hex for the rest) must mean
  // the same text under the default sql_mode and under NO_BACKSLASH_ESCAPES: stored, read back and compared equal.
  for (const mode of [undefined, "NO_BACKSLASH_ESCAPES,ANSI_QUOTES"]) {
    it(`text literals round-trip and compare exactly under sql_mode ${mode ?? "(server default)"}`, async () => {
      const b = await mariadbBackend(url, mode);
      try {
        await migrate(b.db);
        const adapter = createSqlAdapter(b.db);
        const piece = fc.oneof(
          fc.constantFrom("'", "''", "\\", "\\\\", "?", "??", "\u0001", "\u0001\\", '"', "\n", "\t", "X'5C'", "é", "😀", "a", " "),
          fc.string({ unit: "grapheme", maxLength: 4 }),
        );
        const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""));
        let n = 0;
        await fc.assert(
          fc.asyncProperty(text, async (t) => {
            const id = `lit-${n++}`;
            // name is an indexed column: written as a column and inside the JSON document.
            await adapter.store("person").insert({ ...personRecord(id), name: t, notes: t });
            const back = await adapter.store("person").get(id);
            expect([back?.["name"], back?.["notes"]]).toEqual([t, t]);
            const page = await adapter.store("person").list({ where: [{ field: "name", op: "eq", value: t }, { field: "id", op: "eq", value: id }], limit: 2 });
            expect(page.items.map((r) => r.id)).toEqual([id]);
          }),
          { numRuns: 150, seed: 20261206 },
        );
      } finally {
        await b.close();
      }
    }, 120_000);
  }
} else {
  describe("MariaDB packet limits (skipped: PMOKIT_MYSQL_URL not set)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_MYSQL_URL"]).toBeUndefined();
    });
  });
}
