import fc from "fast-check";
import { currencyCodes, minorUnits } from "../../core/money/currency.js";
import { createRepository } from "../../storage/repository.js";
import { checkSame, expectPmoError } from "../assert.js";
import { T0 } from "../fixtures.js";
import type { ConformanceSuite } from "../types.js";

const CODES = currencyCodes();

/**
 * Canonical money amounts: digits, at least the currency's minor units, sometimes more; 0 to 24 integer digits, so
 * that with up to 10 fraction digits an amount stays within Money's 34 significant digits (longer ones are refused
 * by the codec before any adapter sees them).
 */
const moneyArb = fc
  .record({
    currency: fc.constantFrom(...CODES),
    negative: fc.boolean(),
    intPart: fc.oneof(fc.constant("0"), fc.bigInt({ min: 1n, max: 10n ** 24n - 1n }).map(String)),
    extra: fc.nat({ max: 6 }),
    fraction: fc.bigInt({ min: 0n, max: 10n ** 12n }),
  })
  .map(({ currency, negative, intPart, extra, fraction }) => {
    const places = minorUnits(currency) + extra;
    let frac = places === 0 ? "" : fraction.toString().padStart(12, "0").slice(0, places);
    // Canonical form drops trailing zeros beyond the minor units.
    while (frac.length > minorUnits(currency) && frac.endsWith("0")) frac = frac.slice(0, -1);
    const body = frac ? `${intPart}.${frac}` : intPart;
    const isZero = /^[0.]+$/.test(body);
    return { amount: negative && !isZero ? `-${body}` : body, currency };
  });

const dateArb = fc
  .date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const textArb = fc.string({ unit: "grapheme", maxLength: 40 });

/** @internal Money, dates and text survive storage byte for byte. */
export const roundTripSuite: ConformanceSuite = {
  name: "round-trip",
  tests: [
    {
      name: "generated money amounts, dates and unicode text come back byte-identical",
      async run(adapter, ctx) {
        const repo = createRepository(adapter, "cost-entry", { clock: () => T0 });
        let n = 0;
        await fc.assert(
          fc.asyncProperty(moneyArb, dateArb, textArb, async (amount, date, description) => {
            n++;
            const id = `rt-${n}`;
            const created = await repo.create({
              id, projectId: "prj-rt", date, amount, category: "software", expenditure: "opex", description,
            });
            const stored = await adapter.store("cost-entry").get(id);
            const expected = { id, version: 1, createdAt: T0, updatedAt: T0, projectId: "prj-rt", date, amount, category: "software", expenditure: "opex", description };
            checkSame(stored, expected, "the stored wire record must equal the canonical wire form");
            checkSame(repo.encode((await repo.require(id))), repo.encode(created), "decode(encode(x)) must be identical");
          }),
          { seed: ctx.seed, numRuns: ctx.roundTripRuns },
        );
      },
    },
    {
      name: "edge amounts keep every digit: 34 significant digits, tiny fractions, zero, JPY and KWD",
      async run(adapter) {
        const repo = createRepository(adapter, "cost-entry", { clock: () => T0 });
        const cases = [
          { amount: "9999999999999999999999999999999999.00", currency: "EUR" },
          { amount: "0.000000000001", currency: "USD" },
          { amount: "-0.01", currency: "EUR" },
          { amount: "0.00", currency: "EUR" },
          { amount: "123456789", currency: "JPY" },
          { amount: "1.234", currency: "KWD" },
          { amount: "100000000000000000000000.00", currency: "GBP" },
        ];
        for (const [i, amount] of cases.entries()) {
          await repo.create({ id: `edge-${i}`, projectId: "prj-rt", date: "2026-02-28", amount, category: "other", expenditure: "capex" });
          checkSame((await adapter.store("cost-entry").get(`edge-${i}`))?.["amount"], amount, `amount ${amount.amount} ${amount.currency}`);
        }
      },
    },
    {
      name: "a decimal inside a nested object (fxRate.rate) is matched by value through a repository, and ordering by an amount is refused",
      async run(adapter) {
        // Before: fxRate.rate eq "1.10" missed the stored "1.1"; orderBy amount.amount put "100.00" before "99.50".
        const repo = createRepository(adapter, "cost-entry", { clock: () => T0 });
        for (const [id, rate, amount] of [["fx-1", "1.10", "99.5"], ["fx-2", "10.5", "100"]] as const) {
          await repo.create({ id, projectId: "prj-rt", date: "2026-02-28", amount: { amount, currency: "USD" }, category: "other", expenditure: "opex", fxRate: { rate, currency: "EUR", date: "2026-02-27" } });
        }
        checkSame((await adapter.store("cost-entry").get("fx-1"))?.["fxRate"], { rate: "1.1", currency: "EUR", date: "2026-02-27" }, "fxRate stored canonical");
        const ids = async (where: never) => (await repo.list({ where })).items.map((e) => e.id);
        checkSame(await ids([{ field: "fxRate.rate", op: "eq", value: "1.10" }] as never), ["fx-1"], "fxRate.rate eq 1.10");
        checkSame(await ids([{ field: "fxRate.rate", op: "in", value: ["10.50"] }] as never), ["fx-2"], "fxRate.rate in [10.50]");
        await expectPmoError(() => repo.list({ where: [{ field: "fxRate.rate", op: "gt", value: "9" }] }), "validation", "fxRate.rate gt 9");
        await expectPmoError(() => repo.list({ orderBy: { field: "amount.amount" } }), "validation", "orderBy amount.amount");
      },
    },
  ],
};
