import { ValidationError, checkArguments, checkOptionKeys, isCurrencyCode } from "../../core/index.js";
import { createReportBuilder, type ImportReport } from "../report.js";
import { parseXmlSafely } from "../xml/parse-xml.js";
import { MSPDI_ARRAYS, readElement, type MspdiElement } from "./element.js";
import { PROJECT_SPEC } from "./spec.js";

/** Options of {@link readMspdi}. */
export interface ReadMspdiOptions {
  /** Currency when the file has no `CurrencyCode` (MS Project 2003 files). Required for those files. */
  readonly currency?: string;
  /** Deepest XML nesting accepted (default 256). */
  readonly maxDepth?: number;
}

/** An MS Project XML file as pmokit reads it: the project element with its mapped fields and lists. */
export interface MspdiDocument {
  /** The currency every money field is in. */
  readonly currency: string;
  /** The `<Project>` element: properties, and the lists `calendars`, `tasks`, `resources`, `assignments`. */
  readonly project: MspdiElement;
}

/**
 * Parses an MSPDI (MS Project XML) text safely and reads what pmokit maps: project properties, calendars, tasks
 * with baselines and time-phased data, resources with cost rate tables and baselines, assignments. Money is ÷100
 * (MSPDI stores hundredths), work and durations are exact seconds. Everything else is listed in the report.
 *
 * @throws {ValidationError} on hostile or malformed XML, a root that is not `<Project>`, or no known currency.
 * @example
 * ```ts
 * const { document, report } = readMspdi(readFileSync("plan.xml", "utf8"));
 * document.project.lists.tasks.length;
 * report.unmapped; // [{ path: "Project/Tasks/Task", element: "Hyperlink", reason: … }, …]
 * ```
 */
export function readMspdi(text: string, options: ReadMspdiOptions = {}): { document: MspdiDocument; report: ImportReport } {
  checkArguments("readMspdi", { options: [options, "object"] });
  checkOptionKeys("readMspdi", options, { currency: 1, maxDepth: 1 } satisfies Record<keyof ReadMspdiOptions, 1>);
  const doc = parseXmlSafely(text, "MSPDI file", { arrays: MSPDI_ARRAYS, ...(options.maxDepth ? { maxDepth: options.maxDepth } : {}) });
  const { root, currency } = mspdiRootAndCurrency(doc, options);
  const report = createReportBuilder("mspdi");
  const project = readElement(root, PROJECT_SPEC, "Project", report, currency);
  for (const key of ["calendars", "tasks", "resources", "assignments"]) report.count(key, project.lists[key]?.length ?? 0);
  return { document: { currency, project }, report: report.finish() };
}

/**
 * The `<Project>` element of a parsed MSPDI tree and the currency of its amounts: its `CurrencyCode`, else
 * `options.currency`.
 *
 * @throws {ValidationError} when the root is not `<Project>` or no ISO 4217 currency is known (path `CurrencyCode`).
 * @internal
 * @example
 * ```ts
 * const { root, currency } = mspdiRootAndCurrency(parseXmlSafely(text, "MSPDI file"), { currency: "EUR" });
 * ```
 */
export function mspdiRootAndCurrency(doc: Record<string, unknown>, options: { readonly currency?: string }): { root: Record<string, unknown>; currency: string } {
  const root = doc["Project"];
  if (root === undefined || typeof root !== "object" || root === null) {
    throw ValidationError.single([], "not an MS Project XML file: the root element is not <Project>", "MSPDI file");
  }
  const code = (root as Record<string, unknown>)["CurrencyCode"];
  const currency = typeof code === "string" && code.trim() !== "" ? code.trim() : options.currency;
  if (currency === undefined || !isCurrencyCode(currency)) {
    throw ValidationError.single(
      ["CurrencyCode"],
      currency === undefined ? "the file has no CurrencyCode; pass options.currency" : `${currency} is not an ISO 4217 code`,
      "MSPDI file",
    );
  }
  return { root: root as Record<string, unknown>, currency };
}
