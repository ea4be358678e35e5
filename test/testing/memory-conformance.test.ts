import { afterAll, describe, it } from "vitest";
import { createMemoryAdapter } from "../../src/index.js";
import { runAdapterConformance } from "../../src/testing/index.js";

// The reference adapter must pass the whole kit, both with a fresh adapter per test and with one reset adapter.
runAdapterConformance({
  name: "memory (fresh adapter per test)",
  create: () => createMemoryAdapter(),
  runner: { describe, it, afterAll },
});

const shared = createMemoryAdapter({ name: "memory-shared" });
runAdapterConformance({
  name: "memory (one adapter, reset before each test)",
  create: () => shared,
  reset: async (a) => {
    // Reset through the port itself: delete every record of every kind the kit writes.
    for (const kind of ["person", "cost-entry", "project"] as const) {
      for (;;) {
        const page = await a.store(kind).list({ limit: 1000 });
        if (page.items.length === 0) break;
        for (const r of page.items) await a.store(kind).delete(r.id);
      }
    }
  },
  runner: { describe, it, afterAll },
  roundTripRuns: 30,
});
