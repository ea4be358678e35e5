import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, type Decision } from "../../src/index.js";
import { overdueActions, pendingDecisions } from "../../src/status/index.js";

// pendingDecisions carried `statusUnknown` as a property of the returned array (lost by any map, filter or spread): a
// second shape for the idea overdueActions expresses per row. Each pending decision now says, like an overdue action's
// row, whether it is counted only because the record cannot tell (`statusUnknown`) and why it counts (`why`).

const dec = (id: string, createdAt: string, updatedAt: string, extra: Record<string, unknown>) =>
  decodeEntity("decision", { id, version: 2, createdAt, updatedAt, projectId: "P", title: `Decide ${id}`, ...extra }) as Decision;
const t = (day: string) => `${day}T10:00:00.000Z`;
const asOf = isoDate("2025-03-10");
const proposed = dec("D-1", t("2025-02-01"), t("2025-02-01"), { status: "proposed" });
const decidedLater = dec("D-2", t("2025-02-02"), t("2025-03-12"), { status: "approved", decidedBy: "p-a", decidedOn: "2025-03-12" });
const supersededLater = dec("D-3", t("2025-02-03"), t("2025-03-12"), { status: "superseded", supersededBy: "D-9", supersededOn: "2025-03-12" });
const supersededNoDay = dec("D-4", t("2025-02-04"), t("2025-03-12"), { status: "superseded", supersededBy: "D-9" });

describe("pendingDecisions: each row carries statusUnknown and why, as an overdue action's row does", () => {
  it("names why each decision counts as pending on asOf", () => {
    const rows = pendingDecisions([supersededNoDay, supersededLater, decidedLater, proposed], { asOf });
    expect(rows.map((r) => [r.id, r.statusUnknown, r.why])).toEqual([
      ["D-1", false, "proposed"],
      ["D-2", false, "decided only on 2025-03-12, after 2025-03-10"],
      ["D-3", false, "superseded only on 2025-03-12, after 2025-03-10"],
      ["D-4", true, "superseded with no day recorded, known only from 2025-03-12: unknown on 2025-03-10, counted as pending"],
    ]);
    // The flag survives a copy, which the array property did not.
    expect([...rows].filter((r) => r.statusUnknown).map((r) => r.id)).toEqual(["D-4"]);
    // Same fields, same meaning as overdueActions' rows.
    const action = decodeEntity("action", { id: "A-1", version: 1, createdAt: t("2025-02-01"), updatedAt: t("2025-02-01"), projectId: "P", title: "x", ownerId: "p-o", dueDate: "2025-03-01", status: "open" });
    expect(Object.keys(overdueActions([action], { asOf })[0]!)).toEqual(expect.arrayContaining(["statusUnknown", "why"]));
  });

  it("rows are the decisions themselves (their fields unchanged), and the deprecated array property still lists the unknown", () => {
    const rows = pendingDecisions([supersededNoDay, proposed], { asOf });
    expect(rows[0]).toMatchObject({ id: "D-1", title: "Decide D-1", status: "proposed", createdAt: t("2025-02-01") });
    expect(rows.statusUnknown).toEqual([{ id: "D-4", why: "superseded with no day recorded, known only from 2025-03-12: unknown on 2025-03-10, counted as pending" }]);
  });

  it("without asOf: the proposed ones, as recorded", () => {
    expect(pendingDecisions([proposed, decidedLater]).map((r) => [r.id, r.statusUnknown, r.why])).toEqual([["D-1", false, "proposed"]]);
  });
});
