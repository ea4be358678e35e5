import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPmoError, StorageError, type StorageAdapter, type StoredRecord } from "../../src/index.js";
import { createSqlAdapter, migrate } from "../../src/sql/index.js";
import { personRecord } from "../../src/testing/fixtures.js";
import { MYSQL_URL, mariadbBackend, type Backend } from "./backends.js";

/*
 * Records against max_allowed_packet. Before the fix every string was sent as a hex literal, two bytes per byte: with
 * the server's default max_allowed_packet of 16,777,216 bytes, a 9,227,659-byte record (55 % of it) failed with
 * ER_NET_PACKET_TOO_LARGE and a 15,099,683-byte one (90 %) with ECONNRESET, reported as a retryable lost connection.
 */
const url = MYSQL_URL;
if (url) {
  describe("MariaDB server: records against max_allowed_packet", () => {
    let b: Backend;
    let adapter: StorageAdapter;
    let max = 0;
    beforeAll(async () => {
      b = await mariadbBackend(url);
      await migrate(b.db);
      adapter = createSqlAdapter(b.db);
      max = Number((await sql<{ m: unknown }>`SELECT @@max_allowed_packet AS m`.execute(b.db)).rows[0]?.m);
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
      // Non-ASCII text goes in hex, two bytes per byte: 0.55 × max bytes of "é" (2 bytes each) make 1.1 × max.
      const big = withNotes("too-big", "é".repeat(Math.floor((max * 0.55) / 2)));
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
