import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { MYSQL_URL, mariadbBackend } from "./backends.js";
import { sqlConformance, sqlWorkflows } from "./conformance.js";
import { sqlSemantics } from "./semantics.js";
import { migrationTests } from "./migration-tests.js";

const url = MYSQL_URL;
const STRICT_MODES = "NO_BACKSLASH_ESCAPES,ANSI_QUOTES,STRICT_ALL_TABLES,ONLY_FULL_GROUP_BY";
if (url) {
  // Issue 15 #1: the kit runs with the sql_modes that break client-side escaping and double-quoted strings; the
  // semantics, migration and workflow suites below run in the server's default mode.
  sqlConformance(`MariaDB server, sql_mode ${STRICT_MODES}`, () => mariadbBackend(url, STRICT_MODES), { faults: true });
  it("issue 15 #1: every pooled session of the strict backend really runs NO_BACKSLASH_ESCAPES and ANSI_QUOTES", async () => {
    const b = await mariadbBackend(url, STRICT_MODES);
    try {
      const modes = await Promise.all(
        Array.from({ length: 3 }, () => sql<{ m: string }>`SELECT @@SESSION.sql_mode AS m, SLEEP(0.05)`.execute(b.db)),
      );
      for (const r of modes) expect(r.rows[0]?.m.split(",")).toEqual(expect.arrayContaining(["NO_BACKSLASH_ESCAPES", "ANSI_QUOTES"]));
    } finally {
      await b.close();
    }
  });
  sqlSemantics("MariaDB server", () => mariadbBackend(url), 15);
  migrationTests("MariaDB server", () => mariadbBackend(url));
  sqlWorkflows("MariaDB server", () => mariadbBackend(url));
} else {
  describe("MariaDB (skipped: PMOKIT_MYSQL_URL not set)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_MYSQL_URL"]).toBeUndefined();
    });
  });
}
