import { describe, expect, it } from "vitest";
import { XMLValidator } from "fast-xml-parser";
import { ValidationError, money } from "../../src/core/index.js";
import { burnUpChart, releaseSection, renderMarkdownReport, type BurnUpInput } from "../../src/reports/index.js";
import { agileEarnedValue } from "../../src/variance/index.js";
import { H } from "./fixtures.js";

const input = (over: Partial<BurnUpInput> = {}): BurnUpInput => ({
  title: "CRM release 1 — burn-up",
  scope: [{ date: "2026-09-01", value: 140 }, { date: "2026-10-23", value: 150 }],
  completed: [{ date: "2026-09-11", value: 20 }, { date: "2026-09-25", value: 45 }, { date: "2026-10-09", value: 65 }, { date: "2026-10-23", value: 90 }],
  forecast: { slowVelocity: 20, fastVelocity: 30, sprintDays: 14 },
  statusDate: "2026-10-23",
  ...over,
});

describe("burn-up chart", () => {
  it("draws scope, completed and the forecast range to the sprint that finishes the scope", () => {
    const svg = burnUpChart(input());
    // 150 − 90 = 60 points left. Slow: 60 / 20 = 3 sprints → 2026-10-23 + 42 days = 2026-12-04.
    // Fast: 60 / 30 = 2 sprints → 2026-10-23 + 28 days = 2026-11-20.
    expect(svg).toContain("Release burn-up: 90 of 150 points done on 2026-10-23; forecast finish between 2026-11-20 and 2026-12-04.");
    for (const label of ["Scope", "Completed", "Forecast at 20 points/sprint", "Forecast at 30 points/sprint", "Status date 2026-10-23"]) expect(svg).toContain(label);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(burnUpChart(input())).toBe(svg);
    expect(svg).not.toMatch(/NaN|<script/);
  });

  it("rounds a part sprint up: 60 points at 25 a sprint take 3 sprints, the same end as 20 a sprint (one line)", () => {
    const svg = burnUpChart(input({ forecast: { slowVelocity: 20, fastVelocity: 25, sprintDays: 14 } }));
    expect(svg).toContain("forecast finish between 2026-12-04 and 2026-12-04");
    expect(svg).not.toContain("Forecast at 25 points/sprint");
  });

  it("escapes its text and refuses a velocity that is not above zero", () => {
    expect(burnUpChart(input({ title: H }))).not.toContain("<script>");
    try {
      burnUpChart(input({ forecast: { slowVelocity: 0, fastVelocity: 30, sprintDays: 14 } }));
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues[0]?.path).toEqual(["forecast", "slowVelocity"]);
    }
  });
});

describe("release section", () => {
  it("shows the AgileEVM figures with their derivation and the burn-up chart", () => {
    const evm = agileEarnedValue(
      { budget: money("120000.00", "EUR"), sprints: ["2026-09-11", "2026-09-25", "2026-10-09", "2026-10-23", "2026-11-06", "2026-11-20"].map((finish, i) => ({ name: `S${i + 1}`, finish })), totalPoints: 150, completedPoints: 90, costs: [{ date: "2026-10-01", amount: money("78000.00", "EUR") }] },
      { statusDate: "2026-10-23" },
    );
    const { title: _t, ...burnUp } = input();
    const section = releaseSection({ name: "CRM release 1", evm, burnUp });
    expect(section.blocks[0]).toEqual({ kind: "paragraph", text: "AgileEVM as of 2026-10-23: 4 of 6 planned sprints finished (PV), 90 of 150 story points done (EV)." });
    const md = renderMarkdownReport({ title: "Release", sections: [section] });
    // PV 80,000, EV 72,000, SPI 0.9, EAC 130,000 (the worked example of docs/earned-value.md); planned complete
    // 4 of 6 sprints = 66.7%, complete 90 of 150 points = 60%.
    for (const t of [
      "**Planned value (PV):** EUR 80,000.00", "**Earned value (EV):** EUR 72,000.00", "**Schedule performance index (SPI):** 0.9", "**Cost performance index (CPI):** 0.92",
      "**Estimate at completion (EAC = BAC / CPI):** EUR 130,000.00", "**Planned complete:** 66.7%", "**Complete:** 60.0%", "charts/burn-up-CRM-release-1.svg",
    ]) expect(md).toContain(t);
  });
});
