import { pgliteBackend } from "./backends.js";
import { sqlConformance, sqlWorkflows } from "./conformance.js";
import { sqlSemantics } from "./semantics.js";
import { migrationTests } from "./migration-tests.js";

sqlConformance("PostgreSQL on PGlite", pgliteBackend);
sqlSemantics("PostgreSQL on PGlite", pgliteBackend, 25);
migrationTests("PostgreSQL on PGlite", pgliteBackend);
sqlWorkflows("PostgreSQL on PGlite", pgliteBackend);
