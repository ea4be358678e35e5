import { describe, expect, it } from "vitest";
import { jsonDecimal, jsonMoney } from "../../src/cli/json-figures.js";
import { decimal, metric, missing, money } from "../../src/core/index.js";

describe("figures in --json", () => {
  it("are exact decimal strings, money with its currency and its minor units", () => {
    // A CPI of 34 digits was cut to 4 places; amounts were cut to 2 places whatever the currency (BHD has 3, JPY 0).
    expect(jsonDecimal(metric(decimal("0.9710102796605359014724356551471199")))).toBe("0.9710102796605359014724356551471199");
    expect(jsonMoney(metric(money("1201841.04", "EUR")))).toEqual({ amount: "1201841.04", currency: "EUR" });
    expect(jsonMoney(metric(money("1.005", "BHD")))).toEqual({ amount: "1.005", currency: "BHD" });
    expect(jsonMoney(metric(money("1500", "JPY")))).toEqual({ amount: "1500", currency: "JPY" });
    expect(jsonMoney(metric(money("-12345678901234.5", "EUR")))).toEqual({ amount: "-12345678901234.50", currency: "EUR" });
  });

  it("say why a figure is missing instead of printing null", () => {
    expect(jsonDecimal(missing("ac-is-zero"))).toEqual({ reason: "ac-is-zero" });
    expect(jsonMoney(missing("no-baseline"))).toEqual({ reason: "no-baseline" });
    // The reason's detail was dropped: only `{ reason }` was printed.
    expect(jsonDecimal(missing("no-data", "no flows"))).toEqual({ reason: "no-data", detail: "no flows" });
    expect(jsonMoney(missing("no-estimate", "WP-3 has no estimate to complete"))).toEqual({ reason: "no-estimate", detail: "WP-3 has no estimate to complete" });
  });
});
