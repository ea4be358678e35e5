import { ALL_FILTER_OPS } from "../../storage/port.js";
import { check, expectPmoError } from "../assert.js";
import { personRecord } from "../fixtures.js";
import type { ConformanceSuite } from "../types.js";

/** @internal Declared capabilities are well-formed; anything undeclared is refused loudly. */
export const capabilitiesSuite: ConformanceSuite = {
  name: "capabilities",
  tests: [
    {
      name: "capabilities are well-formed",
      async run(adapter) {
        const c = adapter.capabilities;
        check(["none", "batch", "interactive"].includes(c.transactions), `transactions must be none|batch|interactive, got ${String(c.transactions)}`);
        check(Number.isInteger(c.maxPageSize) && c.maxPageSize >= 10, "maxPageSize must be an integer ≥ 10");
        check(c.filterOps.includes("eq"), "every adapter must support eq filters");
        check(
          (c.transactions === "interactive") === (typeof adapter.transaction === "function"),
          "transaction() must exist exactly when interactive transactions are declared",
        );
      },
    },
    {
      name: "undeclared filter operators throw UnsupportedCapabilityError",
      async run(adapter) {
        await adapter.store("person").insert(personRecord("cap-1", { power: 2 }));
        for (const op of ALL_FILTER_OPS.filter((o) => !adapter.capabilities.filterOps.includes(o))) {
          await expectPmoError(
            () => adapter.store("person").list({ where: [{ field: "power", op, value: op === "in" ? [2] : 2 }], limit: 10 }),
            "unsupported-capability",
            `filter op ${op}`,
          );
        }
      },
    },
    {
      name: "page sizes outside 1…maxPageSize are refused with ValidationError",
      async run(adapter) {
        const max = adapter.capabilities.maxPageSize;
        for (const limit of [0, -1, 1.5, max + 1]) {
          await expectPmoError(() => adapter.store("person").list({ limit }), "validation", `limit ${limit}`);
        }
        const ok = await adapter.store("person").list({ limit: max });
        check(Array.isArray(ok.items), "limit = maxPageSize must be accepted");
      },
    },
    {
      name: "a cursor that the store did not make is refused with ValidationError",
      async run(adapter) {
        await expectPmoError(() => adapter.store("person").list({ limit: 5, cursor: "not-a-cursor!" }), "validation", "garbage cursor");
      },
    },
  ],
};
