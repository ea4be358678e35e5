import { createMemoryAdapter, createRepositories, type EntityKind, type StorageAdapter } from "../../src/index.js";
import { createPmo } from "../../src/services/index.js";
import { loadSampleOffice } from "../../examples/office.js";

/** Loads the kinds the workflow tests use from the sample office (Northwind Logistics, examples/data). */
export const OFFICE_KINDS: readonly EntityKind[] = [
  "person", "portfolio", "programme", "request", "project", "work-package", "baseline", "requirement", "test-case",
  "rollout-plan", "checklist-item", "gate", "issue", "status-report",
];

export async function seedOffice(adapter: StorageAdapter, kinds: readonly EntityKind[] = OFFICE_KINDS): Promise<void> {
  const office = loadSampleOffice();
  const repos = createRepositories(adapter);
  for (const kind of kinds) {
    for (const record of office[kind]) await repos[kind].importRecord(record as never);
  }
}

/** A fixed clock: every operation in the tests happens at this instant. */
export const NOW = "2026-11-20T09:00:00.000Z";

/** The sample office in a memory adapter, with a PMO service on the fixed clock and numbered ids (id-0001, …). */
export async function memoryOffice() {
  const adapter = createMemoryAdapter();
  await seedOffice(adapter);
  let n = 0;
  const pmo = createPmo(adapter, { clock: () => NOW, ids: () => `id-${String(++n).padStart(4, "0")}` });
  return { adapter, pmo, repos: createRepositories(adapter) };
}
