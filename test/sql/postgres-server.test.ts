import { describe, expect, it } from "vitest";
import { PG_URL, postgresBackend } from "./backends.js";
import { sqlConformance, sqlWorkflows } from "./conformance.js";
import { sqlSemantics } from "./semantics.js";
import { migrationTests } from "./migration-tests.js";

const url = PG_URL;
if (url) {
  sqlConformance("PostgreSQL server", () => postgresBackend(url), { faults: true });
  sqlSemantics("PostgreSQL server", () => postgresBackend(url), 15);
  migrationTests("PostgreSQL server", () => postgresBackend(url));
  sqlWorkflows("PostgreSQL server", () => postgresBackend(url));
} else {
  // Reported by name rather than silently skipped; the PostgreSQL dialect is still proven on PGlite.
  describe("PostgreSQL server (skipped: PMOKIT_PG_URL not set; the dialect runs on PGlite in pglite.test.ts)", () => {
    it("has no server URL", () => {
      expect(process.env["PMOKIT_PG_URL"]).toBeUndefined();
    });
  });
}
