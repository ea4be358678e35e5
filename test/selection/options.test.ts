import { describe, expect, it } from "vitest";
import { money } from "../../src/core/index.js";
import { compareScenarios, selectPortfolio, type SelectionProblemInput } from "../../src/selection/index.js";
import { firstIssuePath, firstIssuePathAsync } from "../support/errors.js";

const eur = (s: string) => money(s, "EUR");
// Budget 1,000: A (600, 10) and B (400, 7) fit; C (300, 5) and "al" (300, 1) are left out.
const problem: SelectionProblemInput = {
  periods: ["FY27"],
  candidates: [
    { id: "A", value: 10, costs: { FY27: eur("600.00") } },
    { id: "B", value: 7, costs: { FY27: eur("400.00") } },
    { id: "C", value: 5, costs: { FY27: eur("300.00") } },
    { id: "al", value: 1, costs: { FY27: eur("300.00") } },
  ],
  budgets: { FY27: eur("1000.00") },
};

describe("selectPortfolio options", () => {
  it("refuses a whyNot that is neither \"all\", \"none\" nor a list of ids (was: the string was searched as text)", async () => {
    // whyNot: "all " (a stray space) explained only "al" — the ids found inside the text — and C silently got no answer.
    expect(await firstIssuePathAsync(() => selectPortfolio(problem, { whyNot: "all " as never }))).toEqual(["whyNot"]);
    expect(await firstIssuePathAsync(() => selectPortfolio(problem, { whyNot: "None" as never }))).toEqual(["whyNot"]);
    const r = await selectPortfolio(problem, { gap: 0, whyNot: "all" });
    expect(r.selected).toEqual(["A", "B"]);
    expect(r.whyNot.map((w) => w.candidate)).toEqual(["C", "al"]);
  });
  it("refuses a whyNotTimeLimitMs or warmStart of the wrong shape", async () => {
    expect(await firstIssuePathAsync(() => selectPortfolio(problem, { whyNotTimeLimitMs: Number.NaN }))).toEqual(["whyNotTimeLimitMs"]);
    expect(await firstIssuePathAsync(() => selectPortfolio(problem, { whyNotTimeLimitMs: 0 }))).toEqual(["whyNotTimeLimitMs"]);
    expect(await firstIssuePathAsync(() => selectPortfolio(problem, { warmStart: "A" as never }))).toEqual(["warmStart"]);
  });
});

describe("compareScenarios inputs", () => {
  it("refuses a selection naming candidates its problem does not have (was: those ids silently dropped from the comparison)", async () => {
    // The "other" scenario's selection came from a different problem (candidate "Z"): Z neither moved in nor stayed.
    const s = await selectPortfolio(problem, { gap: 0, whyNot: "none" });
    const foreign = { ...s, selected: [...s.selected, "Z"] };
    expect(firstIssuePath(() => compareScenarios({ name: "a", problem, selection: s }, { name: "b", problem, selection: foreign })))
      .toEqual(["other", "selection", "selected", 2]);
    expect(compareScenarios({ name: "a", problem, selection: s }, { name: "b", problem, selection: s }).stayedIn).toEqual(["A", "B"]);
  });
});
