import { randomBytes } from "node:crypto";
import { Kysely, MysqlDialect, PostgresDialect } from "kysely";
import { createPool } from "mysql2";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlAdapter, deleteAllRecords, migrate, type AnyKysely } from "../../src/sql/index.js";
import { keysSuite } from "../../src/testing/suites/keys.js";
import { hostileInputSuite } from "../../src/testing/suites/hostile-input.js";
import { MYSQL_URL, PG_URL } from "./backends.js";

/*
 * The key and order rules must not depend on the database's defaults. Here each server gets a database whose default
 * collation is the hostile one — PostgreSQL with ICU "en-US" (locale order: "a" < "A" < "b", "é" beside "e"),
 * MariaDB with its server default utf8mb4_general_ci (case- and accent-insensitive, trailing spaces ignored) — and
 * the kit's `keys` checks and the unusual-text ordering check must still pass: pmokit's tables carry their own
 * binary collations. (The main conformance runs use databases whose default already is code point order.)
 */

const ordering = hostileInputSuite.tests.filter((t) => t.name.includes("unusual valid text"));
const checks = [...keysSuite.tests, ...ordering];
const suffix = () => randomBytes(4).toString("hex");

function registerChecks(label: string, open: () => Promise<{ db: AnyKysely; close: () => Promise<void> }>) {
  describe(label, () => {
    let backend: { db: AnyKysely; close: () => Promise<void> } | undefined;
    beforeAll(async () => {
      backend = await open();
      await migrate(backend.db);
    }, 60_000);
    afterAll(async () => backend?.close());
    it("has the checks it means to run", () => {
      expect(checks.length).toBe(keysSuite.tests.length + 1);
    });
    for (const t of checks) {
      it(t.name, async () => {
        const b = backend!;
        await deleteAllRecords(b.db, ["person"]);
        await t.run(createSqlAdapter(b.db), { seed: 42, roundTripRuns: 1 });
      }, 60_000);
    }
  });
}

const pgUrl = PG_URL;
if (pgUrl) {
  registerChecks("PostgreSQL server, database with ICU en-US as default collation", async () => {
    const name = `pmokit_s6_icu_${suffix()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`);
    await admin.end();
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }) as AnyKysely;
    // The premise: this database orders text by locale, not by code point.
    const r = await pool.query<{ s: string[] }>(`SELECT array_agg(x ORDER BY x) AS s FROM unnest(ARRAY['b','A','a']) AS x`);
    expect(r.rows[0]?.s).toEqual(["a", "A", "b"]);
    return {
      db,
      close: async () => {
        await db.destroy();
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`DROP DATABASE ${name}`);
        await c.end();
      },
    };
  });
}

const mysqlUrl = MYSQL_URL;
if (mysqlUrl) {
  registerChecks("MariaDB server, database with utf8mb4_general_ci as default collation", async () => {
    const name = `pmokit_s6_ci_${suffix()}`;
    const admin = createPool({ uri: mysqlUrl, connectionLimit: 1 }).promise();
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
    // The premise: this database's default comparison folds case, accents and trailing spaces.
    const [rows] = await admin.query(`SELECT ('a' = 'A') AND ('e' = 'é') AND ('x' = 'x ') AS folded`);
    expect(Number((rows as { folded: number }[])[0]?.folded)).toBe(1);
    await admin.end();
    const pool = createPool({ uri: mysqlUrl, database: name, connectionLimit: 4 });
    const db = new Kysely<unknown>({ dialect: new MysqlDialect({ pool }) }) as AnyKysely;
    return {
      db,
      close: async () => {
        await db.destroy();
        const c = createPool({ uri: mysqlUrl, connectionLimit: 1 }).promise();
        await c.query(`DROP DATABASE ${name}`);
        await c.end();
      },
    };
  });
}

if (!pgUrl && !mysqlUrl) {
  describe("collation defaults (skipped: neither PMOKIT_PG_URL nor PMOKIT_MYSQL_URL set)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_PG_URL"] ?? process.env["PMOKIT_MYSQL_URL"]).toBeUndefined();
    });
  });
}
