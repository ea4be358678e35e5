import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, issueAgeing, overdueActions, type Action, type Issue } from "../../src/index.js";

// An independent oracle for RAID ageing and overdue counts as of a day, written from the documented definitions, not
// from pmokit's code (records without reopenings):
//   issue   — exists on asOf when raised by it; open then when not resolved by it (resolvedOn absent or later);
//             age = days from raising to asOf (open) or to resolution; overdue when open and its due day is before
//             asOf, by asOf − due days; the average open age is the mean age of the open ones.
//   action  — exists on asOf when created (UTC day of createdAt) by it; open then when open / in progress, or done
//             (cancelled) only after asOf; overdue when open and due before asOf, by asOf − due days; most overdue
//             first, then by id.
// The results must not depend on the order of the records.
const DAY = 86_400_000;
const base = Date.UTC(2026, 0, 1);
const day = (n: number) => new Date(base + n * DAY).toISOString().slice(0, 10);
const at = "2025-12-01T09:00:00Z";

const issueArb = fc.record({
  raised: fc.integer({ min: 0, max: 60 }),
  resolvedAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  dueAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
});
const actionArb = fc.record({
  created: fc.integer({ min: 0, max: 60 }),
  dueAfter: fc.integer({ min: 0, max: 40 }),
  status: fc.constantFrom("open", "in-progress", "done", "cancelled"),
  closedAfter: fc.integer({ min: 0, max: 60 }),
});

describe("RAID ageing and overdue counts against an oracle", () => {
  it("issueAgeing: open, age, overdue and the average open age at any as-of day, in any order", () => {
    fc.assert(
      fc.property(fc.array(issueArb, { maxLength: 10 }), fc.integer({ min: 0, max: 130 }), (raw, asOfN) => {
        const asOf = day(asOfN);
        const issues = raw.map((r, i) =>
          decodeEntity("issue", {
            id: `I-${i}`, version: 1, createdAt: at, updatedAt: at, projectId: "P", title: `I-${i}`, severity: "high", ownerId: "p",
            raisedOn: day(r.raised),
            ...(r.resolvedAfter !== undefined ? { status: "resolved", resolvedOn: day(r.raised + r.resolvedAfter) } : { status: "open" }),
            ...(r.dueAfter !== undefined ? { dueDate: day(r.raised + r.dueAfter) } : {}),
          }) as Issue,
        );
        const expected = raw.flatMap((r, i) => {
          if (r.raised > asOfN) return [];
          const resolved = r.resolvedAfter !== undefined ? r.raised + r.resolvedAfter : undefined;
          const open = resolved === undefined || resolved > asOfN;
          const due = r.dueAfter !== undefined ? r.raised + r.dueAfter : undefined;
          const overdue = open && due !== undefined && due < asOfN;
          return [{ issueId: `I-${i}`, open, ageDays: (open ? asOfN : resolved!) - r.raised, overdue, daysOverdue: overdue ? asOfN - due! : 0 }];
        });
        for (const list of [issues, [...issues].reverse()]) {
          const a = issueAgeing(list, { asOf: isoDate(asOf) });
          const got = a.issues.map(({ issueId, open, ageDays, overdue, daysOverdue }) => ({ issueId, open, ageDays, overdue, daysOverdue }));
          expect([...got].sort((x, y) => x.issueId.localeCompare(y.issueId))).toEqual([...expected].sort((x, y) => x.issueId.localeCompare(y.issueId)));
          expect(a.overdue.map((o) => o.issueId).sort()).toEqual(expected.filter((e) => e.overdue).map((e) => e.issueId).sort());
          const open = expected.filter((e) => e.open);
          if (open.length === 0) expect(a.averageOpenAgeDays.value).toBeUndefined();
          else expect(a.averageOpenAgeDays.value!.times(open.length).toNumber()).toBe(open.reduce((s, e) => s + e.ageDays, 0));
          expect([...a.notYetRaised].sort()).toEqual(raw.flatMap((r, i) => (r.raised > asOfN ? [`I-${i}`] : [])).sort());
        }
      }),
      { numRuns: 500, seed: 22 },
    );
  });

  it("overdueActions: which actions, how many days, most overdue first — the same in any order", () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 10 }), fc.integer({ min: 0, max: 130 }), (raw, asOfN) => {
        const asOf = day(asOfN);
        const actions = raw.map((r, i) => {
          const created = `${day(r.created)}T09:00:00Z`;
          const closed = day(r.created + r.closedAfter);
          return decodeEntity("action", {
            id: `A-${String(i).padStart(2, "0")}`, version: 1, createdAt: created, updatedAt: `${closed}T18:00:00Z`, projectId: "P", title: `A-${i}`, ownerId: "p",
            dueDate: day(r.created + r.dueAfter), status: r.status,
            ...(r.status === "done" ? { completedOn: closed } : {}),
            ...(r.status === "cancelled" ? { cancelledOn: closed } : {}),
          }) as Action;
        });
        const expected = raw
          .flatMap((r, i) => {
            const due = r.created + r.dueAfter;
            const closedBy = (r.status === "done" || r.status === "cancelled") && r.created + r.closedAfter <= asOfN;
            return r.created <= asOfN && !closedBy && due < asOfN ? [{ actionId: `A-${String(i).padStart(2, "0")}`, daysOverdue: asOfN - due }] : [];
          })
          .sort((x, y) => y.daysOverdue - x.daysOverdue || (x.actionId < y.actionId ? -1 : 1));
        for (const list of [actions, [...actions].reverse()]) {
          expect(overdueActions(list, { asOf: isoDate(asOf) }).map(({ actionId, daysOverdue }) => ({ actionId, daysOverdue }))).toEqual(expected);
        }
      }),
      { numRuns: 500, seed: 22 },
    );
  });

  it("hand-worked: an issue due 2026-03-05 and open on 03-10 is 5 days overdue, one due on 03-10 itself is not", () => {
    const mk = (id: string, due: string) =>
      decodeEntity("issue", { id, version: 1, createdAt: at, updatedAt: at, projectId: "P", title: id, severity: "low", ownerId: "p", raisedOn: "2026-03-01", status: "open", dueDate: due }) as Issue;
    const a = issueAgeing([mk("x", "2026-03-05"), mk("y", "2026-03-10")], { asOf: isoDate("2026-03-10") });
    expect(a.issues.map((i) => [i.issueId, i.ageDays, i.overdue, i.daysOverdue])).toEqual([["x", 9, true, 5], ["y", 9, false, 0]]);
    expect(a.averageOpenAgeDays.value?.toFixed()).toBe("9");
  });
});
