import { describe, expect, it } from "vitest";
import { isoDate, periodGrid } from "../../src/index.js";
import { issuesOf } from "../support/errors.js";

// periodGrid built one period per week or month from `from` to `to` whatever the span: 2026-11-20 → 3026-11-20
// weekly was 52,179 periods (0.3–1.5 s), and → 9999-12-31 worked ~3 s then failed with a rootless "epoch day
// 2932898 is outside years 0001–9999" (the week of 9999-12-31 ends in year 10000). It now takes earned value's bound:
// `to` more than 400 years (146,097 days) after `from` is refused at once, at ["to"].
describe("periodGrid over centuries", () => {
  it("answers up to 400 years: 2026-11-20 + 146,097 days = 2426-11-20", () => {
    for (const kind of ["weekly", "monthly"] as const) {
      const p = periodGrid({ kind }, isoDate("2026-11-20"), isoDate("2426-11-20")).periods;
      // The first period holds from, the last holds to, and they follow each other day after day.
      expect([p[0]!.start <= "2026-11-20", p[0]!.finish >= "2026-11-20", p.at(-1)!.start <= "2426-11-20", p.at(-1)!.finish >= "2426-11-20"]).toEqual([true, true, true, true]);
      expect(p.every((q, i) => i === 0 || Date.parse(q.start) - Date.parse(p[i - 1]!.finish) === 86_400_000)).toBe(true);
    }
  });

  it("refuses one day further, 1,000 years out and 9999-12-31, naming to", () => {
    for (const to of ["2426-11-21", "3026-11-20", "9999-12-31"]) {
      for (const kind of ["weekly", "monthly"] as const) {
        expect(issuesOf(() => periodGrid({ kind }, isoDate("2026-11-20"), isoDate(to))), `${kind} ${to}`)
          .toEqual([["to", "more than 400 years (146,097 days) after from (2026-11-20)"]]);
      }
    }
  });
});
