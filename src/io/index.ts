/**
 * pmokit/io: bring the office's existing files in and out — MS Project XML (MSPDI), ReqIF (`.reqif`, `.reqifz`),
 * CSV (requests, requirements, cost entries, checklist items) and the pmokit dataset (the whole office in one JSON
 * file). Importers parse untrusted files safely, return validated entities plus an import report (what was not
 * mapped, never silently dropped) and write nothing; `writeImportedRecords` stores a whole import in one transaction.
 *
 * @module
 */
export * from "./report.js";
export * from "./records.js";
export { writeImportedRecords, writeImportedBatches, writeImportedStream, readAllRecords } from "./write.js";
export { parseXmlSafely, decodeXmlText, type SafeXmlOptions } from "./xml/parse-xml.js";
export * from "./dataset/dataset.js";
export { readMspdi, type ReadMspdiOptions, type MspdiDocument } from "./mspdi/read.js";
export { writeMspdi } from "./mspdi/write.js";
export { mspdiToPmokit, type MspdiMappingOptions } from "./mspdi/map.js";
export type { MspdiPercentLagUnit } from "./mspdi/context.js";
export { importMspdiBatches, type ImportMspdiBatchOptions } from "./mspdi/stream.js";
export { pmokitToMspdi, type ProjectPlan, type MspdiExportOptions } from "./mspdi/export.js";
export { mspdiLevelingDelays, type MspdiLevelingDelay } from "./mspdi/leveling.js";
export { resolveMspdiCalendar, expandMspdiException, mspdiExceptionProblem, type MspdiCalendar } from "./mspdi/calendar.js";
export type { MspdiElement } from "./mspdi/element.js";
export { parseMspdiDuration, formatMspdiDuration, durationHours, type MspdiDuration, type MspdiValue } from "./mspdi/values.js";
export * from "./reqif/model.js";
export { readReqif } from "./reqif/read.js";
export { writeReqif } from "./reqif/write.js";
export { reqifToPmokit, type ReqifMappingOptions, type ReqifImport, type OutlineDocument, type OutlineNode } from "./reqif/map.js";
export { requirementsToReqif, type RequirementsToReqifOptions } from "./reqif/export.js";
export { unzipReqifz, zipReqifz, type UnzipReqifzOptions, type ReqifzContent } from "./reqif/zip.js";
export { xhtmlToPlainText } from "./reqif/xhtml.js";
export { importCsv, exportCsv, csvProblems, type ImportCsvOptions, type ExportCsvOptions, type CsvProblem } from "./csv/csv.js";
export type { CsvRowOptions } from "./csv/rows.js";
export { CSV_PROFILES, type CsvKind, type CsvProfile } from "./csv/profiles.js";
export { importCsvBatches, type ImportCsvBatchOptions } from "./csv/stream.js";
export { neutraliseCell, restoreCell, type CsvDelimiter } from "./csv/neutralise.js";
export type { CsvDecimalMark } from "./csv/decimal-mark.js";
export type { CsvBooleanWords, CsvDateFormat } from "./csv/locale-cells.js";
export { readImportFile, type ReadImportFileOptions } from "./files.js";
export { readImportChunks } from "./files.js";
export { utf8ErrorOffset } from "./utf8.js";
export { readXlsx, type ReadXlsxOptions, type XlsxSheetData } from "./xlsx/read.js";
export type { XlsxLimits } from "./xlsx/limits.js";
export type { XlsxFormatLocale } from "./xlsx/number-format.js";
export type { XlsxMergedCells } from "./xlsx/merged-cells.js";
export { importXlsx, importXlsxWorkbook, type ImportXlsxOptions, type XlsxSheetMapping } from "./xlsx/import.js";
export { exportXlsx, xlsxTemplate } from "./xlsx/write.js";
export { XLSX_MAX_CELL_CHARS } from "../core/xstring.js";
export { trackerDate, type TrackerItem, type TrackerSprint, type TrackerStatusCategory, type TrackerDateFormat } from "./trackers/item.js";
export { JIRA_CSV_PROFILE, JIRA_JSON_PROFILE, AZURE_DEVOPS_CSV_PROFILE, AZURE_DEVOPS_JSON_PROFILE, GITHUB_PROJECTS_PROFILE, type TrackerProfile, type TrackerField } from "./trackers/profiles.js";
export { trackerProfileSchema, readTrackerProfile } from "./trackers/profile-schema.js";
export { readTrackerCsv, readTrackerJson, type TrackerExport, type ReadTrackerOptions } from "./trackers/read.js";
export { trackerToPmokit, type TrackerMappingOptions } from "./trackers/map.js";
export { scheduleInputFromPlan, type PlanRecords, type PlanScheduleOptions, type PlanScheduleInput } from "./plan/schedule-input.js";
export { scheduleRiskModelFromPlan, type PlanRiskLeftOut, type PlanRiskRecords } from "./plan/risk-model.js";
