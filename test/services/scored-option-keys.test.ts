// Pmo.scoredOpenRequests passed its options on to scoreRequests after reading the store, so a misspelt key was
// reported as scoreRequests' (`options.asof`), not the method's. It now refuses an unknown key itself, before any
// read, at [key] as the other services methods do ("unknown option (rolloutReadiness takes asOf, facts)").
import { describe, expect, it } from "vitest";
import { memoryOffice } from "./office.js";
import { issuesOfAsync } from "../support/errors.js";

describe("services: scoredOpenRequests refuses unknown option keys", () => {
  it("a misspelt onInvalid, before any read", async () => {
    const { pmo } = await memoryOffice();
    expect(await issuesOfAsync(() => pmo.scoredOpenRequests({} as never, { asOf: "2026-11-20", oninvalid: "skip" } as never))).toEqual([
      ["oninvalid", "unknown option (scoredOpenRequests takes asOf, onInvalid)"],
    ]);
  });
});
