import { sqliteFile, sqliteMemory, sqliteSharedMemory } from "./backends.js";
import { sqlConformance, sqlWorkflows } from "./conformance.js";
import { sqlSemantics } from "./semantics.js";
import { migrationTests } from "./migration-tests.js";

sqlConformance("SQLite in memory", sqliteMemory);
sqlConformance("SQLite in memory (SharedSqliteDialect)", sqliteSharedMemory);
sqlConformance("SQLite on a file", sqliteFile, { faults: true });
sqlSemantics("SQLite in memory", sqliteMemory, 150);
migrationTests("SQLite on a file", sqliteFile);
migrationTests("SQLite in memory", sqliteMemory);
sqlWorkflows("SQLite on a file", sqliteFile);
sqlWorkflows("SQLite in memory", sqliteMemory);
