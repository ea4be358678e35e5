/**
 * The import report: what an importer read, what it mapped and — never silently dropped — what it did not.
 */

/** One piece of the source file that was read but not mapped to a pmokit entity. */
export interface UnmappedItem {
  /** Where it is in the source (`Project/Tasks/Task[UID=3]/Hyperlink`, `SPEC-OBJECT[_1_x]/ATTRIBUTE-VALUE-DATE`). */
  readonly path: string;
  /** What it is (the element or attribute name). */
  readonly element: string;
  /** Why it was not mapped, in plain words. */
  readonly reason: string;
}

/** A problem that did not stop the import (a dangling reference, a value out of range that was clamped). */
export interface ImportWarning {
  /** Where it is in the source. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
  /** Stable code (`dangling-reference`, `unsupported-exception`, …). */
  readonly code: string;
}

/** What an importer tells about one file. */
export interface ImportReport {
  /** The source format (`mspdi`, `reqif`, `csv`, `pmokit-dataset`). */
  readonly format: string;
  /** What was counted in the source (`tasks`, `spec-objects`, …). */
  readonly counts: Readonly<Record<string, number>>;
  /** Source content that has no place in pmokit's model, grouped one entry per element name and path pattern. */
  readonly unmapped: readonly UnmappedItem[];
  /** Problems that did not stop the import. */
  readonly warnings: readonly ImportWarning[];
}

/**
 * A mutable collector the importers fill; `finish()` freezes it into an {@link ImportReport}. Unmapped items
 * with the same path pattern and element are kept once with a count, so a 10,000-task file does not give a
 * 10,000-line report for one ignored field.
 *
 * @example
 * ```ts
 * const r = createReportBuilder("mspdi");
 * r.unmapped("Project/Tasks/Task/Hyperlink", "Hyperlink", "pmokit keeps no task hyperlinks");
 * r.finish().unmapped.length; // 1
 * ```
 */
export function createReportBuilder(format: string): ReportBuilder {
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  const unmapped = new Map<string, { path: string; element: string; reason: string; times: number }>();
  const warnings: ImportWarning[] = [];
  return {
    count(name, n = 1) {
      counts[name] = (counts[name] ?? 0) + n;
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
    finish() {
      return Object.freeze({
        format,
        counts: Object.freeze({ ...counts }),
        unmapped: Object.freeze(
          [...unmapped.values()].map((u) =>
            Object.freeze({ path: u.path, element: u.element, reason: u.times > 1 ? `${u.reason} (${u.times}×)` : u.reason }),
          ),
        ),
        warnings: Object.freeze(warnings.slice()),
      });
    },
  };
}

/** Collects counts, unmapped items and warnings during an import. */
export interface ReportBuilder {
  /** Adds `n` (default 1) to a count. */
  count(name: string, n?: number): void;
  /** Records source content that is not mapped. */
  unmapped(path: string, element: string, reason: string): void;
  /** Records a problem that did not stop the import. */
  warn(path: string, message: string, code: string): void;
  /** The finished, frozen report. */
  finish(): ImportReport;
}
