import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { exportCsv, pmokitToMspdi, writeMspdi } from "../../src/io/index.js";
import { sampleOfficeRecords } from "../../src/office/index.js";

/**
 * The files the guides' blocks read by name, as a reader would have them in their working folder: an MS Project
 * plan (the sample's CRM project, exported), a ReqIF file from a requirements tool (Polarion's, from the shared
 * fixtures), cost entries as CSV and as a hand-made workbook with a two-row header, a Jira CSV export, and a
 * YouTrack JSON export with the user's own profile for it.
 */
export async function workFiles(root: string): Promise<Record<string, string | Uint8Array>> {
  const office = sampleOfficeRecords();
  const crm = (xs: readonly { projectId?: string }[]) => xs.filter((x) => x.projectId === "PRJ-CRM");
  const { document } = pmokitToMspdi({
    project: office.project.find((p) => p.id === "PRJ-CRM")!,
    workPackages: crm(office["work-package"]) as typeof office["work-package"],
    milestones: crm(office.milestone) as typeof office.milestone,
    baselines: crm(office.baseline) as typeof office.baseline,
    costEntries: crm(office["cost-entry"]) as typeof office["cost-entry"],
  });
  return {
    "plan.xml": writeMspdi(document),
    "requirements.reqif": readFileSync(join(root, "../shared/fixtures/reqif/polarion_reqif-roundtrip_anonymized-srs.reqif")),
    "costs.csv": exportCsv("cost-entry", office["cost-entry"]),
    "costs.xlsx": await costWorkbook(),
    "jira.csv": JIRA_CSV,
    "youtrack.json": JSON.stringify(YOUTRACK_PROFILE, null, 2),
    "issues.json": JSON.stringify({ data: YOUTRACK_ISSUES }),
  };
}

/** Invoices kept by hand: a merged `amount` header over amount and currency, dates as date cells. */
async function costWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("Costs");
  ws.getRow(1).values = ["Invoice", "amount", "", "Project", "Booked", "Kind", "Capex/Opex"];
  ws.getRow(2).values = ["", "amount", "currency"];
  ws.mergeCells("B1:C1");
  for (const col of ["A", "D", "E", "F", "G"]) ws.mergeCells(`${col}1:${col}2`);
  ws.addRow(["BC-2026-1187", 18450, "EUR", "PRJ-CRM", new Date(Date.UTC(2026, 9, 30)), "contractors", "capex"]);
  ws.addRow(["BC-2026-1204", "2310.75", "EUR", "PRJ-CRM", new Date(Date.UTC(2026, 10, 13)), "contractors", "capex"]);
  ws.addRow(["TRV-0098", "-120.00", "EUR", "PRJ-CRM", "2026-11-16", "travel", "opex"]);
  for (const cell of ["E3", "E4"]) ws.getCell(cell).numFmt = "dd.mm.yyyy";
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Jira's "Export Excel CSV (all fields)": two Sprint columns, Jira's dates, parents by key (as the profile reads). */
const JIRA_CSV = [
  "Summary,Issue key,Issue id,Issue Type,Status,Status Category,Resolved,Sprint,Sprint,Custom field (Story point estimate),Parent,Parent summary",
  "Lead capture,CRM-1,10001,Epic,In Progress,In Progress,,,,,,",
  "Web form to lead,CRM-2,10002,Story,Done,Done,03/Nov/26 4:10 PM,CRM Sprint 6,CRM Sprint 7,5,CRM-1,Lead capture",
  "Dedupe leads,CRM-3,10003,Story,Closed,Done,10/Nov/26 9:00 AM,CRM Sprint 7,,3,CRM-1,Lead capture",
  "Lead scoring,CRM-4,10004,Story,In Review,In Progress,,CRM Sprint 8,,8,CRM-1,Lead capture",
  "Lead routing,CRM-5,10005,Story,To Do,To Do,,,,2,CRM-1,Lead capture",
  "Write API test,CRM-6,10006,Sub-task,Done,Done,02/Nov/26 1:00 PM,,,,CRM-2,Web form to lead",
  "Fix login banner,CRM-7,10007,Bug,Done,Done,01/Nov/26 1:00 PM,,,1,,",
].join("\r\n");

/** A profile for a tool none of the built-ins knows, kept as JSON beside its export (docs/interop.md, "Your own profile"). */
const YOUTRACK_PROFILE = {
  tool: "youtrack",
  itemsPath: "data",
  fields: { key: ["idReadable"], title: ["summary"], type: ["type"], status: ["state"], parent: ["parent", "idReadable"], points: ["estimate"], resolved: ["resolvedAt"] },
  packageTypes: ["Epic"],
  doneStates: ["Fixed", "Verified"],
  inProgressStates: ["In Progress"],
  toDoStates: ["Submitted", "Open"],
  dateFormat: "iso",
};

const YOUTRACK_ISSUES = [
  { idReadable: "YT-1", summary: "Checkout", type: "Epic", state: "Open" },
  { idReadable: "YT-2", summary: "Pay by card", type: "Task", state: "Fixed", parent: { idReadable: "YT-1" }, estimate: 3, resolvedAt: "2026-11-05" },
  { idReadable: "YT-3", summary: "Pay by invoice", type: "Task", state: "Open", parent: { idReadable: "YT-1" }, estimate: 5 },
];
