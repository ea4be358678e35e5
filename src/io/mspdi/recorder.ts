import type { ImportReport, ReportBuilder } from "../report.js";

/** A report builder whose entries can be replayed into another, later and in another order. @internal */
export interface ReportRecorder extends ReportBuilder {
  /** Makes the same calls on `into` (unmapped entries as often as they came, so counts of repeats add up). */
  replayInto(into: ReportBuilder): void;
}

/**
 * Records report entries of one part of a streamed import, so the parts can be put back in the order the
 * whole-document import reports them (a file's tasks are read before its baselines are built, but reported after).
 * @internal
 * @example
 * ```ts
 * const tasks = createReportRecorder();
 * tasks.warn("Task[UID=3]", "task without start date left out", "no-dates");
 * tasks.replayInto(report);
 * ```
 */
export function createReportRecorder(): ReportRecorder {
  const counts = new Map<string, number>();
  const unmapped = new Map<string, { path: string; element: string; reason: string; times: number }>();
  const warnings: { path: string; message: string; code: string }[] = [];
  return {
    count(name, n = 1) {
      counts.set(name, (counts.get(name) ?? 0) + n);
    },
    unmapped(path, element, reason) {
      const key = `${path}\u0000${element}`;
      const hit = unmapped.get(key);
      if (hit) hit.times++;
      else unmapped.set(key, { path, element, reason, times: 1 });
    },
    warn(path, message, code) {
      warnings.push({ path, message, code });
    },
    finish(): ImportReport {
      throw new Error("a report recorder is replayed, not finished");
    },
    replayInto(into) {
      for (const [name, n] of counts) into.count(name, n);
      for (const u of unmapped.values()) for (let i = 0; i < u.times; i++) into.unmapped(u.path, u.element, u.reason);
      for (const w of warnings) into.warn(w.path, w.message, w.code);
    },
  };
}
