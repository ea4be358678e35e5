import { describe, expect, it } from "vitest";
import { earnedValueWarningText } from "../../src/reports/index.js";

describe("earnedValueWarningText", () => {
  const packages = [{ id: "wp-4", name: "Testing" }, { id: "wp-4.2", name: "User acceptance testing" }];
  it("names the package by name with id, the whole id only", () => {
    expect(earnedValueWarningText({ packageId: "wp-4.2", message: "wp-4.2 earns 0/100 but spans 2 periods (use it within one)" }, packages)).toBe("User acceptance testing (wp-4.2) earns 0/100 but spans 2 periods (use it within one)");
    // wp-4's message naming wp-4.2 first (made up): only the standalone wp-4 is replaced.
    expect(earnedValueWarningText({ packageId: "wp-4", message: "c-1 of wp-4.2 moved to wp-4: done" }, packages)).toBe("c-1 of wp-4.2 moved to Testing (wp-4): done");
  });
  it("keeps the message of a package it cannot name, or of no package", () => {
    expect(earnedValueWarningText({ packageId: "wp-9", message: "wp-9 is in the baseline but not among the live packages" }, packages)).toBe("wp-9 is in the baseline but not among the live packages");
    expect(earnedValueWarningText({ message: "47 actual cost entries are dated after the status date and excluded" }, packages)).toBe("47 actual cost entries are dated after the status date and excluded");
  });
  it("refuses a non-object warning", () => {
    expect(() => earnedValueWarningText(null as never, packages)).toThrow(/warning/);
  });
});
