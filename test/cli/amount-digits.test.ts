import { describe, expect, it } from "vitest";
import { run, temp } from "./run.js";

// `--budget 1000000000000000000000000000000000` (34 digits) is an exact decimal without exponent, sign or separators,
// yet was refused as "must be an exact decimal number such as 1000000 or 1000000.50 (no exponent, sign or
// separators)", which names none of what is wrong: the parser takes at most 30 digits before the point and 12 after.
describe("an amount flag with too many digits says so", () => {
  it.each([["--budget", "1" + "0".repeat(33)], ["--budget", "1.1234567890123"], ["--capacity", "testing=" + "9".repeat(31)]])("%s %s", async (flag, value) => {
    const r = await run(["select", flag, value], temp());
    expect(r.code).toBe(2);
    expect(r.err).toBe(`pmokit: ${flag} must have at most 30 digits before the point and 12 after, got ${value.replace(/^testing=/, "")}\n`);
  });
});
