import { describe, expect, it } from "vitest";
import { instant } from "../../src/index.js";
import { changeItemStatus, recordEvidence } from "../../src/rollout/index.js";
import { firstIssuePath } from "../support/errors.js";
import { sampleRollout } from "./helpers.js";

// A status change is stamped `at`: it cannot come before the item's last change, and it cannot record something that
// has not happened yet by then (a completion day or a waiver grant after `at`). Such changes were accepted: the item's
// updatedAt went back in time, and an item "done on 2026-11-25" recorded on 2026-11-20 read as done from 11-25 with
// nobody having confirmed it.
const { items } = sampleRollout();
const base = items.find((i) => i.code === "OPS-02")!; // todo, updatedAt before 2026-11-20
const at = instant("2026-11-20T12:00:00Z");

describe("changeItemStatus keeps transitions in order", () => {
  it("a change stamped before the item's last change is refused (path at)", () => {
    const next = changeItemStatus(base, { status: "in-progress" }, at);
    expect(next.updatedAt).toBe("2026-11-20T12:00:00.000Z");
    expect(firstIssuePath(() => changeItemStatus(next, { status: "blocked", reason: "vendor late" }, instant("2026-11-20T11:59:59Z")))).toEqual(["at"]);
    // The same instant is in order (two changes in one request).
    expect(changeItemStatus(next, { status: "blocked", reason: "vendor late" }, at).version).toBe(next.version + 1);
  });

  it("'at' that is not an instant is refused at ['at'] (was reported as updatedAt)", () => {
    expect(firstIssuePath(() => changeItemStatus(base, { status: "in-progress" }, "yesterday" as never))).toEqual(["at"]);
  });

  it("done on a day after the change is refused; done on the change's UTC day is fine", () => {
    expect(firstIssuePath(() => changeItemStatus(base, { status: "done", completedOn: "2026-11-25" }, at))).toEqual(["completedOn"]);
    expect(changeItemStatus(base, { status: "done", completedOn: "2026-11-20" }, at).completedOn).toBe("2026-11-20");
  });

  it("a waiver granted after the change is refused", () => {
    const waiver = { approvedBy: "p-cio", reason: "r", grantedAt: "2026-11-21T09:00:00Z", expiresOn: "2026-12-31" };
    expect(firstIssuePath(() => changeItemStatus(base, { status: "waived", waiver }, at))).toEqual(["waiver", "grantedAt"]);
  });
});

describe("recordEvidence never moves updatedAt back", () => {
  it("evidence recorded earlier than the item's last change keeps the later updatedAt", () => {
    const next = changeItemStatus(base, { status: "in-progress" }, at);
    const withEvidence = recordEvidence(next, { type: "link", reference: "https://wiki/ops", recordedBy: "p-stefan-krause", recordedAt: "2026-11-19T15:00:00Z" });
    expect(withEvidence.updatedAt).toBe("2026-11-20T12:00:00.000Z"); // was 2026-11-19T15:00:00.000Z
    expect(withEvidence.evidence.at(-1)!.recordedAt).toBe("2026-11-19T15:00:00.000Z");
  });
});
