import { checkArguments, checkOptionKeys } from "../core/index.js";
import type { Decimal, IsoDate } from "../core/index.js";
import type { ChecklistItem } from "../entities/index.js";
import { closedSince } from "../entities/closing-day.js";
import { afterAsOf } from "./as-of.js";
import { checkEvidenceRule, type EvidenceCheck } from "./evidence-check.js";

/**
 * Where an item stands for readiness and gates:
 * - `closed`: done (and its evidence rule holds, if it has one), proven by its evidence rule, or waived with an
 *   unexpired waiver;
 * - `excluded`: not applicable or skipped (with their reason) by the day judged — out of the readiness denominator;
 * - `open`: anything else, including a waiver that has expired and a done item whose evidence rule fails.
 */
export type ItemState = "closed" | "excluded" | "open";

/** An item judged as of a day over the supplied facts. */
export interface ItemAssessment {
  /** Item id. */
  readonly id: string;
  /** Item code, when it has one. */
  readonly code?: string;
  /** Title. */
  readonly title: string;
  /** Blocking or advisory. */
  readonly blocking: boolean;
  /** Recorded status. */
  readonly status: ChecklistItem["status"];
  /** The state that counts. */
  readonly state: ItemState;
  /** True when it counts as done for readiness progress (status done or proven by facts). */
  readonly done: boolean;
  /** Due day, when scheduled. */
  readonly dueDate?: IsoDate;
  /** The automatic evidence check, when the item has a rule. */
  readonly evidenceCheck?: EvidenceCheck;
  /** True when the item is waived but its waiver expired before `asOf`. */
  readonly waiverExpired: boolean;
  /**
   * True when the record cannot tell whether the item was already skipped or not applicable on `asOf`: it has that
   * status without its day (`skippedOn` / `notApplicableOn`, absent on records made before those fields existed) and
   * `asOf` is before the day of its last change. It is then judged as not yet skipped or not applicable (open, unless
   * its evidence rule held), so the unknown never makes a gate or readiness look better than the data shows.
   */
  readonly statusUnknown: boolean;
  /** Why the item is in this state, in plain words. */
  readonly why: string;
}

/**
 * Judges one checklist item as of a day. An evidence rule is decisive: an item with a rule is closed exactly when
 * the facts satisfy it (a "done" whose facts fail is open again; a "todo" or "waived" item the facts prove is closed
 * and done). A waiver carries an item whose rule fails (or that has none) up to and including its `expiresOn`;
 * afterwards the item is open. Not applicable and skipped items are excluded
 * (the entity schema guarantees they carry a reason). A skipped item is not a closed one: a gate still needs it done,
 * waived or not applicable. Judging an earlier day is honest: an item done after `asOf`, waived by a waiver granted
 * after it, or skipped or found not applicable after it (`skippedOn` / `notApplicableOn` later than `asOf`), is
 * still open on `asOf` (unless its evidence rule held then: the status it had before is not recorded), and metric
 * evidence recorded after `asOf` is not read. A skipped or not-applicable item without its day counts as such from
 * the UTC day of its `updatedAt` (the record had the status by then); on an earlier day whether it had it is unknown
 * — it is judged as not yet skipped or not applicable, with `statusUnknown: true` and a `why` that says so.
 *
 * @throws {ValidationError} when `asOf` is not a calendar date `YYYY-MM-DD` (path `["asOf"]`).
 * @example
 * ```ts
 * assessItem(item, { asOf: isoDate("2026-11-20"), facts: decodeFacts({}) }).state; // "open" | "closed" | "excluded"
 * ```
 */
export function assessItem(
  item: ChecklistItem,
  options: { readonly asOf: IsoDate; readonly facts: ReadonlyMap<string, Decimal> },
): ItemAssessment {
  checkArguments("assessItem", { item: [item, "object"], options: [options, "object"] });
  checkOptionKeys("assessItem", options, { asOf: 1, facts: 1 } satisfies Record<keyof typeof options, 1>);
  checkArguments("assessItem", { asOf: [options.asOf, "date"] });
  const check = checkEvidenceRule(item, options.facts, { asOf: options.asOf });
  const base = {
    id: item.id,
    title: item.title,
    blocking: item.blocking,
    status: item.status,
    ...(item.code !== undefined ? { code: item.code } : {}),
    ...(item.dueDate !== undefined ? { dueDate: item.dueDate } : {}),
    ...(check ? { evidenceCheck: check } : {}),
  };
  const result = (state: ItemState, done: boolean, why: string, waiverExpired = false, statusUnknown = false): ItemAssessment => ({
    ...base,
    state,
    done,
    why,
    waiverExpired,
    statusUnknown,
  });
  switch (item.status) {
    case "not-applicable":
    case "skipped": {
      const skipped = item.status === "skipped";
      const label = skipped ? "skipped" : "not applicable";
      const day = skipped ? item.skippedOn : item.notApplicableOn;
      // Without its day the record shows the status only from its last change (the RAID log's rule, shared).
      const c = closedSince(item, { label, day, countedAs: "open" }, options.asOf, [], "assess item");
      if (c.closed) return result("excluded", false, `${label}: ${item.statusReason ?? ""}`.trim());
      // Before it the item stood on its evidence: a rule that held on asOf closed it then.
      if (check?.satisfied) return result("closed", true, `evidence rule holds: ${check.explanation}`, false, c.statusUnknown);
      if (!c.statusUnknown) return result("open", false, `${c.why}; its status before is not recorded`);
      return result("open", false, c.why, false, true);
    }
    case "waived": {
      const w = item.waiver;
      // The evidence rule is decisive: facts that prove the work close the item, waiver or not (an expired waiver
      // must not reopen proven work, and proven work is done, not merely waived).
      if (check?.satisfied) return result("closed", true, `evidence rule holds: ${check.explanation}`);
      if (w && afterAsOf(w.grantedAt, options.asOf)) return result("open", false, `waiver granted only on ${w.grantedAt.slice(0, 10)}`);
      if (w && options.asOf <= w.expiresOn) return result("closed", false, `waived by ${w.approvedBy} until ${w.expiresOn}: ${w.reason}`);
      return result("open", false, w ? `waiver by ${w.approvedBy} expired on ${w.expiresOn}` : "waived without a waiver", true);
    }
    default: {
      if (check) {
        if (check.satisfied) return result("closed", true, `evidence rule holds: ${check.explanation}`);
        return result("open", false, `evidence rule fails: ${check.explanation}${item.status === "done" ? " (recorded as done)" : ""}`);
      }
      if (item.status === "done" && item.completedOn !== undefined && item.completedOn > options.asOf) {
        return result("open", false, `done only on ${item.completedOn}, after ${options.asOf}`);
      }
      if (item.status === "done") return result("closed", true, `done on ${item.completedOn ?? "?"}`);
      if (item.status === "blocked") return result("open", false, `blocked: ${item.statusReason ?? ""}`.trim());
      return result("open", false, item.status === "todo" ? "not started" : "in progress");
    }
  }
}
