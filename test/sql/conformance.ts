import { afterAll, describe, it } from "vitest";
import { runAdapterConformance } from "../../src/testing/index.js";
import { createSqlAdapter, deleteAllRecords, migrate } from "../../src/sql/index.js";
import type { Backend } from "./backends.js";
import { workflowReliability } from "../services/reliability.js";

/** Registers the whole conformance kit on one backend: migrated once, emptied before every test; `faults` adds the faults suite. */
export function sqlConformance(label: string, open: () => Backend | Promise<Backend>, options: { readonly faults?: boolean } = {}): void {
  let backend: Backend | undefined;
  runAdapterConformance({
    name: label,
    create: async () => {
      backend = await open();
      await migrate(backend.db);
      return createSqlAdapter(backend.db, { name: label, ...backend.adapterOptions });
    },
    reset: () => deleteAllRecords((backend as Backend).db, ["person", "cost-entry", "project"]),
    teardown: () => backend?.close(),
    // The first test opens and migrates the database: it takes the configured test timeout (60 s), which PGlite's
    // start-up needs on a busy machine.
    runner: { describe, it: (name: string, fn: () => Promise<void>) => it(name, fn), afterAll },
    roundTripRuns: 40,
    // The faults suite on the backends whose connection a test can break (a lock from another handle, killed sessions).
    ...(options.faults ? { faults: { interrupt: async () => (backend as Backend).interrupt!() } } : {}),
  });
}

/** Registers the workflow reliability tests on one backend: migrated once, emptied before each test. */
export function sqlWorkflows(label: string, open: () => Backend | Promise<Backend>): void {
  let shared: Promise<Backend> | undefined;
  workflowReliability(label, async () => {
    shared ??= Promise.resolve(open()).then(async (b) => {
      await migrate(b.db);
      return b;
    });
    const b = await shared;
    await deleteAllRecords(b.db);
    return { adapter: createSqlAdapter(b.db), close: async () => {} };
  });
  afterAll(async () => (await shared)?.close());
}
