import { describe, expect, it } from "vitest";
import { MYSQL_URL, mariadbBackend } from "./backends.js";
import { sqlConformance, sqlWorkflows } from "./conformance.js";
import { sqlSemantics } from "./semantics.js";
import { migrationTests } from "./migration-tests.js";

const url = MYSQL_URL;
if (url) {
  sqlConformance("MariaDB server", () => mariadbBackend(url));
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
