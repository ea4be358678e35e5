/**
 * Builds the sample office: the IT project management office of Northwind Logistics, a mid-size logistics company
 * (about 2,000 staff, head office in Hamburg, distribution centres in Hamburg, Rotterdam and Poznań), reporting in
 * EUR, as of the status date 2026-11-20.
 *
 * Run `npx tsx examples/data/build-office.ts` to (re)write `examples/data/<kind>.json`. The build is deterministic:
 * no clock, no randomness. The human content (names, business cases, requirements, risks) is written by hand below;
 * the repetitive numbers (monthly budget slices, weekly progress, monthly actual costs, budget lines) come from the
 * small helpers at the top. Every record is decoded through its schema and re-encoded before it is written, so the
 * files hold the canonical wire form.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeEntity, encodeEntity, entityKindNames, requirementFingerprint, type EntityKind, type WireOf } from "../../src/index.js";
import { NETWORK, RISK_IMPACTS, buildAssignments, buildResources, durationEstimateFor } from "./schedule-network.js";

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Constants
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** The status date of the office: progress and actual costs go up to this day and no further. */
export const STATUS_DATE = "2026-11-20";

/** The date the published status reports are as of. */
const REPORT_AS_OF = "2026-10-30";

/** The instant the office snapshot was last touched (updatedAt of records that change with progress). */
const SNAPSHOT = "2026-11-20T17:30:00.000Z";

const CURRENCY = "EUR";

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Small helpers: dates, money, allocation
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC, so no time zone or clock is involved). */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `a` to `b`, both inclusive. */
function spanDays(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a) + 1;
}

function endOfMonth(date: string): string {
  return fromDayNumber(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
function isoWeekday(date: string): number {
  const w = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The last Monday–Friday day on or before `date`. */
function workdayOnOrBefore(date: string): string {
  let d = date;
  while (isoWeekday(d) > 5) d = addDays(d, -1);
  return d;
}

/**
 * The weekly reporting days from `from` to `to`, inclusive: every Friday, or the Thursday before when the Friday is a
 * public holiday (Good Friday, Labour Day…).
 */
function fridays(from: string, to: string): string[] {
  const holidays = new Set(HOLIDAYS.map(([d]) => d));
  const out: string[] = [];
  let d = from;
  while (isoWeekday(d) !== 5) d = addDays(d, 1);
  for (; d <= to; d = addDays(d, 7)) {
    const day = holidays.has(d) ? addDays(d, -1) : d;
    if (day >= from) out.push(day);
  }
  return out;
}

/**
 * A small seeded PRNG (mulberry32): the same seed always gives the same sequence. Used only to make monthly actual
 * costs vary a little from month to month, as real bookings do.
 */
function seededRandom(seedText: string): () => number {
  let a = fnv1a32(seedText, 0);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fiscal quarter label of a date (the fiscal year starts in January, so calendar quarters): `2026-Q4`. */
function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A UTC instant on a day: `2026-03-02T09:00:00.000Z`. */
function at(date: string, time = "09:00"): string {
  return `${date}T${time}:00.000Z`;
}

/** The calendar-month pieces of `start`–`finish` (both inclusive). */
function monthPieces(start: string, finish: string): { start: string; finish: string; days: number }[] {
  const out: { start: string; finish: string; days: number }[] = [];
  for (let s = start; s <= finish; ) {
    const f = endOfMonth(s) < finish ? endOfMonth(s) : finish;
    out.push({ start: s, finish: f, days: spanDays(s, f) });
    s = addDays(f, 1);
  }
  return out;
}

/**
 * Splits an integer total into integer parts proportional to the weights (largest remainder, ties to the earlier
 * part), so the parts always add up to the total exactly.
 */
function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map((r) => Math.floor(r));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    parts[i] = parts[i]! + 1;
    rest--;
  }
  return parts;
}

type MoneyWire = { amount: string; currency: string };

/** Money from integer cents, in the wire form. */
function cents(c: number, currency = CURRENCY): MoneyWire {
  const sign = c < 0 ? "-" : "";
  const a = Math.abs(c);
  return { amount: `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`, currency };
}

/** Money from euros (up to two decimals), in the wire form. */
function eur(euros: number): MoneyWire {
  return cents(Math.round(euros * 100));
}

/** 32-bit FNV-1a of a string, with a seed mixed into the offset basis. */

/** 32-bit FNV-1a of a string, with a seed mixed into the offset basis (seeds the PRNG below). */
function fnv1a32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The stored-entity fields of a record: version 1 and fixed instants. */
function stored(id: string, createdAt: string, updatedAt: string = createdAt) {
  if (updatedAt < createdAt) throw new Error(`${id}: updatedAt ${updatedAt} before createdAt ${createdAt}`);
  return { id, version: 1, createdAt, updatedAt };
}

/** `{ key: value }` when the value is defined, `{}` otherwise (for optional fields under exactOptionalPropertyTypes). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

type W<K extends EntityKind> = WireOf<K>;
type Category = W<"cost-entry">["category"];
type Expenditure = W<"cost-entry">["expenditure"];
type EarningRuleWire = W<"work-package">["earningRule"];
type ProgressWire = W<"work-package">["progress"][number];
type Role = W<"person">["roles"][number];
type Raci = NonNullable<W<"project">["stakeholders"]>[number]["raci"];

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// People
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

interface PersonSpec {
  id: string;
  name: string;
  roles: Role[];
  unit: string;
  manager?: string;
  skills?: string[];
  power?: number;
  interest?: number;
  engagement?: [NonNullable<W<"person">["engagement"]>["current"], NonNullable<W<"person">["engagement"]>["desired"]];
  email?: string | false;
  active?: boolean;
  notes: string;
}

const PEOPLE: PersonSpec[] = [
  // Executive sponsors
  { id: "p-katrin-vogel", name: "Katrin Vogel", roles: ["sponsor"], unit: "Executive Board – IT", power: 5, interest: 5,
    engagement: ["leading", "leading"], notes: "Chief Information Officer. Sponsor of the data centre exit; chairs the IT portfolio board." },
  { id: "p-ana-costa", name: "Ana Costa", roles: ["sponsor"], unit: "Executive Board – Sales", power: 5, interest: 5,
    engagement: ["supportive", "leading"], notes: "Chief Commercial Officer. Sponsor of the CRM replacement and the Customer & Order-to-Cash programme." },
  { id: "p-markus-brandt", name: "Markus Brandt", roles: ["sponsor"], unit: "Executive Board – Finance", power: 5, interest: 3,
    engagement: ["neutral", "supportive"], notes: "Chief Financial Officer. Sponsor of e-invoicing; sees IT mostly through the budget." },
  { id: "p-henrik-larsen", name: "Henrik Larsen", roles: ["sponsor"], unit: "Executive Board – Operations", power: 5, interest: 4,
    engagement: ["neutral", "leading"], notes: "Chief Operating Officer. Sponsor of the WMS upgrade; frustrated by the pilot slip and wants weekly updates." },
  // PMO and programme / project management
  { id: "p-sofia-marino", name: "Sofia Marino", roles: ["portfolio-manager"], unit: "IT – Project Management Office", manager: "p-katrin-vogel",
    skills: ["project-management", "portfolio-management"], power: 4, interest: 5, engagement: ["leading", "leading"],
    notes: "Head of the PMO; owns the IT portfolio and the intake process." },
  { id: "p-emma-fischer", name: "Emma Fischer", roles: ["pmo-analyst"], unit: "IT – Project Management Office", manager: "p-sofia-marino",
    skills: ["reporting", "finance"], notes: "Runs the monthly status cycle, cost reconciliation and the RAID log reviews." },
  { id: "p-jonas-weber", name: "Jonas Weber", roles: ["programme-manager"], unit: "IT – Project Management Office", manager: "p-sofia-marino",
    skills: ["project-management"], power: 3, interest: 5, engagement: ["leading", "leading"],
    notes: "Programme manager, Customer & Order-to-Cash (CRM, e-invoicing)." },
  { id: "p-leila-haddad", name: "Leila Haddad", roles: ["programme-manager"], unit: "IT – Project Management Office", manager: "p-sofia-marino",
    skills: ["project-management", "cloud"], power: 3, interest: 5, engagement: ["supportive", "leading"],
    notes: "Programme manager, Operations & Platform Modernisation (WMS, data centre exit)." },
  { id: "p-rui-almeida", name: "Rui Almeida", roles: ["project-manager"], unit: "IT – Project Management Office", manager: "p-jonas-weber",
    skills: ["project-management", "crm-dynamics"], notes: "Project manager of the CRM replacement." },
  { id: "p-claudia-schmitt", name: "Claudia Schmitt", roles: ["project-manager"], unit: "IT – Project Management Office", manager: "p-jonas-weber",
    skills: ["project-management", "sap-fi"], notes: "Project manager of e-invoicing; former SAP FI consultant." },
  { id: "p-tomasz-nowak", name: "Tomasz Nowak", roles: ["project-manager"], unit: "IT – Project Management Office", manager: "p-leila-haddad",
    skills: ["project-management", "wms"], notes: "Project manager of the WMS upgrade; based in Poznań." },
  { id: "p-frank-meyer", name: "Frank Meyer", roles: ["project-manager"], unit: "IT – Project Management Office", manager: "p-leila-haddad",
    skills: ["project-management", "cloud", "network"], notes: "Project manager of the data centre exit." },
  // Business side
  { id: "p-ingrid-berg", name: "Ingrid Berg", roles: ["product-owner", "key-user"], unit: "Sales Operations", manager: "p-ana-costa",
    skills: ["business-analysis"], power: 3, interest: 5, engagement: ["leading", "leading"],
    notes: "Head of Sales Operations; product owner of the new CRM." },
  { id: "p-greta-lindqvist", name: "Greta Lindqvist", roles: ["key-user", "end-user"], unit: "Inside Sales Hamburg", manager: "p-ingrid-berg",
    power: 2, interest: 4, engagement: ["neutral", "supportive"], notes: "Inside sales team lead; CRM key user for quotes." },
  { id: "p-sabine-wolf", name: "Sabine Wolf", roles: ["key-user", "end-user"], unit: "Finance – Accounts Receivable", manager: "p-markus-brandt",
    skills: ["sap-fi"], power: 2, interest: 5, engagement: ["supportive", "supportive"],
    notes: "Accounts receivable lead; e-invoicing key user." },
  { id: "p-pieter-dejong", name: "Pieter de Jong", roles: ["key-user", "end-user"], unit: "Distribution Centre Rotterdam", manager: "p-henrik-larsen",
    skills: ["wms"], power: 2, interest: 5, engagement: ["resistant", "supportive"],
    notes: "Shift supervisor in Rotterdam; worried the new scanners slow his teams down during peak season." },
  // IT delivery
  { id: "p-david-mensah", name: "David Mensah", roles: ["business-analyst"], unit: "IT – Business Applications", manager: "p-jonas-weber",
    skills: ["business-analysis", "data-migration"], notes: "Business analyst on CRM and WMS." },
  { id: "p-yusuf-demir", name: "Yusuf Demir", roles: ["architect"], unit: "IT – Architecture", manager: "p-katrin-vogel",
    skills: ["architecture", "integration", "cloud"], power: 3, interest: 4, engagement: ["supportive", "supportive"],
    notes: "Enterprise architect; design authority for all four running projects." },
  { id: "p-lena-hoffmann", name: "Lena Hoffmann", roles: ["developer"], unit: "IT – Integration", manager: "p-yusuf-demir",
    skills: ["integration", "java", "sap-fi"], notes: "Integration developer (Azure Functions, SAP IDocs)." },
  { id: "p-marco-rossi", name: "Marco Rossi", roles: ["developer"], unit: "IT – Business Applications", manager: "p-yusuf-demir",
    skills: ["crm-dynamics", "integration"], notes: "Dynamics 365 developer." },
  { id: "p-olga-petrova", name: "Olga Petrova", roles: ["dba"], unit: "IT – Infrastructure", manager: "p-stefan-krause",
    skills: ["dba", "sql", "data-migration"], notes: "Database administrator; owns the SalesBase extract and the ERP databases." },
  { id: "p-stefan-krause", name: "Stefan Krause", roles: ["operations"], unit: "IT – Infrastructure", manager: "p-katrin-vogel",
    skills: ["network", "cloud", "operations"], power: 4, interest: 4, engagement: ["supportive", "leading"],
    notes: "Head of IT operations; accepts every service into run." },
  { id: "p-aylin-yilmaz", name: "Aylin Yilmaz", roles: ["qa"], unit: "IT – Quality Assurance", manager: "p-yusuf-demir",
    skills: ["testing"], notes: "Test lead for CRM and e-invoicing." },
  { id: "p-joana-silva", name: "Joana Silva", roles: ["help-desk"], unit: "IT – Service Desk", manager: "p-stefan-krause",
    skills: ["service-desk"], power: 2, interest: 4, engagement: ["neutral", "supportive"],
    notes: "Service desk lead (12 agents, Hamburg and Poznań)." },
  { id: "p-paul-richter", name: "Paul Richter", roles: ["trainer", "change-manager"], unit: "HR – Learning & Development", manager: "p-markus-brandt",
    skills: ["training", "change-management"], notes: "Trainer and change manager; runs train-the-trainer for key users." },
  { id: "p-ben-okafor", name: "Ben Okafor", roles: ["security"], unit: "IT – Information Security", manager: "p-katrin-vogel",
    skills: ["security"], power: 4, interest: 3, engagement: ["neutral", "supportive"],
    notes: "Information security officer; NIS2 contact point with the BSI." },
  { id: "p-nora-lindberg", name: "Nora Lindberg", roles: ["vendor"], unit: "Brightline Consulting (CRM integrator)",
    email: "nora.lindberg@brightline-consulting.example", power: 2, interest: 4, engagement: ["supportive", "supportive"],
    notes: "Engagement manager of the CRM integration partner." },
  { id: "p-jan-kowalski", name: "Jan Kowalski", roles: ["developer"], unit: "IT – Business Applications", manager: "p-yusuf-demir",
    skills: ["java", "sql"], active: false, notes: "Maintained SalesBase for ten years; left the company on 2026-07-31." },
];

function buildPeople(): W<"person">[] {
  return PEOPLE.map((p) => {
    const [first, ...rest] = p.name.toLowerCase().replace(/\s+/g, " ").split(" ");
    const email = p.email === false ? undefined : (p.email ?? `${first}.${rest.join("")}@northwind-logistics.example`);
    return {
      ...stored(p.id, at("2025-06-02", "08:00"), p.active === false ? at("2026-07-31", "16:00") : at("2025-06-02", "08:00")),
      name: p.name,
      ...opt("email", email),
      roles: p.roles,
      organisationUnit: p.unit,
      ...opt("managerId", p.manager),
      skills: p.skills ?? [],
      ...opt("power", p.power),
      ...opt("interest", p.interest),
      ...opt("engagement", p.engagement && { current: p.engagement[0], desired: p.engagement[1] }),
      active: p.active ?? true,
      notes: p.notes,
    };
  });
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Portfolio and programmes
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

const PORTFOLIO_ID = "pf-northwind-it";
const PG_O2C = "pg-order-to-cash";
const PG_OPS = "pg-ops-platform";

function buildPortfolio(): W<"portfolio">[] {
  return [{
    ...stored(PORTFOLIO_ID, at("2025-06-02", "08:00"), at("2026-01-12", "08:00")),
    name: "Northwind IT Portfolio",
    description:
      "All IT-enabled change at Northwind Logistics: project requests from the business, the two change programmes and the " +
      "projects they run. Reviewed monthly by the IT portfolio board (CIO, CFO, COO, CCO); the yearly intake for the next " +
      "fiscal year closes at the end of November.",
    ownerId: "p-sofia-marino",
    currency: CURRENCY,
    fiscalYearStartMonth: 1,
    strategicObjectives: [
      { id: "so-customer", name: "Win and keep customers with one customer view and faster quotes", weight: "0.3" },
      { id: "so-efficiency", name: "Cut cost-to-serve per shipment by 8% by 2029", weight: "0.3" },
      { id: "so-compliance", name: "Stay compliant and secure (e-invoicing, NIS2, GDPR)", weight: "0.25" },
      { id: "so-platform", name: "Modernise the platform: out of our own data centre by end of 2027", weight: "0.15" },
    ],
  }];
}

function buildProgrammes(): W<"programme">[] {
  return [
    {
      ...stored(PG_O2C, at("2025-11-24"), at("2026-03-16")),
      portfolioId: PORTFOLIO_ID,
      name: "Customer & Order-to-Cash",
      description: "Everything between a customer's first enquiry and the paid invoice: CRM, quoting, e-invoicing, customer self-service.",
      sponsorId: "p-ana-costa",
      managerId: "p-jonas-weber",
      objectives: [
        "One customer view for sales and customer service by Q1 2027",
        "Standard quotes within one working day",
        "Compliant e-invoicing from 2027-01-01",
      ],
      status: "active",
    },
    {
      ...stored(PG_OPS, at("2025-11-24"), at("2026-08-24")),
      portfolioId: PORTFOLIO_ID,
      name: "Operations & Platform Modernisation",
      description: "Warehouse systems and the infrastructure under them: the WMS upgrade and the move out of the Billbrook data centre.",
      sponsorId: "p-henrik-larsen",
      managerId: "p-leila-haddad",
      objectives: [
        "Supported, patched warehouse systems and devices at all three distribution centres",
        "Data centre empty and handed back before the lease ends on 2027-12-31",
        "Labour hours per order line down 6% by 2028",
      ],
      status: "active",
    },
  ];
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Project requests (demand)
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** The scoring criteria the requests are rated on (1–5). `complexity` is a cost criterion: 5 is the hardest. */
export const SCORING_CRITERIA = ["strategic-fit", "financial-value", "risk-reduction", "urgency", "complexity"] as const;

type RequestStatus = W<"request">["status"];
type BenefitCategory = NonNullable<W<"request">["benefits"]>[number]["category"];

interface BenefitSpec {
  id: string;
  category: BenefitCategory;
  description: string;
  /** Euros by fiscal year, FY2027… */
  amounts?: Record<string, number>;
  measure?: string;
  confidence: string;
  note?: string;
}

interface RequestSpec {
  id: string;
  title: string;
  sponsor: string;
  requester?: string;
  purpose: string;
  need: string;
  benefits: BenefitSpec[];
  /** [period, expenditure, category, euros] */
  cost: [string, Expenditure, Category, number][];
  /** [skill, period, hours] */
  effort: [string, string, number][];
  dependsOn?: string[];
  mandatory?: string;
  /** Ratings in SCORING_CRITERIA order, with an optional note per criterion. */
  ratings?: [number, number, number, number, number];
  ratingNotes?: Partial<Record<(typeof SCORING_CRITERIA)[number], string>>;
  objectives: string[];
  targetStart?: string;
  created: string;
  /** [to, date, by, reason?], oldest first, starting from draft. */
  history: [RequestStatus, string, string, string?][];
  converted?: string;
}

const REQUESTS: RequestSpec[] = [
  {
    id: "REQ-2026-001",
    title: "Replace the SalesBase CRM",
    sponsor: "p-ana-costa",
    requester: "p-ingrid-berg",
    purpose:
      "Replace SalesBase, the in-house CRM built in 2009, with a standard SaaS CRM so that inside sales, field sales, key " +
      "account management and customer service share one customer view, one pipeline and one quote process across Germany, " +
      "the Benelux and Poland.",
    need:
      "SalesBase runs on a database release that loses vendor support in June 2027 and only two people can still change it " +
      "(one of them leaves in 2026). Sales keeps parallel Excel pipelines, a standard freight quote takes 2.5 working days " +
      "against one day at our main competitors, and we lost four tenders in 2025 partly because account history was spread " +
      "over SalesBase, the ERP and personal mailboxes.",
    benefits: [
      { id: "b-win-rate", category: "revenue", description: "Gross margin from a 1.5 percentage-point higher win rate on tenders and contract logistics quotes.",
        amounts: { FY2027: 420_000, FY2028: 950_000, FY2029: 1_100_000 }, confidence: "0.6",
        note: "Margin, not revenue: 9% contribution margin on the additional freight volume." },
      { id: "b-retire-salesbase", category: "cost-reduction", description: "SalesBase hosting, database licences and support contract no longer needed.",
        amounts: { FY2027: 90_000, FY2028: 180_000, FY2029: 180_000 }, confidence: "0.9" },
      { id: "b-quote-speed", category: "competitive", description: "Standard quotes out within one working day.",
        measure: "Median quote turnaround in working days (target 1.0, today 2.5)", confidence: "0.7" },
    ],
    cost: [
      ["FY2026", "capex", "contractors", 520_000], ["FY2026", "capex", "labour", 160_000], ["FY2026", "opex", "labour", 120_000],
      ["FY2026", "opex", "software", 60_000], ["FY2027", "capex", "contractors", 180_000], ["FY2027", "opex", "training", 63_000],
      ["FY2027", "opex", "software", 330_000], ["FY2028", "opex", "software", 340_000], ["FY2029", "opex", "software", 350_000],
    ],
    effort: [
      ["crm-dynamics", "FY2026", 2400], ["integration", "FY2026", 1600], ["data-migration", "FY2026", 900],
      ["business-analysis", "FY2026", 1200], ["testing", "FY2026", 800], ["crm-dynamics", "FY2027", 400],
      ["training", "FY2027", 600], ["testing", "FY2027", 500],
    ],
    ratings: [5, 4, 4, 4, 4],
    ratingNotes: { urgency: "Database support ends June 2027.", complexity: "Three integrations and a 15-year-old data set." },
    objectives: ["so-customer", "so-platform"],
    targetStart: "2026-03-02",
    created: "2025-09-08",
    history: [
      ["submitted", "2025-09-15", "p-ana-costa"],
      ["in-review", "2025-10-01", "p-sofia-marino", "Scheduled for the October portfolio board."],
      ["approved", "2025-11-20", "p-sofia-marino", "Approved by the IT portfolio board on 2025-11-20 (rank 2 of the FY2026 intake)."],
      ["converted", "2026-02-16", "p-sofia-marino", "Converted to PRJ-CRM after vendor selection (Dynamics 365 Sales)."],
    ],
    converted: "PRJ-CRM",
  },
  {
    id: "REQ-2026-002",
    title: "Upgrade the warehouse management system and RF scanners",
    sponsor: "p-henrik-larsen",
    requester: "p-pieter-dejong",
    purpose:
      "Upgrade the warehouse management system at the Hamburg, Rotterdam and Poznań distribution centres from the on-premises " +
      "2019 release to the vendor's cloud edition, and replace the 360 end-of-life RF handheld scanners and the Wi-Fi they use.",
    need:
      "The 2019 release leaves mainstream support on 2027-06-30. The scanners run Windows Embedded, which no longer receives " +
      "security patches, and 14% of them are out of service on an average day. Rotterdam's pick rate is 11% below the group " +
      "benchmark because the old release cannot release waves across zones or interleave tasks.",
    benefits: [
      { id: "b-labour", category: "cost-reduction", description: "6% fewer labour hours per order line from wave picking and task interleaving.",
        amounts: { FY2027: 240_000, FY2028: 610_000, FY2029: 640_000 }, confidence: "0.65" },
      { id: "b-supported", category: "risk-reduction", description: "Supported, patched WMS and devices.",
        measure: "Critical vulnerabilities open on warehouse devices (target 0, today 37)", confidence: "0.9" },
    ],
    cost: [
      ["FY2026", "capex", "contractors", 780_000], ["FY2026", "capex", "hardware", 396_000], ["FY2026", "capex", "labour", 50_000],
      ["FY2026", "opex", "labour", 140_000], ["FY2026", "capex", "services", 96_000], ["FY2027", "capex", "services", 180_000],
      ["FY2027", "opex", "labour", 70_000], ["FY2027", "opex", "training", 75_000], ["FY2027", "opex", "cloud", 210_000],
      ["FY2028", "opex", "cloud", 215_000], ["FY2029", "opex", "cloud", 220_000],
    ],
    effort: [
      ["wms", "FY2026", 3000], ["integration", "FY2026", 1400], ["testing", "FY2026", 900], ["network", "FY2026", 400],
      ["wms", "FY2027", 900], ["training", "FY2027", 700],
    ],
    ratings: [4, 4, 4, 5, 5],
    ratingNotes: { complexity: "Three sites, peak-season constraints, new hardware." },
    objectives: ["so-efficiency", "so-platform"],
    targetStart: "2026-01-12",
    created: "2025-07-21",
    history: [
      ["submitted", "2025-08-04", "p-henrik-larsen"],
      ["in-review", "2025-08-18", "p-sofia-marino"],
      ["approved", "2025-10-16", "p-sofia-marino", "Approved by the IT portfolio board on 2025-10-16 (rank 1 of the FY2026 intake)."],
      ["converted", "2025-12-15", "p-sofia-marino", "Converted to PRJ-WMS."],
    ],
    converted: "PRJ-WMS",
  },
  {
    id: "REQ-2026-003",
    title: "E-invoicing for the 2027 German B2B obligation",
    sponsor: "p-markus-brandt",
    requester: "p-sabine-wolf",
    purpose:
      "Issue structured e-invoices (EN 16931: XRechnung and ZUGFeRD) from the ERP for all domestic B2B customers, receive and " +
      "book incoming e-invoices without re-keying, and archive both in a GoBD-compliant way.",
    need:
      "From 1 January 2027 companies with a prior-year turnover above EUR 800,000 must issue e-invoices for domestic B2B " +
      "sales; receiving them has been mandatory since 1 January 2025 and today our accounts payable team opens the XML by hand. " +
      "About 210,000 outgoing and 38,000 incoming invoices a year are affected.",
    benefits: [
      { id: "b-compliance", category: "regulatory", description: "Compliant with the German B2B e-invoicing obligation from 2027-01-01.",
        measure: "Share of domestic B2B invoices issued as EN 16931 e-invoices (target 100% from 2027-01-01)", confidence: "0.95" },
      { id: "b-ap-keying", category: "cost-reduction", description: "No manual keying of incoming supplier invoices (38,000 a year).",
        amounts: { FY2027: 85_000, FY2028: 120_000, FY2029: 120_000 }, confidence: "0.75" },
    ],
    cost: [
      ["FY2026", "capex", "contractors", 274_000], ["FY2026", "capex", "labour", 112_000], ["FY2026", "opex", "services", 84_000],
      ["FY2026", "opex", "training", 26_000], ["FY2026", "opex", "labour", 72_000], ["FY2027", "opex", "services", 48_000],
      ["FY2028", "opex", "services", 48_000], ["FY2029", "opex", "services", 48_000],
    ],
    effort: [["sap-fi", "FY2026", 1600], ["integration", "FY2026", 600], ["testing", "FY2026", 500], ["training", "FY2026", 200]],
    mandatory:
      "German Growth Opportunities Act (Wachstumschancengesetz): structured e-invoices are mandatory for domestic B2B sales " +
      "from 2027-01-01 for companies with a prior-year turnover above EUR 800,000.",
    ratings: [3, 2, 5, 5, 3],
    ratingNotes: { urgency: "Legal deadline 2027-01-01." },
    objectives: ["so-compliance"],
    targetStart: "2026-04-01",
    created: "2026-01-08",
    history: [
      ["submitted", "2026-01-12", "p-markus-brandt"],
      ["in-review", "2026-01-19", "p-sofia-marino"],
      ["approved", "2026-02-05", "p-sofia-marino", "Mandatory: approved by the portfolio board without a score threshold."],
      ["converted", "2026-03-16", "p-sofia-marino", "Converted to PRJ-EINV."],
    ],
    converted: "PRJ-EINV",
  },
  {
    id: "REQ-2026-004",
    title: "Exit the Billbrook data centre to the public cloud",
    sponsor: "p-katrin-vogel",
    requester: "p-stefan-krause",
    purpose:
      "Move the 310 virtual and 42 physical servers out of the leased Hamburg-Billbrook colocation data centre to a public " +
      "cloud landing zone, and hand the data centre back before the lease ends on 2027-12-31.",
    need:
      "The colocation lease ends on 2027-12-31 and the landlord will only renew for five years at +35%. The storage and backup " +
      "hardware reaches end of support in 2027, and two power incidents in 2025 caused nine hours of ERP downtime.",
    benefits: [
      { id: "b-dc-cost", category: "cost-reduction", description: "Avoided colocation rent, hardware refresh and maintenance, net of cloud run cost.",
        amounts: { FY2028: 640_000, FY2029: 660_000 }, confidence: "0.7" },
      { id: "b-resilience", category: "risk-reduction", description: "ERP and WMS hosted across availability zones.",
        measure: "Unplanned ERP downtime hours per year (target under 2, 2025: 11)", confidence: "0.6" },
    ],
    cost: [
      ["FY2026", "opex", "contractors", 96_000], ["FY2026", "opex", "labour", 50_000], ["FY2026", "capex", "contractors", 90_000],
      ["FY2027", "capex", "contractors", 1_040_000], ["FY2027", "capex", "labour", 35_000], ["FY2027", "opex", "cloud", 380_000],
      ["FY2027", "opex", "services", 120_000], ["FY2027", "opex", "labour", 140_000],
    ],
    effort: [
      ["cloud", "FY2026", 900], ["architecture", "FY2026", 300], ["cloud", "FY2027", 4200], ["network", "FY2027", 900],
      ["dba", "FY2027", 700], ["security", "FY2027", 400], ["project-management", "FY2027", 1100],
    ],
    dependsOn: ["REQ-2026-002"],
    ratings: [4, 5, 4, 4, 5],
    ratingNotes: { "financial-value": "Avoids a five-year lease renewal at +35%." },
    objectives: ["so-platform", "so-efficiency"],
    targetStart: "2026-09-01",
    created: "2026-02-23",
    history: [
      ["submitted", "2026-03-02", "p-katrin-vogel"],
      ["in-review", "2026-03-16", "p-sofia-marino"],
      ["approved", "2026-06-11", "p-sofia-marino", "Approved by the IT portfolio board on 2026-06-11 after the lease negotiation failed."],
      ["converted", "2026-08-24", "p-sofia-marino", "Converted to PRJ-DCX."],
    ],
    converted: "PRJ-DCX",
  },
  {
    id: "REQ-2027-001",
    title: "Customer self-service portal for bookings and tracking",
    sponsor: "p-ana-costa",
    requester: "p-greta-lindqvist",
    purpose:
      "A web portal where shippers book pickups, track consignments and download proofs of delivery and invoices, fed by " +
      "customer data from the new CRM and events from the WMS and the transport management system.",
    need:
      "Customer service answers 14,000 'where is my shipment' calls a month. Three of our five largest competitors offer a " +
      "portal, and two key accounts (together EUR 9.4 million revenue) made it a requirement in their 2026 tenders.",
    benefits: [
      { id: "b-portal-revenue", category: "revenue", description: "Margin from key accounts retained and new small shippers booking online.",
        amounts: { FY2028: 300_000, FY2029: 520_000 }, confidence: "0.5" },
      { id: "b-fewer-calls", category: "cost-reduction", description: "35% fewer 'where is my shipment' calls.",
        amounts: { FY2028: 210_000, FY2029: 260_000 }, confidence: "0.6" },
      { id: "b-key-accounts", category: "competitive", description: "Portal on par with the competition in tenders.",
        measure: "Key accounts retained at renewal (target 100%)", confidence: "0.6" },
    ],
    cost: [
      ["FY2027", "capex", "contractors", 380_000], ["FY2027", "capex", "labour", 120_000], ["FY2028", "opex", "cloud", 60_000],
      ["FY2028", "opex", "software", 40_000], ["FY2029", "opex", "cloud", 62_000], ["FY2029", "opex", "software", 41_000],
    ],
    effort: [["integration", "FY2027", 1200], ["java", "FY2027", 2000], ["testing", "FY2027", 600], ["business-analysis", "FY2027", 500]],
    dependsOn: ["REQ-2026-001"],
    ratings: [5, 4, 2, 3, 3],
    objectives: ["so-customer"],
    targetStart: "2027-04-05",
    created: "2026-09-07",
    history: [
      ["submitted", "2026-09-14", "p-ana-costa"],
      ["in-review", "2026-10-05", "p-sofia-marino", "In the FY2027 intake; needs the CRM live first."],
    ],
  },
  {
    id: "REQ-2027-002",
    title: "Route optimisation for last-mile delivery",
    sponsor: "p-henrik-larsen",
    purpose:
      "Replace manual evening route planning for the 140 last-mile vans in Hamburg and Rotterdam with a route optimisation " +
      "service integrated with the transport management system.",
    need:
      "Planners build tomorrow's routes by hand every evening. In the 2026 pilot in Hamburg-Harburg optimised routes were 12% " +
      "shorter, and diesel and driver overtime costs rose 9% in 2026.",
    benefits: [
      { id: "b-km", category: "cost-reduction", description: "Fewer kilometres and less overtime (12% shorter routes).",
        amounts: { FY2027: 180_000, FY2028: 410_000, FY2029: 430_000 }, confidence: "0.7" },
      { id: "b-co2", category: "other", description: "Lower CO2 emissions of the van fleet.",
        measure: "Tonnes of CO2 from last-mile vans per year (target -10%)", confidence: "0.6" },
    ],
    cost: [
      ["FY2027", "capex", "contractors", 140_000], ["FY2027", "opex", "software", 96_000], ["FY2027", "opex", "training", 18_000],
      ["FY2028", "opex", "software", 98_000], ["FY2029", "opex", "software", 100_000],
    ],
    effort: [["integration", "FY2027", 700], ["business-analysis", "FY2027", 300], ["training", "FY2027", 150]],
    ratings: [4, 5, 2, 3, 2],
    objectives: ["so-efficiency"],
    targetStart: "2027-02-01",
    created: "2026-06-22",
    history: [
      ["submitted", "2026-06-29", "p-henrik-larsen"],
      ["in-review", "2026-07-13", "p-sofia-marino"],
      ["approved", "2026-11-12", "p-sofia-marino", "Approved by the IT portfolio board on 2026-11-12; starts when the WMS pilot is live."],
    ],
  },
  {
    id: "REQ-2027-003",
    title: "Managed security operations centre for NIS2",
    sponsor: "p-katrin-vogel",
    requester: "p-ben-okafor",
    purpose:
      "Contract a managed security operations centre (24/7 monitoring, detection and incident response) and connect our " +
      "identity, endpoint, cloud and firewall logs to it.",
    need:
      "As a logistics company of our size Northwind is an 'important entity' under the German NIS2 implementation act: it must " +
      "register with the BSI, detect significant incidents and report them within 24 hours. Today logs are reviewed on working " +
      "days only and nobody is on call for security.",
    benefits: [
      { id: "b-nis2", category: "regulatory", description: "NIS2 detection and reporting duties met.",
        measure: "Significant incidents reported to the BSI within 24 hours (target 100%)", confidence: "0.9" },
      { id: "b-loss-avoided", category: "risk-reduction", description: "Expected loss avoided from faster detection of ransomware and account takeover.",
        amounts: { FY2027: 150_000, FY2028: 300_000, FY2029: 300_000 }, confidence: "0.4" },
    ],
    cost: [
      ["FY2027", "capex", "contractors", 90_000], ["FY2027", "opex", "services", 240_000], ["FY2028", "opex", "services", 250_000],
      ["FY2029", "opex", "services", 255_000],
    ],
    effort: [["security", "FY2027", 800], ["cloud", "FY2027", 200], ["network", "FY2027", 200]],
    mandatory:
      "German NIS2 implementation act: Northwind is an important entity and must detect, handle and report significant " +
      "security incidents (early warning within 24 hours).",
    objectives: ["so-compliance"],
    targetStart: "2027-01-11",
    created: "2026-10-30",
    history: [["submitted", "2026-11-06", "p-katrin-vogel"]],
  },
  {
    id: "REQ-2027-004",
    title: "Driver app with electronic proof of delivery",
    sponsor: "p-henrik-larsen",
    purpose: "A mobile app for our own and subcontracted drivers: stop list, electronic signature and photo proof of delivery, exceptions.",
    need:
      "Proofs of delivery are on paper and reach customers after two to five days; scanning and archiving them costs two " +
      "full-time positions, and disputes over missing PODs delay payment of about EUR 1.2 million of invoices a year.",
    benefits: [
      { id: "b-pod-speed", category: "competitive", description: "Customers see proof of delivery the same day.",
        measure: "Proofs of delivery available to customers within 15 minutes (target 95%)", confidence: "0.7" },
      { id: "b-pod-cost", category: "cost-reduction", description: "No paper POD scanning and archiving.",
        amounts: { FY2028: 70_000, FY2029: 75_000 }, confidence: "0.7" },
    ],
    cost: [["FY2027", "capex", "contractors", 260_000], ["FY2027", "capex", "hardware", 84_000], ["FY2028", "opex", "software", 36_000]],
    effort: [["mobile", "FY2027", 1800], ["integration", "FY2027", 500], ["testing", "FY2027", 400]],
    dependsOn: ["REQ-2027-002"],
    ratings: [3, 3, 2, 2, 3],
    objectives: ["so-customer", "so-efficiency"],
    created: "2026-07-27",
    history: [
      ["submitted", "2026-08-03", "p-henrik-larsen"],
      ["in-review", "2026-08-24", "p-sofia-marino"],
      ["deferred", "2026-10-22", "p-sofia-marino",
        "Deferred to the FY2028 intake: it needs route optimisation first, and the mobile team is on the WMS scanner rollout until mid-2027."],
    ],
  },
  {
    id: "REQ-2027-005",
    title: "Robotic process automation in accounts payable",
    sponsor: "p-markus-brandt",
    requester: "p-sabine-wolf",
    purpose: "Software robots that key supplier invoices from PDF into the ERP and match them to purchase orders.",
    need: "Accounts payable keys 38,000 supplier invoices a year by hand; month-end closing waits for the backlog.",
    benefits: [
      { id: "b-rpa", category: "cost-reduction", description: "1.5 full-time positions freed in accounts payable.",
        amounts: { FY2027: 60_000, FY2028: 60_000, FY2029: 60_000 }, confidence: "0.5" },
    ],
    cost: [["FY2027", "capex", "contractors", 95_000], ["FY2027", "opex", "software", 30_000], ["FY2028", "opex", "software", 30_000]],
    effort: [["sap-fi", "FY2027", 300], ["integration", "FY2027", 400]],
    ratings: [2, 2, 1, 2, 2],
    objectives: ["so-efficiency"],
    created: "2026-05-18",
    history: [
      ["submitted", "2026-05-25", "p-markus-brandt"],
      ["in-review", "2026-06-08", "p-sofia-marino"],
      ["rejected", "2026-07-09", "p-sofia-marino",
        "Rejected: e-invoicing (PRJ-EINV) removes most manual keying from 2027; the remaining PDF volume does not justify robots."],
    ],
  },
  {
    id: "REQ-2027-006",
    title: "Emissions reporting per shipment (CSRD readiness)",
    sponsor: "p-markus-brandt",
    purpose: "Calculate well-to-wheel CO2e per shipment (ISO 14083) from transport and fuel data and report it to customers and in the sustainability report.",
    need:
      "The EU omnibus postponed the CSRD reporting obligation for companies of our size, but two key accounts require Scope 3 " +
      "emissions data from their carriers from 2027, and the board wants audit-ready figures before the obligation returns.",
    benefits: [
      { id: "b-csrd", category: "regulatory", description: "Audit-ready emissions data when CSRD reporting applies to Northwind.",
        measure: "Shipments with a calculated CO2e value (target 100%)", confidence: "0.8" },
      { id: "b-tenders", category: "competitive", description: "Meet key-account carrier sustainability requirements.",
        measure: "Tenders lost for lack of emissions data (target 0)", confidence: "0.6" },
    ],
    cost: [["FY2027", "capex", "contractors", 120_000], ["FY2027", "opex", "software", 45_000]],
    effort: [["business-analysis", "FY2027", 400], ["integration", "FY2027", 600]],
    objectives: ["so-compliance", "so-customer"],
    created: "2026-11-02",
    history: [],
  },
  {
    id: "REQ-2027-007",
    title: "Immutable backup and restore testing",
    sponsor: "p-katrin-vogel",
    requester: "p-stefan-krause",
    purpose: "Replace tape backup with immutable, off-site object-storage backup for ERP, WMS and file services, with quarterly restore tests.",
    need:
      "In 2025 a ransomware attack on a peer logistics company encrypted its backups too. Our tapes sit in the same building as " +
      "the servers, and the last full ERP restore test took 31 hours against a target of 8.",
    benefits: [
      { id: "b-rto", category: "risk-reduction", description: "ERP restorable within four hours, even after ransomware.",
        measure: "Measured ERP recovery time in the quarterly restore test (target 4 hours)", confidence: "0.8" },
      { id: "b-tapes", category: "cost-reduction", description: "No tape library maintenance and off-site courier.",
        amounts: { FY2028: 45_000, FY2029: 45_000 }, confidence: "0.9" },
    ],
    cost: [["FY2027", "capex", "contractors", 110_000], ["FY2027", "opex", "cloud", 36_000], ["FY2028", "opex", "cloud", 40_000]],
    effort: [["cloud", "FY2027", 500], ["dba", "FY2027", 200]],
    dependsOn: ["REQ-2026-004"],
    ratings: [3, 2, 5, 4, 2],
    objectives: ["so-compliance", "so-platform"],
    targetStart: "2027-03-01",
    created: "2026-08-31",
    history: [
      ["submitted", "2026-09-07", "p-katrin-vogel"],
      ["in-review", "2026-09-21", "p-sofia-marino"],
      ["approved", "2026-10-15", "p-sofia-marino", "Approved by the IT portfolio board on 2026-10-15; runs inside the data centre exit programme."],
    ],
  },
  {
    id: "REQ-2027-008",
    title: "Intranet relaunch",
    sponsor: "p-katrin-vogel",
    requester: "p-paul-richter",
    purpose: "Move the intranet from the on-premises portal to the collaboration suite we already license, with a mobile view for warehouse staff.",
    need: "Warehouse and driver staff (60% of employees) have no PC and cannot reach the intranet; the portal is out of support in 2027.",
    benefits: [
      { id: "b-reach", category: "other", description: "Every employee can read company news and policies on their phone.",
        measure: "Employee survey: 'I find the information I need' (target 70%, 2026: 41%)", confidence: "0.5" },
    ],
    cost: [["FY2027", "opex", "contractors", 65_000], ["FY2027", "opex", "labour", 20_000]],
    effort: [["change-management", "FY2027", 300]],
    objectives: [],
    created: "2026-11-10",
    history: [],
  },
  {
    id: "REQ-2027-009",
    title: "Dynamic pricing for spot freight",
    sponsor: "p-ana-costa",
    requester: "p-ingrid-berg",
    purpose: "Price spot freight requests from current capacity, lane demand and customer history instead of static rate cards.",
    need: "Spot requests are 18% of volume; sales prices them from rate cards updated twice a year and loses margin when capacity is short.",
    benefits: [
      { id: "b-margin", category: "revenue", description: "Higher margin on spot freight (+2 percentage points).",
        amounts: { FY2028: 400_000, FY2029: 650_000 }, confidence: "0.45" },
    ],
    cost: [["FY2027", "capex", "contractors", 210_000], ["FY2027", "opex", "cloud", 24_000], ["FY2028", "opex", "cloud", 30_000]],
    effort: [["data-science", "FY2027", 900], ["crm-dynamics", "FY2027", 300], ["integration", "FY2027", 400]],
    dependsOn: ["REQ-2026-001"],
    objectives: ["so-customer"],
    created: "2026-11-09",
    history: [["submitted", "2026-11-16", "p-ana-costa"]],
  },
];

function buildRequests(): W<"request">[] {
  return REQUESTS.map((r) => {
    let from: RequestStatus = "draft";
    const transitions = r.history.map(([to, date, by, reason]) => {
      const t = { from, to, by, at: at(date, "15:00"), ...opt("reason", reason) };
      from = to;
      return t;
    });
    const last = r.history.at(-1);
    return {
      ...stored(r.id, at(r.created, "10:00"), last ? at(last[1], "15:00") : at(r.created, "10:00")),
      portfolioId: PORTFOLIO_ID,
      key: r.id,
      title: r.title,
      sponsorId: r.sponsor,
      ...opt("requesterId", r.requester),
      purpose: r.purpose,
      need: r.need,
      benefits: r.benefits.map((b) => ({
        id: b.id,
        category: b.category,
        description: b.description,
        amounts: Object.entries(b.amounts ?? {}).map(([period, euros]) => ({ period, amount: eur(euros) })),
        ...opt("measure", b.measure),
        confidence: b.confidence,
        ...opt("note", b.note),
      })),
      estimatedCost: r.cost.map(([period, expenditure, category, euros]) => ({ period, expenditure, category, amount: eur(euros) })),
      effort: r.effort.map(([skill, period, hours]) => ({ skill, period, hours: String(hours) })),
      dependsOn: r.dependsOn ?? [],
      ...opt("mandatory", r.mandatory === undefined ? undefined : { reason: r.mandatory }),
      ratings: (r.ratings ?? []).map((value, i) => {
        const criterionId = SCORING_CRITERIA[i]!;
        return { criterionId, value: String(value), ...opt("note", r.ratingNotes?.[criterionId]) };
      }),
      strategicObjectiveIds: r.objectives,
      ...opt("targetStart", r.targetStart),
      status: from,
      transitions,
      ...opt("convertedProjectId", r.converted),
    };
  });
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Projects: the model the four running projects are written in
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** A work package as authored: plan, earning rule, what actually happened, and how costly it was. */
interface WpSpec {
  code: string;
  name: string;
  description: string;
  owner: string;
  start: string;
  finish: string;
  /** Budget in whole euros; 0 for a summary element (its budget sits in its children). */
  amount: number;
  /** Relative monthly weights of the time-phased budget (default: by calendar days). */
  shape?: number[];
  category: Category;
  expenditure: Expenditure;
  /** Invoice prefix of the supplier billing the package; internal labour is booked from timesheets. */
  vendor?: string;
  rule: EarningRuleWire;
  /** What happened: actual start, actual finish, % complete at the status date, weighted milestones reached. */
  actual?: { start: string; finish?: string; now?: number; reached?: [string, string][] };
  /** Cost performance the actual costs are simulated with (true progress × budget / cpi). */
  cpi?: number;
  etc?: { amount: number; basis: string };
  /** Notes put on the progress record of that date. */
  notes?: [string, string][];
  /** How baseline 0 differed from the current plan (CRM was re-baselined): other dates or amount, or absent. */
  b0?: { start?: string; finish?: string; amount?: number; shape?: number[] } | "absent";
}

interface MilestoneSpec {
  id: string;
  name: string;
  key: boolean;
  wp?: string;
  baseline: string;
  /** Date in baseline 0 when it differs from the current baseline. */
  b0?: string;
  forecast?: string;
  actual?: string;
  description: string;
}

interface ProjectSpec {
  id: string;
  short: string;
  name: string;
  description: string;
  request: string;
  programme: string;
  pm: string;
  sponsor: string;
  stakeholders: [string, Raci, Role?, string?][];
  scope: { inScope: string[]; outOfScope: string[]; assumptions: string[]; constraints: string[] };
  plannedStart: string;
  plannedFinish: string;
  created: string;
  activeBaseline: number;
  baselines: { number: number; captured: string; by: string; reason: string }[];
  wps: WpSpec[];
  milestones: MilestoneSpec[];
}

const wpId = (short: string, code: string): string => `wp-${short}-${code}`;

/** Monthly slices of a budget between two dates: whole euros, adding up to the amount exactly. */
function monthlySlices(start: string, finish: string, amount: number, shape?: number[]) {
  if (amount === 0) return [];
  const pieces = monthPieces(start, finish);
  if (shape && shape.length !== pieces.length) throw new Error(`shape of ${shape.length} for ${pieces.length} months (${start}…${finish})`);
  const parts = allocate(amount, shape ?? pieces.map((p) => p.days));
  return pieces.map((p, i) => ({ start: p.start, finish: p.finish, amount: eur(parts[i]!) }));
}

/** Linear progress of a package at a date: 0 at its actual start, `now` at the status date (or 100 at its finish). */
function linearPercent(a: NonNullable<WpSpec["actual"]>, date: string): number {
  if (a.finish !== undefined) return date >= a.finish ? 100 : (100 * (dayNumber(date) - dayNumber(a.start))) / (dayNumber(a.finish) - dayNumber(a.start));
  return ((a.now ?? 0) * (dayNumber(date) - dayNumber(a.start))) / (dayNumber(STATUS_DATE) - dayNumber(a.start));
}

/** Weekly (Friday) progress records, plus the start and finish events, in the measures the earning rule reads. */
function progressFor(spec: WpSpec): ProgressWire[] {
  const a = spec.actual;
  if (a === undefined) return [];
  const rule = spec.rule;
  const end = a.finish !== undefined && a.finish < STATUS_DATE ? a.finish : STATUS_DATE;
  const records = new Map<string, ProgressWire>();
  const put = (date: string, rec: Omit<ProgressWire, "date">) => records.set(date, { date, ...records.get(date), ...rec });
  put(a.start, { started: true });
  const percentLike = rule.type === "percent-complete" || rule.type === "physical-percent-complete" || rule.type === "units";
  if (percentLike) {
    for (const f of fridays(addDays(a.start, 1), end)) {
      const pct = Math.round(linearPercent(a, f));
      if (rule.type === "percent-complete") put(f, { percentComplete: String(pct) });
      else if (rule.type === "physical-percent-complete") {
        put(f, { physicalPercentComplete: String(pct), percentComplete: String(pct === 0 || pct === 100 ? pct : Math.min(100, pct + 3)) });
      } else put(f, { unitsComplete: String(Math.round((Number(rule.totalUnits) * linearPercent(a, f)) / 100)) });
    }
  }
  if (rule.type === "weighted-milestones") {
    const reached: string[] = [];
    for (const [id, date] of a.reached ?? []) {
      reached.push(id);
      put(date, { milestonesReached: [...reached] });
    }
  }
  if (a.finish !== undefined && a.finish <= STATUS_DATE) {
    const done: Omit<ProgressWire, "date"> = { started: true, finished: true };
    if (rule.type === "percent-complete") done.percentComplete = "100";
    if (rule.type === "physical-percent-complete") Object.assign(done, { physicalPercentComplete: "100", percentComplete: "100" });
    if (rule.type === "units") done.unitsComplete = rule.totalUnits;
    put(a.finish, done);
  }
  for (const [date, note] of spec.notes ?? []) {
    if (!records.has(date)) throw new Error(`${spec.code}: no progress record on ${date} for the note`);
    put(date, { note });
  }
  return [...records.values()].sort((x, y) => (x.date < y.date ? -1 : 1));
}

/** Planned value of slices at the end of a day: whole slices before it, the elapsed share of the slice it falls in. */
export function plannedValueAt(slices: readonly { start: string; finish: string; amount: MoneyWire }[], date: string): number {
  let pv = 0;
  for (const s of slices) {
    if (date >= s.finish) pv += Number(s.amount.amount);
    else if (date >= s.start) pv += (Number(s.amount.amount) * spanDays(s.start, date)) / spanDays(s.start, s.finish);
  }
  return pv;
}

/**
 * Earned value of a package at the end of a day under its earning rule, read from its progress records: the simple
 * textbook reading the sample's story is told with (the README quotes SPI and CPI computed this way).
 */
export function earnedValueAt(wp: W<"work-package">, date: string, byId: ReadonlyMap<string, W<"work-package">>): number {
  const budget = wp.timePhasedBudget.reduce((s, x) => s + Number(x.amount.amount), 0);
  const seen = wp.progress.filter((p) => p.date <= date);
  const started = seen.some((p) => p.started === true || p.finished === true);
  const finished = seen.some((p) => p.finished === true);
  const lastOf = <T,>(pick: (p: ProgressWire) => T | undefined): T | undefined => seen.map(pick).filter((v) => v !== undefined).at(-1);
  const rule = wp.earningRule;
  switch (rule.type) {
    case "0/100": return finished ? budget : 0;
    case "50/50": return finished ? budget : started ? budget / 2 : 0;
    case "fixed-split": return finished ? budget : started ? (budget * Number(rule.startPercent)) / 100 : 0;
    case "percent-complete": return finished ? budget : (budget * Number(lastOf((p) => p.percentComplete) ?? 0)) / 100;
    case "physical-percent-complete": return finished ? budget : (budget * Number(lastOf((p) => p.physicalPercentComplete) ?? 0)) / 100;
    case "units": return finished ? budget : (budget * Number(lastOf((p) => p.unitsComplete) ?? 0)) / Number(rule.totalUnits);
    case "weighted-milestones": {
      const reached = new Set(lastOf((p) => p.milestonesReached) ?? []);
      const total = rule.milestones.reduce((s, m) => s + Number(m.weight), 0);
      return (budget * rule.milestones.filter((m) => reached.has(m.id)).reduce((s, m) => s + Number(m.weight), 0)) / total;
    }
    case "level-of-effort": return started ? plannedValueAt(wp.timePhasedBudget, date) : 0;
    case "apportioned": {
      const base = byId.get(rule.basePackageId);
      return base === undefined ? 0 : Number(rule.factor) * earnedValueAt(base, date, byId);
    }
  }
}

/** Share of a package's budget truly worked off at the status date (drives the simulated actual cost). */
function trueFraction(spec: WpSpec, all: readonly WpSpec[]): number {
  const a = spec.actual;
  if (a === undefined) return 0;
  if (a.finish !== undefined && a.finish <= STATUS_DATE) return 1;
  if (spec.rule.type === "level-of-effort") {
    return plannedValueAt(monthlySlices(spec.start, spec.finish, spec.amount, spec.shape), STATUS_DATE) / spec.amount;
  }
  if (spec.rule.type === "apportioned") {
    const baseCode = spec.rule.basePackageId.split("-").at(-1)!;
    const base = all.find((w) => w.code === baseCode);
    return base ? trueFraction(base, all) : 0;
  }
  return (a.now ?? 0) / 100;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Monthly actual cost entries of a package: its simulated actual cost spread over the months it was worked in. */
function costEntriesFor(p: ProjectSpec, spec: WpSpec): W<"cost-entry">[] {
  const a = spec.actual;
  if (a === undefined || spec.amount === 0) return [];
  const totalCents = Math.round((spec.amount * 100 * trueFraction(spec, p.wps)) / (spec.cpi ?? 1));
  const end = a.finish !== undefined && a.finish < STATUS_DATE ? a.finish : STATUS_DATE;
  const pieces = monthPieces(a.start, end);
  const wobble = seededRandom(`${p.id}/${spec.code}`);
  const parts = allocate(totalCents, pieces.map((x) => x.days * (0.85 + 0.3 * wobble())));
  return pieces.flatMap((piece, i) => {
    if (parts[i] === 0) return [];
    const month = piece.start.slice(0, 7);
    const booked = piece.finish === endOfMonth(piece.finish) ? workdayOnOrBefore(piece.finish) : piece.finish;
    const date = booked < piece.start ? piece.finish : booked;
    const internal = spec.vendor === undefined;
    const monthName = `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
    return [{
      ...stored(`ce-${p.short}-${spec.code}-${month}`, at(date, "18:00")),
      projectId: p.id,
      workPackageId: wpId(p.short, spec.code),
      date,
      amount: cents(parts[i]!),
      category: spec.category,
      expenditure: spec.expenditure,
      description: internal ? `${spec.name}: internal hours, ${monthName}` : `${spec.name}: supplier invoice for ${monthName}`,
      sourceRef: internal ? `TS-${p.short.toUpperCase()}-${month}` : `${spec.vendor}-${month.replace("-", "")}-${spec.code.replace(".", "")}`,
    }];
  });
}

function parentCode(code: string): string | undefined {
  const i = code.lastIndexOf(".");
  return i < 0 ? undefined : code.slice(0, i);
}

function buildWorkPackages(p: ProjectSpec): W<"work-package">[] {
  const codes = new Set(p.wps.map((w) => w.code));
  return p.wps.map((w) => {
    const parent = parentCode(w.code);
    if (parent !== undefined && !codes.has(parent)) throw new Error(`${p.id} ${w.code}: parent ${parent} missing`);
    return {
      ...stored(wpId(p.short, w.code), at(p.baselines[0]!.captured, "08:00"), w.actual ? SNAPSHOT : at(p.baselines.at(-1)!.captured, "08:00")),
      projectId: p.id,
      code: w.code,
      ...opt("parentId", parent === undefined ? undefined : wpId(p.short, parent)),
      name: w.name,
      description: w.description,
      ownerId: w.owner,
      plannedStart: w.start,
      plannedFinish: w.finish,
      timePhasedBudget: monthlySlices(w.start, w.finish, w.amount, w.shape),
      earningRule: w.rule,
      progress: progressFor(w),
      ...opt("estimateToComplete", w.etc && { amount: eur(w.etc.amount), asOf: STATUS_DATE, basis: w.etc.basis }),
      ...NETWORK[wpId(p.short, w.code)],
      ...opt("durationEstimate", durationEstimateFor(wpId(p.short, w.code), w.start, w.finish)),
      ...opt("actualStart", w.actual?.start),
      ...opt("actualFinish", w.actual?.finish),
    };
  });
}

function buildMilestones(p: ProjectSpec): W<"milestone">[] {
  return p.milestones.map((m) => ({
    ...stored(m.id, at(p.baselines[0]!.captured, "08:00"), m.forecast !== undefined || m.actual !== undefined ? SNAPSHOT : at(p.baselines[0]!.captured, "08:00")),
    projectId: p.id,
    ...opt("workPackageId", m.wp === undefined ? undefined : wpId(p.short, m.wp)),
    name: m.name,
    key: m.key,
    baselineDate: m.baseline,
    ...opt("forecastDate", m.forecast),
    ...opt("actualDate", m.actual),
    description: m.description,
    ...NETWORK[m.id],
  }));
}

function buildBaselines(p: ProjectSpec): W<"baseline">[] {
  const latest = Math.max(...p.baselines.map((b) => b.number));
  return p.baselines.map((b) => {
    const current = b.number === latest;
    const packages = p.wps.flatMap((w) => {
      if (!current && w.b0 === "absent") return [];
      const o = current || w.b0 === undefined || w.b0 === "absent" ? {} : w.b0;
      const start = o.start ?? w.start;
      const finish = o.finish ?? w.finish;
      return [{
        workPackageId: wpId(p.short, w.code),
        code: w.code,
        name: w.name,
        plannedStart: start,
        plannedFinish: finish,
        timePhasedBudget: monthlySlices(start, finish, o.amount ?? w.amount, o.shape ?? (o.start || o.finish ? undefined : w.shape)),
        earningRule: w.rule,
      }];
    });
    const bac = packages.reduce((s, w) => s + w.timePhasedBudget.reduce((t, x) => t + Math.round(Number(x.amount.amount) * 100), 0), 0);
    return {
      ...stored(`bl-${p.short}-${b.number}`, at(b.captured, "16:00")),
      projectId: p.id,
      number: b.number,
      capturedAt: at(b.captured, "16:00"),
      capturedBy: b.by,
      reason: b.reason,
      workPackages: packages,
      milestones: p.milestones.map((m) => ({ milestoneId: m.id, name: m.name, date: current ? m.baseline : (m.b0 ?? m.baseline), key: m.key })),
      budgetAtCompletion: cents(bac),
      ...opt("supersedes", b.number > 0 ? b.number - 1 : undefined),
    };
  });
}

function buildProject(p: ProjectSpec, wps: W<"work-package">[]): W<"project"> {
  const lines = new Map<string, number>();
  for (const w of wps) {
    const spec = p.wps.find((s) => wpId(p.short, s.code) === w.id)!;
    for (const s of w.timePhasedBudget) {
      const k = `${quarterOf(s.start)}|${spec.category}|${spec.expenditure}`;
      lines.set(k, (lines.get(k) ?? 0) + Math.round(Number(s.amount.amount) * 100));
    }
  }
  return {
    ...stored(p.id, at(p.created, "08:00"), SNAPSHOT),
    requestId: p.request,
    programmeId: p.programme,
    portfolioId: PORTFOLIO_ID,
    code: p.id,
    name: p.name,
    description: p.description,
    projectManagerId: p.pm,
    sponsorId: p.sponsor,
    stakeholders: p.stakeholders.map(([personId, raci, role, note]) => ({ personId, raci, ...opt("role", role), ...opt("note", note) })),
    scope: p.scope,
    budget: {
      currency: CURRENCY,
      lines: [...lines.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, c]) => {
          const [period, category, expenditure] = k.split("|") as [string, Category, Expenditure];
          return { period, category, expenditure, amount: cents(c) };
        }),
    },
    plannedStart: p.plannedStart,
    plannedFinish: p.plannedFinish,
    statusDate: STATUS_DATE,
    lifecycle: "executing",
    activeBaseline: p.activeBaseline,
  };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// The four running projects
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

const SUMMARY_RULE: EarningRuleWire = { type: "percent-complete" };
const SUMMARY_NOTE = "Summary element: its budget and progress sit in its child packages.";

const CRM: ProjectSpec = {
  id: "PRJ-CRM",
  short: "crm",
  name: "CRM replacement",
  description:
    "Replaces the in-house SalesBase CRM with Dynamics 365 Sales for sales and customer service. Re-baselined in September " +
    "2026 (CR-CRM-001): consent management added and go-live moved from 2027-02-01 to 2027-03-01 to clear the year-end " +
    "change freeze. On plan against baseline 1.",
  request: "REQ-2026-001",
  programme: PG_O2C,
  pm: "p-rui-almeida",
  sponsor: "p-ana-costa",
  stakeholders: [
    ["p-ana-costa", "accountable", "sponsor"], ["p-rui-almeida", "responsible", "project-manager"],
    ["p-jonas-weber", "consulted", "programme-manager"], ["p-ingrid-berg", "responsible", "product-owner", "Signs off UAT and data reconciliation."],
    ["p-greta-lindqvist", "consulted", "key-user"], ["p-david-mensah", "responsible", "business-analyst"],
    ["p-marco-rossi", "responsible", "developer"], ["p-lena-hoffmann", "responsible", "developer"], ["p-olga-petrova", "responsible", "dba"],
    ["p-aylin-yilmaz", "responsible", "qa"], ["p-stefan-krause", "consulted", "operations"], ["p-joana-silva", "consulted", "help-desk"],
    ["p-paul-richter", "responsible", "trainer"], ["p-ben-okafor", "consulted", "security"], ["p-yusuf-demir", "consulted", "architect"],
    ["p-nora-lindberg", "responsible", "vendor", "Brightline delivers configuration, integrations and hypercare (fixed price per package)."],
    ["p-katrin-vogel", "informed"], ["p-sofia-marino", "informed", "portfolio-manager"],
  ],
  scope: {
    inScope: [
      "Dynamics 365 Sales for 420 users in sales and customer service (Germany, Benelux, Poland)",
      "Accounts, contacts, opportunities, quotes from rate cards, cases with SLA timers",
      "Integrations: ERP orders and shipment history, web-shop leads, Outlook add-in",
      "Consent management for marketing (added by CR-CRM-001)",
      "Migration of SalesBase accounts, contacts, open opportunities and 24 months of activities",
      "Training, rollout in three waves and four weeks of hypercare",
    ],
    outOfScope: [
      "Marketing automation and campaign management",
      "Telephony integration with the legacy PBX",
      "Customer self-service portal (REQ-2027-001)",
      "Migration of closed opportunities older than 24 months (kept read-only in SalesBase)",
    ],
    assumptions: [
      "Microsoft's EU Data Boundary covers all CRM data",
      "Sales Operations releases key users two days a week during UAT",
      "SalesBase stays available read-only for 12 months after go-live",
    ],
    constraints: [
      "Year-end change freeze from 2026-12-21 to 2027-01-04",
      "SalesBase database support ends in June 2027",
    ],
  },
  plannedStart: "2026-03-02",
  plannedFinish: "2027-04-30",
  created: "2026-02-16",
  activeBaseline: 1,
  baselines: [
    { number: 0, captured: "2026-03-20", by: "p-emma-fischer", reason: "Initial baseline approved by the CRM steering committee on 2026-03-20." },
    { number: 1, captured: "2026-09-18", by: "p-emma-fischer",
      reason:
        "Re-baseline after CR-CRM-001 was approved on 2026-09-15: consent management module added (EUR 72,000) and go-live moved " +
        "from 2027-02-01 to 2027-03-01 to clear the year-end change freeze and fit a second migration dry run (EUR 12,000 more " +
        "project management)." },
  ],
  wps: [
    { code: "1", name: "Project management", description: "Planning, steering committee, vendor management, reporting.", owner: "p-rui-almeida",
      start: "2026-03-02", finish: "2027-04-30", amount: 168_000, category: "labour", expenditure: "opex", rule: { type: "level-of-effort" },
      actual: { start: "2026-03-02" }, cpi: 0.97, b0: { finish: "2027-03-31", amount: 156_000 } },
    { code: "2", name: "Solution design and build", description: SUMMARY_NOTE, owner: "p-yusuf-demir",
      start: "2026-03-02", finish: "2027-01-29", amount: 0, category: "contractors", expenditure: "capex", rule: SUMMARY_RULE,
      b0: { finish: "2026-12-18" } },
    { code: "2.1", name: "Solution design", description: "Fit-gap workshops with sales and customer service, solution design document, data model.",
      owner: "p-yusuf-demir", start: "2026-03-02", finish: "2026-05-29", amount: 96_000, category: "contractors", expenditure: "capex",
      vendor: "BRL", rule: { type: "50/50" }, actual: { start: "2026-03-02", finish: "2026-06-05" }, cpi: 0.94 },
    { code: "2.2", name: "Dynamics 365 configuration", description: "Entities, forms, views, business rules, quote templates, security roles.",
      owner: "p-marco-rossi", start: "2026-05-04", finish: "2026-12-18", amount: 264_000, category: "contractors", expenditure: "capex",
      vendor: "BRL", rule: { type: "percent-complete" }, actual: { start: "2026-05-04", now: 86 }, cpi: 0.97 },
    { code: "2.3", name: "Integrations: ERP orders, shipment history, web shop, e-mail",
      description: "Azure Functions between Dynamics 365 and the ERP; nightly shipment feed; web-shop lead capture; Outlook add-in.",
      owner: "p-lena-hoffmann", start: "2026-06-01", finish: "2027-01-29", amount: 186_000, category: "contractors", expenditure: "capex",
      vendor: "BRL",
      rule: { type: "weighted-milestones", milestones: [
        { id: "m-erp-orders", name: "ERP order interface accepted", weight: "0.35" },
        { id: "m-shipments", name: "Shipment history feed accepted", weight: "0.25" },
        { id: "m-webshop", name: "Web-shop lead capture accepted", weight: "0.2" },
        { id: "m-email", name: "Outlook add-in accepted", weight: "0.2" },
      ] },
      actual: { start: "2026-06-01", now: 75, reached: [["m-erp-orders", "2026-09-25"], ["m-shipments", "2026-10-30"], ["m-webshop", "2026-11-13"]] },
      cpi: 0.98,
      b0: { finish: "2026-12-18" } },
    { code: "2.4", name: "Consent management module", description: "Consent per contact and purpose, double opt-in journeys, audit trail (CR-CRM-001).",
      owner: "p-marco-rossi", start: "2026-10-01", finish: "2027-01-29", amount: 72_000, category: "contractors", expenditure: "capex",
      vendor: "BRL", rule: { type: "fixed-split", startPercent: "25" }, actual: { start: "2026-10-05", now: 30 }, cpi: 1, b0: "absent" },
    { code: "3", name: "Data migration from SalesBase", description: "Extract, cleanse, map and load 120 migration objects; two dry runs and the final delta.",
      owner: "p-olga-petrova", start: "2026-06-01", finish: "2027-02-26", amount: 138_000, category: "labour", expenditure: "capex",
      rule: { type: "units", totalUnits: "120", unitName: "migration objects" }, actual: { start: "2026-06-01", now: 65 }, cpi: 0.95,
      notes: [["2026-10-23", "Dry run 1: 18% duplicate accounts found; cleansing sprint with Sales key users planned."]],
      b0: { finish: "2027-01-22" } },
    { code: "4", name: "Testing", description: SUMMARY_NOTE, owner: "p-aylin-yilmaz",
      start: "2026-09-01", finish: "2027-02-19", amount: 0, category: "labour", expenditure: "capex", rule: SUMMARY_RULE,
      b0: { finish: "2027-01-22" } },
    { code: "4.1", name: "System and integration testing", description: "Test cases per requirement, integration tests with ERP and web shop, regression.",
      owner: "p-aylin-yilmaz", start: "2026-09-01", finish: "2027-01-29", amount: 84_000, category: "labour", expenditure: "capex",
      rule: { type: "physical-percent-complete" }, actual: { start: "2026-09-07", now: 50 }, cpi: 1, b0: { finish: "2026-12-18" } },
    { code: "4.2", name: "User acceptance testing", description: "Key users from sales and customer service run the business scenarios.",
      owner: "p-ingrid-berg", start: "2027-01-11", finish: "2027-02-19", amount: 42_000, category: "labour", expenditure: "capex",
      rule: { type: "0/100" }, b0: { start: "2027-01-05", finish: "2027-01-22" } },
    { code: "5", name: "End-user training", description: "Curriculum per role, train-the-trainer for 12 key users, classroom and e-learning for 420 users.",
      owner: "p-paul-richter", start: "2026-11-02", finish: "2027-02-26", amount: 63_000, shape: [2, 1, 9, 9], category: "training",
      expenditure: "opex", rule: { type: "units", totalUnits: "420", unitName: "users trained" },
      actual: { start: "2026-11-02", now: (12 / 420) * 100 }, cpi: 1, b0: { finish: "2027-01-29", shape: [2, 1, 12] } },
    { code: "6", name: "Deployment and hypercare", description: "Cutover weekend, three rollout waves, four weeks of hypercare with the integrator.",
      owner: "p-rui-almeida", start: "2027-02-22", finish: "2027-03-26", amount: 54_000, category: "services", expenditure: "opex",
      vendor: "BRL", rule: { type: "50/50" }, b0: { start: "2027-01-25", finish: "2027-02-26" } },
  ],
  milestones: [
    { id: "ms-crm-kickoff", name: "Project kick-off", key: false, wp: "1", baseline: "2026-03-02", actual: "2026-03-02",
      description: "Kick-off with sales, customer service and Brightline." },
    { id: "ms-crm-design", name: "Solution design signed off", key: true, wp: "2.1", baseline: "2026-05-29", actual: "2026-06-05",
      description: "Design authority and product owner sign the solution design document." },
    { id: "ms-crm-dry-run-1", name: "Migration dry run 1 complete", key: false, wp: "3", baseline: "2026-10-16", actual: "2026-10-23",
      description: "First full load into the test environment, reconciled by Sales Operations." },
    { id: "ms-crm-build", name: "Build complete", key: true, wp: "2", baseline: "2027-01-29", b0: "2026-12-18", forecast: "2027-01-29",
      description: "Configuration, integrations and consent management ready for UAT." },
    { id: "ms-crm-uat", name: "UAT exit", key: true, wp: "4.2", baseline: "2027-02-19", b0: "2027-01-22", forecast: "2027-02-19",
      description: "Key users sign the UAT exit report: no open critical or high defects on must-have requirements." },
    { id: "ms-crm-go-live", name: "Go-live", key: true, wp: "6", baseline: "2027-03-01", b0: "2027-02-01", forecast: "2027-03-01",
      description: "Dynamics 365 is the system of record for customers; SalesBase read-only." },
    { id: "ms-crm-hypercare-exit", name: "Hypercare exit", key: false, wp: "6", baseline: "2027-03-26", b0: "2027-02-26", forecast: "2027-03-26",
      description: "Incident volume back to normal; support handed to the service desk." },
    { id: "ms-crm-close", name: "Project closed", key: false, wp: "1", baseline: "2027-04-30", b0: "2027-03-31",
      description: "Lessons learned and benefits tracking handed over to Sales Operations." },
  ],
};

const WMS: ProjectSpec = {
  id: "PRJ-WMS",
  short: "wms",
  name: "Warehouse management system upgrade",
  description:
    "Upgrades the warehouse management system to the vendor's cloud edition at the Hamburg, Rotterdam and Poznań " +
    "distribution centres and replaces the RF scanners. Late and over budget: design was signed off four weeks late, the " +
    "vendor cut its configuration team and scanner deliveries slipped ten weeks, so the Hamburg pilot missed the window " +
    "before peak season. CR-WMS-001 (submitted, not yet decided) asks to re-baseline.",
  request: "REQ-2026-002",
  programme: PG_OPS,
  pm: "p-tomasz-nowak",
  sponsor: "p-henrik-larsen",
  stakeholders: [
    ["p-henrik-larsen", "accountable", "sponsor"], ["p-tomasz-nowak", "responsible", "project-manager"],
    ["p-leila-haddad", "consulted", "programme-manager"], ["p-pieter-dejong", "consulted", "key-user", "Represents the three sites' shift supervisors."],
    ["p-david-mensah", "responsible", "business-analyst"], ["p-lena-hoffmann", "responsible", "developer"], ["p-aylin-yilmaz", "responsible", "qa"],
    ["p-stefan-krause", "responsible", "operations", "Owns scanners and Wi-Fi."], ["p-paul-richter", "responsible", "trainer"],
    ["p-ben-okafor", "consulted", "security"], ["p-yusuf-demir", "consulted", "architect"], ["p-joana-silva", "informed", "help-desk"],
    ["p-sofia-marino", "informed", "portfolio-manager"],
  ],
  scope: {
    inScope: [
      "Upgrade to the WMS cloud edition at Hamburg, Rotterdam and Poznań",
      "Wave picking across zones and task interleaving",
      "Interfaces to the ERP, the transport management system and the carriers",
      "360 RF handheld scanners and the Wi-Fi upgrade at all three sites",
      "Training of 650 warehouse staff",
    ],
    outOfScope: ["Yard management", "Warehouse automation (conveyors, shuttle systems)", "Driver app (REQ-2027-004)"],
    assumptions: [
      "The vendor keeps six consultants on the project until the pilot go-live",
      "Scanners are delivered by the end of August 2026",
    ],
    constraints: [
      "No cutover in a distribution centre between 15 November and 8 January (peak season)",
      "Support for the 2019 release ends on 2027-06-30",
    ],
  },
  plannedStart: "2026-01-12",
  plannedFinish: "2027-06-30",
  created: "2025-12-15",
  activeBaseline: 0,
  baselines: [
    { number: 0, captured: "2026-01-23", by: "p-emma-fischer", reason: "Initial baseline approved by the WMS steering committee on 2026-01-23." },
  ],
  wps: [
    { code: "1", name: "Project management", description: "Planning, steering committee, vendor and site coordination.", owner: "p-tomasz-nowak",
      start: "2026-01-12", finish: "2027-06-30", amount: 210_000, category: "labour", expenditure: "opex", rule: { type: "level-of-effort" },
      actual: { start: "2026-01-12" }, cpi: 0.88 },
    { code: "2", name: "WMS cloud edition", description: SUMMARY_NOTE, owner: "p-tomasz-nowak",
      start: "2026-01-12", finish: "2026-11-27", amount: 0, category: "contractors", expenditure: "capex", rule: SUMMARY_RULE },
    { code: "2.1", name: "Fit-gap analysis and solution design", description: "Fit-gap per site, solution design, extension list.",
      owner: "p-david-mensah", start: "2026-01-12", finish: "2026-03-27", amount: 120_000, category: "contractors", expenditure: "capex",
      vendor: "KLS", rule: { type: "0/100" }, actual: { start: "2026-01-12", finish: "2026-04-24" }, cpi: 0.82 },
    { code: "2.2", name: "Configuration and extensions", description: "Site configuration, wave and task rules, 58 extensions.",
      owner: "p-tomasz-nowak", start: "2026-03-30", finish: "2026-10-30", amount: 420_000, category: "contractors", expenditure: "capex",
      vendor: "KLS", rule: { type: "percent-complete" }, actual: { start: "2026-04-27", now: 72 }, cpi: 0.84,
      etc: { amount: 190_000, basis: "Bottom-up re-estimate with the vendor on 2026-11-18: 31 open extensions at 6.1 person-days each." },
      notes: [["2026-09-25", "Vendor team cut from six to four consultants (ISS-WMS-002)."]] },
    { code: "2.3", name: "Interfaces to ERP, TMS and carriers", description: "Orders and stock with the ERP, loads with the TMS, carrier labels.",
      owner: "p-lena-hoffmann", start: "2026-04-13", finish: "2026-11-27", amount: 240_000, category: "contractors", expenditure: "capex",
      vendor: "KLS",
      rule: { type: "weighted-milestones", milestones: [
        { id: "m-erp", name: "ERP orders and stock interface accepted", weight: "0.3" },
        { id: "m-tms", name: "Transport management interface accepted", weight: "0.3" },
        { id: "m-carriers", name: "Carrier label interfaces accepted", weight: "0.2" },
        { id: "m-e2e", name: "End-to-end interface test passed", weight: "0.2" },
      ] },
      actual: { start: "2026-05-11", now: 62, reached: [["m-erp", "2026-09-18"], ["m-tms", "2026-11-06"]] }, cpi: 0.88 },
    { code: "2.4", name: "Quality assurance of configuration", description: "Reviews and functional tests of configuration, apportioned to it.",
      owner: "p-aylin-yilmaz", start: "2026-03-30", finish: "2026-10-30", amount: 50_400, category: "labour", expenditure: "capex",
      rule: { type: "apportioned", basePackageId: "wp-wms-2.2", factor: "0.12" }, actual: { start: "2026-04-27" }, cpi: 0.9 },
    { code: "3", name: "RF scanners and Wi-Fi upgrade", description: "360 handhelds with MDM enrolment; Wi-Fi survey and new access points per site.",
      owner: "p-stefan-krause", start: "2026-06-01", finish: "2026-12-18", amount: 396_000, category: "hardware", expenditure: "capex",
      vendor: "NSS", rule: { type: "units", totalUnits: "360", unitName: "devices deployed" }, actual: { start: "2026-06-15", now: 45 }, cpi: 0.97,
      etc: { amount: 241_000, basis: "Remaining 198 devices at the contract price plus a Wi-Fi survey of the Poznań cold store." },
      notes: [["2026-08-14", "Supplier announced a ten-week delay for the remaining 240 devices (ISS-WMS-001)."]] },
    { code: "4", name: "Site rollout", description: SUMMARY_NOTE, owner: "p-tomasz-nowak",
      start: "2026-09-07", finish: "2027-05-28", amount: 0, category: "services", expenditure: "capex", rule: SUMMARY_RULE },
    { code: "4.1", name: "Pilot go-live Hamburg distribution centre", description: "Cutover, go-live and two weeks of floor support in Hamburg.",
      owner: "p-tomasz-nowak", start: "2026-09-07", finish: "2026-11-27", amount: 96_000, category: "services", expenditure: "capex",
      vendor: "KLS", rule: { type: "50/50" } },
    { code: "4.2", name: "Rollout Rotterdam and Poznań", description: "Cutover and floor support at the two remaining sites.",
      owner: "p-tomasz-nowak", start: "2027-01-11", finish: "2027-05-28", amount: 180_000, category: "services", expenditure: "capex",
      vendor: "KLS", rule: { type: "0/100" } },
    { code: "5", name: "Training warehouse staff", description: "Scanner and wave-picking training for 650 staff in three languages.",
      owner: "p-paul-richter", start: "2026-10-01", finish: "2027-05-28", amount: 75_000, category: "training", expenditure: "opex",
      rule: { type: "percent-complete" }, actual: { start: "2026-10-05", now: 8 }, cpi: 1 },
  ],
  milestones: [
    { id: "ms-wms-design", name: "Fit-gap and design signed off", key: true, wp: "2.1", baseline: "2026-03-27", actual: "2026-04-24",
      description: "Site managers and the design authority sign the solution design." },
    { id: "ms-wms-scanners", name: "All RF scanners delivered", key: false, wp: "3", baseline: "2026-08-28", forecast: "2026-12-11",
      description: "All 360 devices delivered and enrolled in device management." },
    { id: "ms-wms-config", name: "Configuration complete", key: false, wp: "2.2", baseline: "2026-10-30", forecast: "2026-12-18",
      description: "All site configuration and extensions delivered to the test environment." },
    { id: "ms-wms-pilot", name: "Pilot go-live Hamburg distribution centre", key: true, wp: "4.1", baseline: "2026-11-02", forecast: "2027-01-18",
      description: "Hamburg runs on the cloud edition. Slipped past peak season: forecast 77 days after the baseline." },
    { id: "ms-wms-sites", name: "Rotterdam and Poznań live", key: true, wp: "4.2", baseline: "2027-05-28", forecast: "2027-07-30",
      description: "All three distribution centres on the cloud edition." },
    { id: "ms-wms-close", name: "Project closed", key: false, wp: "1", baseline: "2027-06-30", forecast: "2027-08-31",
      description: "On-premises 2019 release switched off; lessons learned." },
  ],
};

const EINV: ProjectSpec = {
  id: "PRJ-EINV",
  short: "einv",
  name: "E-invoicing for the 2027 obligation",
  description:
    "Makes Northwind compliant with the German B2B e-invoicing obligation from 2027-01-01: structured outbound invoices from " +
    "the ERP and inbound e-invoices booked without re-keying. Ahead of schedule and slightly under cost: outbound " +
    "e-invoicing was ready two weeks early.",
  request: "REQ-2026-003",
  programme: PG_O2C,
  pm: "p-claudia-schmitt",
  sponsor: "p-markus-brandt",
  stakeholders: [
    ["p-markus-brandt", "accountable", "sponsor"], ["p-claudia-schmitt", "responsible", "project-manager"],
    ["p-jonas-weber", "consulted", "programme-manager"], ["p-sabine-wolf", "responsible", "key-user", "Accounts receivable and payable processes."],
    ["p-lena-hoffmann", "responsible", "developer"], ["p-olga-petrova", "consulted", "dba"], ["p-aylin-yilmaz", "responsible", "qa"],
    ["p-paul-richter", "responsible", "trainer"], ["p-stefan-krause", "consulted", "operations"], ["p-joana-silva", "informed", "help-desk"],
    ["p-yusuf-demir", "consulted", "architect"],
  ],
  scope: {
    inScope: [
      "Outbound XRechnung (public sector) and ZUGFeRD EN 16931 (private customers) from the ERP, about 210,000 invoices a year",
      "Inbound e-invoices through the service provider, validated and booked in the ERP",
      "GoBD-compliant archiving for eight years",
      "Customer communication and tests with the top 150 customers",
    ],
    outOfScope: [
      "Peppol for cross-border customers (CR-EINV-001 rejected: the provider covers it)",
      "Polish KSeF e-invoicing (handled by the Poznań entity)",
      "Automated purchase-order matching",
    ],
    assumptions: [
      "The service provider's validator follows the current KoSIT release",
      "Customers that cannot yet process XML receive ZUGFeRD (PDF with embedded XML)",
    ],
    constraints: ["Legal deadline 2027-01-01", "Year-end change freeze from 2026-12-21"],
  },
  plannedStart: "2026-04-01",
  plannedFinish: "2026-12-18",
  created: "2026-03-16",
  activeBaseline: 0,
  baselines: [
    { number: 0, captured: "2026-04-10", by: "p-emma-fischer",
      reason: "Initial baseline approved by the Customer & Order-to-Cash programme board on 2026-04-10." },
  ],
  wps: [
    { code: "1", name: "Project management", description: "Planning, programme board reporting, tax adviser coordination.",
      owner: "p-claudia-schmitt", start: "2026-04-01", finish: "2026-12-18", amount: 72_000, category: "labour", expenditure: "opex",
      rule: { type: "level-of-effort" }, actual: { start: "2026-04-01" }, cpi: 1.02 },
    { code: "2", name: "Requirements and format mapping", description: "Invoice data mapped to EN 16931 business terms; tax adviser review.",
      owner: "p-claudia-schmitt", start: "2026-04-01", finish: "2026-05-29", amount: 48_000, category: "labour", expenditure: "capex",
      rule: { type: "0/100" }, actual: { start: "2026-04-01", finish: "2026-05-22" }, cpi: 1.05 },
    { code: "3", name: "E-invoicing service provider onboarding", description: "Contract, connectivity, validation rules, test channel.",
      owner: "p-claudia-schmitt", start: "2026-05-04", finish: "2026-07-31", amount: 54_000, category: "services", expenditure: "opex",
      vendor: "EIP", rule: { type: "50/50" }, actual: { start: "2026-05-04", finish: "2026-07-17" }, cpi: 1.02 },
    { code: "4", name: "Invoice processing in the ERP", description: SUMMARY_NOTE, owner: "p-lena-hoffmann",
      start: "2026-06-01", finish: "2026-11-27", amount: 0, category: "contractors", expenditure: "capex", rule: SUMMARY_RULE },
    { code: "4.1", name: "Outbound e-invoices (XRechnung, ZUGFeRD)", description: "Output mapping, buyer reference handling, dispatch to the provider.",
      owner: "p-lena-hoffmann", start: "2026-06-01", finish: "2026-10-30", amount: 156_000, category: "contractors", expenditure: "capex",
      vendor: "ESC", rule: { type: "percent-complete" }, actual: { start: "2026-06-01", finish: "2026-10-16" }, cpi: 1.04 },
    { code: "4.2", name: "Inbound e-invoice processing", description: "Receive, validate, render and book incoming e-invoices.",
      owner: "p-lena-hoffmann", start: "2026-06-15", finish: "2026-11-27", amount: 118_000, category: "contractors", expenditure: "capex",
      vendor: "ESC", rule: { type: "physical-percent-complete" }, actual: { start: "2026-06-15", now: 98 }, cpi: 1.03 },
    { code: "5", name: "Customer and tax-adviser testing", description: "Test invoices exchanged with the top 150 customers; tax adviser sign-off.",
      owner: "p-aylin-yilmaz", start: "2026-09-01", finish: "2026-12-04", amount: 64_000, category: "labour", expenditure: "capex",
      rule: { type: "units", totalUnits: "150", unitName: "customers tested" }, actual: { start: "2026-09-01", now: (140 / 150) * 100 }, cpi: 1 },
    { code: "6", name: "Training and process change", description: "Accounts receivable and payable procedures, approver training.",
      owner: "p-paul-richter", start: "2026-10-01", finish: "2026-12-11", amount: 26_000, category: "training", expenditure: "opex",
      rule: { type: "percent-complete" }, actual: { start: "2026-10-01", now: 85 }, cpi: 1 },
    { code: "7", name: "Go-live and GoBD archiving", description: "Production switch per customer segment, archive hand-over, hypercare.",
      owner: "p-claudia-schmitt", start: "2026-11-16", finish: "2026-12-18", amount: 30_000, category: "services", expenditure: "opex",
      vendor: "EIP", rule: { type: "50/50" }, actual: { start: "2026-11-16", now: 40 }, cpi: 1 },
  ],
  milestones: [
    { id: "ms-einv-mapping", name: "Format mapping approved by the tax adviser", key: false, wp: "2", baseline: "2026-05-29", actual: "2026-05-22",
      description: "EN 16931 mapping of all invoice types signed off." },
    { id: "ms-einv-provider", name: "Service provider connected (test)", key: false, wp: "3", baseline: "2026-07-31", actual: "2026-07-17",
      description: "Test invoices flow both ways through the provider." },
    { id: "ms-einv-outbound", name: "Outbound e-invoicing ready in the ERP", key: true, wp: "4.1", baseline: "2026-10-30", actual: "2026-10-16",
      description: "All outbound invoice types produced as valid XRechnung or ZUGFeRD." },
    { id: "ms-einv-customers", name: "Top-150 customer tests complete", key: false, wp: "5", baseline: "2026-12-04", forecast: "2026-11-27",
      description: "Each of the 150 largest customers received and confirmed a test e-invoice." },
    { id: "ms-einv-go-live", name: "Go-live: domestic B2B invoices issued as e-invoices", key: true, wp: "7", baseline: "2026-12-07", forecast: "2026-11-30",
      description: "Production switch for all domestic B2B customers, ahead of the 2027-01-01 deadline." },
    { id: "ms-einv-close", name: "Project closed", key: false, wp: "1", baseline: "2026-12-18", forecast: "2026-12-18",
      description: "Hand-over to finance operations." },
  ],
};

const DCX: ProjectSpec = {
  id: "PRJ-DCX",
  short: "dcx",
  name: "Data centre exit to the cloud",
  description:
    "Moves all servers out of the leased Billbrook colocation data centre into a public cloud landing zone in three waves " +
    "and hands the data centre back before the lease ends on 2027-12-31. Early stage: discovery and the landing zone are " +
    "under way; spend so far is small and on plan.",
  request: "REQ-2026-004",
  programme: PG_OPS,
  pm: "p-frank-meyer",
  sponsor: "p-katrin-vogel",
  stakeholders: [
    ["p-katrin-vogel", "accountable", "sponsor"], ["p-frank-meyer", "responsible", "project-manager"],
    ["p-leila-haddad", "consulted", "programme-manager"], ["p-stefan-krause", "responsible", "operations"],
    ["p-yusuf-demir", "responsible", "architect"], ["p-olga-petrova", "responsible", "dba"], ["p-ben-okafor", "consulted", "security"],
    ["p-tomasz-nowak", "consulted", "project-manager", "The WMS leaves the data centre with the cloud edition (PRJ-WMS)."],
    ["p-joana-silva", "informed", "help-desk"], ["p-sofia-marino", "informed", "portfolio-manager"],
  ],
  scope: {
    inScope: [
      "Discovery of 310 virtual and 42 physical servers and their 140 applications",
      "Landing zone in two EU regions",
      "Three migration waves (rehost, databases re-platformed)",
      "Decommissioning and hand-back of the Billbrook data centre",
    ],
    outOfScope: [
      "The WMS (moves with the cloud edition in PRJ-WMS)",
      "Re-architecting applications to cloud-native services",
      "Backup modernisation (REQ-2027-007)",
    ],
    assumptions: [
      "EU-only regions satisfy customer contracts and GDPR",
      "Application owners accept a four-hour maintenance window per application",
    ],
    constraints: [
      "The lease ends on 2027-12-31; the landlord offers no extension shorter than five years",
      "ERP migration only outside month-end closing (working days 1–5)",
    ],
  },
  plannedStart: "2026-09-01",
  plannedFinish: "2027-12-17",
  created: "2026-08-24",
  activeBaseline: 0,
  baselines: [
    { number: 0, captured: "2026-09-11", by: "p-emma-fischer",
      reason: "Initial baseline approved by the Operations & Platform Modernisation programme board on 2026-09-11." },
  ],
  wps: [
    { code: "1", name: "Project management", description: "Planning, wave governance, landlord and supplier management.", owner: "p-frank-meyer",
      start: "2026-09-01", finish: "2027-12-17", amount: 190_000, category: "labour", expenditure: "opex", rule: { type: "level-of-effort" },
      actual: { start: "2026-09-01" }, cpi: 1 },
    { code: "2", name: "Application discovery and wave planning", description: "Inventory, dependency mapping, migration pattern per application, wave plan.",
      owner: "p-yusuf-demir", start: "2026-09-01", finish: "2026-12-18", amount: 96_000, category: "contractors", expenditure: "opex",
      vendor: "CCS", rule: { type: "percent-complete" }, actual: { start: "2026-09-01", now: 72 }, cpi: 1.01 },
    { code: "3", name: "Cloud landing zone", description: "Network, identity, security baseline, monitoring, backup and cost management.",
      owner: "p-stefan-krause", start: "2026-10-05", finish: "2027-01-29", amount: 140_000, category: "contractors", expenditure: "capex",
      vendor: "CCS",
      rule: { type: "weighted-milestones", milestones: [
        { id: "m-network", name: "Network and connectivity", weight: "0.4" },
        { id: "m-identity", name: "Identity and access", weight: "0.2" },
        { id: "m-security", name: "Security baseline and logging", weight: "0.25" },
        { id: "m-operations", name: "Monitoring, backup and cost management", weight: "0.15" },
      ] },
      actual: { start: "2026-10-05", now: 40, reached: [["m-network", "2026-10-30"]] }, cpi: 1 },
    { code: "4", name: "Migration waves", description: SUMMARY_NOTE, owner: "p-frank-meyer",
      start: "2027-02-01", finish: "2027-10-29", amount: 0, category: "contractors", expenditure: "capex", rule: SUMMARY_RULE },
    { code: "4.1", name: "Wave 1: non-production systems and tools", description: "Test and development systems, monitoring and build tools.",
      owner: "p-frank-meyer", start: "2027-02-01", finish: "2027-04-30", amount: 210_000, category: "contractors", expenditure: "capex",
      vendor: "CCS", rule: { type: "units", totalUnits: "60", unitName: "servers migrated" } },
    { code: "4.2", name: "Wave 2: business applications", description: "Business applications except the ERP, with their databases.",
      owner: "p-frank-meyer", start: "2027-05-03", finish: "2027-08-27", amount: 420_000, category: "contractors", expenditure: "capex",
      vendor: "CCS", rule: { type: "units", totalUnits: "140", unitName: "servers migrated" } },
    { code: "4.3", name: "Wave 3: ERP and databases", description: "ERP application and database servers, outside month-end closing.",
      owner: "p-olga-petrova", start: "2027-09-01", finish: "2027-10-29", amount: 360_000, category: "contractors", expenditure: "capex",
      vendor: "CCS", rule: { type: "0/100" } },
    { code: "5", name: "Cloud consumption during migration", description: "Cloud run cost while workloads run in both places.",
      owner: "p-stefan-krause", start: "2026-11-02", finish: "2027-12-17", amount: 380_000, shape: [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 5, 4, 2],
      category: "cloud", expenditure: "opex", vendor: "CLD", rule: { type: "level-of-effort" }, actual: { start: "2026-11-02" }, cpi: 1 },
    { code: "6", name: "Data centre decommissioning and hand-back", description: "Data wiping, hardware disposal, cage hand-back to the landlord.",
      owner: "p-stefan-krause", start: "2027-11-01", finish: "2027-12-17", amount: 120_000, category: "services", expenditure: "opex",
      vendor: "BBC", rule: { type: "0/100" } },
    { code: "7", name: "Security and compliance controls", description: "Security reviews of the landing zone, apportioned to it.",
      owner: "p-ben-okafor", start: "2026-10-05", finish: "2027-01-29", amount: 35_000, category: "labour", expenditure: "capex",
      rule: { type: "apportioned", basePackageId: "wp-dcx-3", factor: "0.25" }, actual: { start: "2026-10-05" }, cpi: 1 },
  ],
  milestones: [
    { id: "ms-dcx-discovery", name: "Discovery and wave plan approved", key: true, wp: "2", baseline: "2026-12-18", forecast: "2026-12-18",
      description: "Every server has an owner, a migration pattern and a wave." },
    { id: "ms-dcx-landing-zone", name: "Landing zone ready for workloads", key: true, wp: "3", baseline: "2027-01-29", forecast: "2027-01-29",
      description: "Security has accepted the landing zone for production workloads." },
    { id: "ms-dcx-wave-1", name: "Wave 1 complete", key: false, wp: "4.1", baseline: "2027-04-30", description: "60 non-production servers migrated." },
    { id: "ms-dcx-wave-2", name: "Wave 2 complete", key: false, wp: "4.2", baseline: "2027-08-27", description: "140 business application servers migrated." },
    { id: "ms-dcx-erp", name: "ERP running in the cloud", key: true, wp: "4.3", baseline: "2027-10-29", description: "ERP production in the cloud." },
    { id: "ms-dcx-exit", name: "Data centre handed back", key: true, wp: "6", baseline: "2027-12-17",
      description: "Cage empty, hardware disposed of, keys handed back before the lease ends." },
  ],
};

const PROJECTS: readonly ProjectSpec[] = [CRM, WMS, EINV, DCX];

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Extra actual costs that are not monthly package bookings: a credit note, an unassigned cost, a foreign-currency bill
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

function buildExtraCostEntries(): W<"cost-entry">[] {
  return [
    {
      ...stored("ce-wms-3-credit-2026-10", at("2026-10-15", "11:20")),
      projectId: "PRJ-WMS", workPackageId: "wp-wms-3", date: "2026-10-15", amount: eur(-13_200),
      category: "hardware", expenditure: "capex",
      description: "Credit note: 12 scanners returned with faulty battery latches.", sourceRef: "NSS-CN-2026-0017",
    },
    {
      ...stored("ce-crm-travel-2026-04", at("2026-04-17", "12:00")),
      projectId: "PRJ-CRM", date: "2026-04-17", amount: eur(3_480.5), category: "travel", expenditure: "opex",
      description: "Design workshop with Brightline in Lisbon (four people, three days); not charged to a work package.",
      sourceRef: "EXP-2026-04-0311",
    },
    {
      ...stored("ce-dcx-7-usd-2026-10", at("2026-10-30", "18:00")),
      projectId: "PRJ-DCX", workPackageId: "wp-dcx-7", date: "2026-10-30", amount: { amount: "4800.00", currency: "USD" },
      category: "software", expenditure: "opex",
      description: "Cloud security posture tool, first year for the landing zone accounts (marketplace, billed in USD).",
      sourceRef: "MKT-2026-10-88412",
      fxRate: { rate: "0.8614", currency: CURRENCY, source: "ECB", date: "2026-10-30" },
    },
  ];
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// RAID: risks, issues, decisions, actions, change requests
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

function buildRisks(): W<"risk">[] {
  type R = Omit<W<"risk">, "id" | "version" | "createdAt" | "updatedAt"> & { id: string };
  const risks: R[] = [
    { id: "RSK-CRM-001", projectId: "PRJ-CRM", key: "RSK-CRM-001", title: "SalesBase data quality worse than assumed",
      description: "Cause: 15 years of free-text entry and no duplicate checks. Event: the final migration needs a third dry run or manual " +
        "cleansing. Effect: go-live slips and key users lose trust in the new CRM.",
      category: "data", probability: "0.5", impact: 4, costImpact: eur(45_000), scheduleImpactDays: 15, ownerId: "p-david-mensah",
      response: "mitigate", mitigation: "Cleansing sprint with Sales key users in November and December; duplicate rules in the load; a third dry run booked as contingency.",
      contingency: eur(30_000), status: "open", raisedOn: "2026-04-10", reviewDate: "2026-12-04" },
    { id: "RSK-CRM-002", projectId: "PRJ-CRM", key: "RSK-CRM-002", title: "Key users unavailable for UAT",
      description: "Sales key users are needed for customer year-end reviews and the January price round; UAT could run with too few testers.",
      category: "resources", probability: "0.4", impact: 3, scheduleImpactDays: 10, ownerId: "p-ingrid-berg",
      response: "mitigate", mitigation: "UAT placed after the freeze; backfill for two inside sales roles agreed with the CCO.",
      status: "monitoring", raisedOn: "2026-06-19", reviewDate: "2026-12-11" },
    { id: "RSK-CRM-003", projectId: "PRJ-CRM", key: "RSK-CRM-003", title: "Legacy PBX vendor withdraws its CRM connector",
      description: "The telephony connector needed for screen pop-ups was announced end-of-sale.",
      category: "vendor", probability: "0.2", impact: 2, ownerId: "p-rui-almeida",
      response: "avoid", mitigation: "Telephony integration taken out of scope (FR-109, won't have); revisit with the PBX replacement.",
      status: "closed", raisedOn: "2026-05-08", closedOn: "2026-10-02" },
    { id: "RSK-WMS-001", projectId: "PRJ-WMS", key: "RSK-WMS-001", title: "RF scanner deliveries slip",
      description: "The scanner supplier depends on a single chipset maker; a delay would hold the pilot and the Wi-Fi acceptance tests.",
      category: "vendor", probability: "0.6", impact: 4, costImpact: eur(60_000), scheduleImpactDays: 30, ownerId: "p-stefan-krause",
      response: "mitigate", mitigation: "Order split across two lots; 40 loan devices for the pilot; penalty clause invoked.",
      status: "occurred", raisedOn: "2026-02-06", reviewDate: "2026-11-27" },
    { id: "RSK-WMS-002", projectId: "PRJ-WMS", key: "RSK-WMS-002", title: "Cloud edition lacks cross-docking",
      description: "Rotterdam cross-docks 20% of its volume; the cloud edition's cross-docking is on the vendor roadmap for Q2 2027.",
      category: "technical", probability: "0.3", impact: 4, costImpact: eur(80_000), scheduleImpactDays: 40, ownerId: "p-tomasz-nowak",
      response: "escalate", mitigation: "Escalated to the vendor's executive sponsor; fallback is a small extension built by the vendor at its cost.",
      status: "open", raisedOn: "2026-05-22", reviewDate: "2026-12-04" },
    { id: "RSK-WMS-003", projectId: "PRJ-WMS", key: "RSK-WMS-003", title: "Wi-Fi coverage in the Poznań cold store",
      description: "Metal racking and -22 °C may leave dead spots where scanners lose connection.",
      category: "technical", probability: "0.35", impact: 3, costImpact: eur(28_000), scheduleImpactDays: 10, ownerId: "p-stefan-krause",
      response: "mitigate", mitigation: "Site survey with cold-rated access points before the rollout wave.", contingency: eur(28_000),
      status: "open", raisedOn: "2026-07-03", reviewDate: "2027-01-15" },
    { id: "RSK-EINV-001", projectId: "PRJ-EINV", key: "RSK-EINV-001", title: "Customers cannot process structured e-invoices",
      description: "Smaller customers may reject XML-only invoices and pay late.",
      category: "business", probability: "0.3", impact: 3, costImpact: eur(15_000), ownerId: "p-sabine-wolf",
      response: "mitigate", mitigation: "ZUGFeRD hybrid (PDF with embedded XML) as default for private customers; readiness letter to the top 150.",
      status: "monitoring", raisedOn: "2026-04-17", reviewDate: "2026-12-11" },
    { id: "RSK-EINV-002", projectId: "PRJ-EINV", key: "RSK-EINV-002", title: "Early finish frees the accounts payable project team",
      description: "Opportunity: if go-live holds at 2026-11-30, the AP team can start the supplier master-data clean-up in December instead of buying help in Q1.",
      category: "resources", probability: "0.6", impact: 2, costImpact: eur(-18_000), ownerId: "p-claudia-schmitt",
      response: "exploit", mitigation: "Plan the clean-up for December with the AP team; cancel the Q1 temp order once go-live is confirmed.",
      status: "open", raisedOn: "2026-10-23", reviewDate: "2026-12-04" },
    { id: "RSK-DCX-001", projectId: "PRJ-DCX", key: "RSK-DCX-001", title: "Data centre not empty when the lease ends",
      description: "Any slip in wave 3 (ERP) past mid-December forces a lease extension; the landlord offers only five years or a penalty rent.",
      category: "schedule", probability: "0.4", impact: 5, costImpact: eur(240_000), scheduleImpactDays: 60, ownerId: "p-frank-meyer",
      response: "mitigate", mitigation: "ERP wave planned with six weeks of float; negotiating a six-month penalty rent option as fallback.",
      contingency: eur(120_000), status: "open", raisedOn: "2026-09-11", reviewDate: "2026-12-18" },
    { id: "RSK-DCX-002", projectId: "PRJ-DCX", key: "RSK-DCX-002", title: "Cloud run cost above plan after lift-and-shift",
      description: "Rehosted servers sized like their on-premises originals would cost 30–40% more than planned.",
      category: "financial", probability: "0.5", impact: 3, costImpact: eur(110_000), ownerId: "p-stefan-krause",
      response: "mitigate", mitigation: "Right-size from four weeks of utilisation data; reserved instances after wave 2; monthly FinOps review.",
      status: "open", raisedOn: "2026-10-09", reviewDate: "2026-12-11" },
    { id: "RSK-OPS-001", programmeId: PG_OPS, key: "RSK-OPS-001", title: "Infrastructure team over-allocated in Q1 2027",
      description: "The WMS slip moves its Rotterdam and Poznań rollout on top of the data centre wave 1; the same six infrastructure engineers are planned on both.",
      category: "resources", probability: "0.55", impact: 4, scheduleImpactDays: 20, ownerId: "p-leila-haddad",
      response: "escalate", mitigation: "Escalated to the portfolio board: prioritise WMS in January and February, or contract two engineers for wave 1.",
      status: "open", raisedOn: "2026-10-30", reviewDate: "2026-12-04" },
  ];
  return risks.map((r) => ({ ...r, ...opt("scheduleImpactOn", RISK_IMPACTS[r.id]), ...stored(r.id, at(r.raisedOn, "10:00"), r.status === "closed" ? at(r.closedOn!, "16:00") : SNAPSHOT) }));
}

function buildIssues(): W<"issue">[] {
  type I = Omit<W<"issue">, "id" | "version" | "createdAt" | "updatedAt"> & { id: string };
  const issues: I[] = [
    { id: "ISS-WMS-001", projectId: "PRJ-WMS", key: "ISS-WMS-001", title: "RF scanner delivery delayed ten weeks",
      description: "The supplier delivered 120 of 360 devices; the remaining 240 are ten weeks late. The pilot cannot start without them.",
      severity: "high", ownerId: "p-stefan-krause", raisedOn: "2026-08-14", dueDate: "2026-12-11", status: "in-progress" },
    { id: "ISS-WMS-002", projectId: "PRJ-WMS", key: "ISS-WMS-002", title: "Vendor configuration team understaffed",
      description: "The WMS vendor moved two of six consultants to another customer; configuration velocity dropped by a third.",
      severity: "critical", ownerId: "p-tomasz-nowak", raisedOn: "2026-09-25", dueDate: "2026-11-13", status: "open" },
    { id: "ISS-CRM-001", projectId: "PRJ-CRM", key: "ISS-CRM-001", title: "Duplicate accounts in SalesBase",
      description: "Dry run 1 found 18% duplicate accounts; loading them would split opportunity history.",
      severity: "medium", ownerId: "p-david-mensah", raisedOn: "2026-10-23", dueDate: "2026-12-18", status: "in-progress" },
    { id: "ISS-CRM-002", projectId: "PRJ-CRM", key: "ISS-CRM-002", title: "Sandbox environment outage delayed integration tests",
      description: "The Dynamics 365 sandbox was unavailable for three days after a failed solution import.",
      severity: "low", ownerId: "p-marco-rossi", raisedOn: "2026-09-14", status: "closed",
      resolution: "Solution import order fixed; sandbox restored from backup; the three days were absorbed by test float.", resolvedOn: "2026-09-17" },
    { id: "ISS-EINV-001", projectId: "PRJ-EINV", key: "ISS-EINV-001", title: "Tax adviser requires proof of GoBD archiving",
      description: "The tax adviser will not sign off without a documented archiving procedure for XML originals.",
      severity: "medium", ownerId: "p-claudia-schmitt", raisedOn: "2026-09-30", dueDate: "2026-10-30", status: "resolved",
      resolution: "Procedural documentation written and archive tables extended to store the XML original with its hash.", resolvedOn: "2026-10-23" },
    { id: "ISS-DCX-001", projectId: "PRJ-DCX", key: "ISS-DCX-001", title: "23% of servers have no owner in the CMDB",
      description: "Without an owner nobody can approve the migration pattern or the maintenance window.",
      severity: "medium", ownerId: "p-frank-meyer", raisedOn: "2026-10-16", dueDate: "2026-12-18", status: "open" },
  ];
  return issues.map((i) => ({ ...i, ...stored(i.id, at(i.raisedOn, "11:00"), i.resolvedOn ? at(i.resolvedOn, "16:00") : SNAPSHOT) }));
}

function buildDecisions(): W<"decision">[] {
  type D = Omit<W<"decision">, "id" | "version" | "createdAt" | "updatedAt"> & { id: string; created: string };
  const decisions: D[] = [
    { id: "DEC-CRM-001", created: "2026-03-05", projectId: "PRJ-CRM", title: "Hosting of the new CRM",
      description: "SaaS in Microsoft's EU data boundary or the on-premises server edition in our data centre.",
      options: ["Dynamics 365 SaaS (EU data boundary)", "Dynamics 365 on-premises in the Billbrook data centre"],
      outcome: "Dynamics 365 SaaS (EU data boundary)",
      rationale: "The data centre closes in 2027 (PRJ-DCX); SaaS removes upgrade projects; the security review found the EU data boundary sufficient.",
      decidedBy: "p-ana-costa", decidedOn: "2026-03-12", status: "approved" },
    { id: "DEC-CRM-002", created: "2026-09-01", projectId: "PRJ-CRM", title: "Go-live date of the CRM",
      description: "Keep 2027-02-01 with a compressed UAT across the year-end freeze, or move to 2027-03-01.",
      options: ["Keep 2027-02-01", "Move to 2027-03-01"], outcome: "Move to 2027-03-01",
      rationale: "UAT in the freeze weeks is not possible; a second dry run is needed after the duplicate findings; consent management fits in.",
      decidedBy: "p-ana-costa", decidedOn: "2026-09-15", status: "approved" },
    { id: "DEC-WMS-001", created: "2026-02-02", projectId: "PRJ-WMS", title: "Pilot go-live before peak season",
      description: "Pilot in Hamburg on 2026-11-02, before the peak-season freeze.", options: ["Pilot 2026-11-02", "Pilot after peak season"],
      outcome: "Pilot 2026-11-02", decidedBy: "p-henrik-larsen", decidedOn: "2026-02-10", status: "superseded", supersededBy: "DEC-WMS-002" },
    { id: "DEC-WMS-002", created: "2026-10-13", projectId: "PRJ-WMS", title: "Move the pilot after peak season",
      description: "Scanners and configuration are not ready for 2026-11-02; no cutover is allowed during peak season.",
      options: ["Force a reduced pilot on 2026-11-16", "Pilot on 2027-01-18 after peak season"], outcome: "Pilot on 2027-01-18 after peak season",
      rationale: "A reduced pilot without the new scanners would test little and risk the peak; January is the first allowed window.",
      decidedBy: "p-henrik-larsen", decidedOn: "2026-10-20", status: "approved" },
    { id: "DEC-EINV-001", created: "2026-05-04", projectId: "PRJ-EINV", title: "Invoice formats by customer group",
      description: "Which EN 16931 syntax to send to which customers.",
      options: ["XRechnung for everyone", "ZUGFeRD for everyone", "XRechnung for the public sector, ZUGFeRD EN 16931 for private customers"],
      outcome: "XRechnung for the public sector, ZUGFeRD EN 16931 for private customers",
      rationale: "Public buyers require XRechnung; private customers can read the PDF part of ZUGFeRD while they upgrade.",
      decidedBy: "p-markus-brandt", decidedOn: "2026-05-12", status: "approved" },
    { id: "DEC-DCX-001", created: "2026-11-06", projectId: "PRJ-DCX", title: "One cloud provider or two",
      description: "Landing zone on one hyperscaler, or the ERP on a second provider for bargaining power and resilience.",
      options: ["One provider, two regions", "Two providers (ERP on the second)"], status: "proposed" },
  ];
  return decisions.map(({ created, ...d }) => ({ ...d, ...stored(d.id, at(created, "10:00"), d.decidedOn ? at(d.decidedOn, "17:00") : at(created, "10:00")) }))
    .map((d) => (d.id === "DEC-WMS-001" ? { ...d, updatedAt: at("2026-10-20", "17:00") } : d));
}

function buildActions(): W<"action">[] {
  type A = Omit<W<"action">, "id" | "version" | "createdAt" | "updatedAt"> & { id: string; created: string };
  const actions: A[] = [
    { id: "ACT-CRM-001", created: "2026-10-26", projectId: "PRJ-CRM", title: "Run the data-cleansing sprint with Sales key users",
      description: "Merge duplicate accounts by customer number and VAT id; key users decide the survivors.", ownerId: "p-david-mensah",
      dueDate: "2026-12-04", status: "in-progress", source: { kind: "issue", id: "ISS-CRM-001" } },
    { id: "ACT-CRM-002", created: "2026-10-30", projectId: "PRJ-CRM", title: "Book UAT rooms and backfill for key users in February",
      ownerId: "p-rui-almeida", dueDate: "2026-12-11", status: "open", source: { kind: "risk", id: "RSK-CRM-002" } },
    { id: "ACT-CRM-003", created: "2026-05-11", projectId: "PRJ-CRM", title: "Evaluate a third-party telephony connector",
      ownerId: "p-marco-rossi", dueDate: "2026-06-30", status: "cancelled", source: { kind: "risk", id: "RSK-CRM-003" } },
    { id: "ACT-WMS-001", created: "2026-08-17", projectId: "PRJ-WMS", title: "Escalate the scanner delay to the supplier's managing director",
      ownerId: "p-henrik-larsen", dueDate: "2026-08-28", status: "done", completedOn: "2026-08-26", source: { kind: "issue", id: "ISS-WMS-001" } },
    { id: "ACT-WMS-002", created: "2026-09-28", projectId: "PRJ-WMS", title: "Get two more vendor consultants on the configuration team",
      description: "Contractual staffing commitment from the vendor, or a credit on the fixed price.", ownerId: "p-tomasz-nowak",
      dueDate: "2026-11-13", status: "open", source: { kind: "issue", id: "ISS-WMS-002" } },
    { id: "ACT-EINV-001", created: "2026-08-03", projectId: "PRJ-EINV", title: "Send the e-invoicing readiness letter to the top 150 customers",
      ownerId: "p-sabine-wolf", dueDate: "2026-08-31", status: "done", completedOn: "2026-08-28", source: { kind: "risk", id: "RSK-EINV-001" } },
    { id: "ACT-DCX-001", created: "2026-10-19", projectId: "PRJ-DCX", title: "Name an owner for every server in the CMDB",
      ownerId: "p-stefan-krause", dueDate: "2026-12-18", status: "in-progress", source: { kind: "issue", id: "ISS-DCX-001" } },
    { id: "ACT-DCX-002", created: "2026-11-06", projectId: "PRJ-DCX", title: "Prepare the decision paper on one or two cloud providers",
      ownerId: "p-yusuf-demir", dueDate: "2026-12-04", status: "open", source: { kind: "decision", id: "DEC-DCX-001" } },
  ];
  return actions.map(({ created, ...a }) => ({ ...a, ...stored(a.id, at(created, "10:30"), a.completedOn ? at(a.completedOn, "16:00") : SNAPSHOT) }));
}

function buildChangeRequests(): W<"change-request">[] {
  const bac = (p: ProjectSpec, n: number) =>
    buildBaselines(p).find((b) => b.number === n)!.workPackages.flatMap((w) => w.timePhasedBudget).reduce((s, x) => s + Number(x.amount.amount), 0);
  return [
    {
      ...stored("CR-CRM-001", at("2026-08-20", "10:00"), at("2026-09-18", "16:00")),
      projectId: "PRJ-CRM", key: "CR-CRM-001", title: "Add consent management and move go-live to 2027-03-01",
      description:
        "Marketing needs consent per contact and purpose before the first campaign from the new CRM (GDPR, German unfair " +
        "competition act). Adding it before go-live, together with the duplicate findings of dry run 1, no longer fits " +
        "2027-02-01 with the year-end freeze.",
      requestedBy: "p-ingrid-berg", requestedOn: "2026-08-20",
      scopeImpact: "New work package 2.4 Consent management module; UAT, training and cutover move four weeks later.",
      costImpact: eur(bac(CRM, 1) - bac(CRM, 0)), scheduleImpactDays: 28, status: "implemented",
      decidedBy: "p-ana-costa", decidedOn: "2026-09-15",
      decisionReason: "Approved by the steering committee: consent is a legal precondition for marketing use; baseline 1 captured on 2026-09-18.",
    },
    {
      ...stored("CR-WMS-001", at("2026-10-27", "10:00")),
      projectId: "PRJ-WMS", key: "CR-WMS-001", title: "Re-plan the rollout after peak season",
      description:
        "Following DEC-WMS-002 the Hamburg pilot moves to 2027-01-18 and the Rotterdam and Poznań rollout to July 2027. " +
        "The extra months of vendor time and project management, and the re-estimate of configuration, need a new baseline.",
      requestedBy: "p-tomasz-nowak", requestedOn: "2026-10-27",
      scopeImpact: "No scope change; pilot and site rollouts move, configuration and interfaces finish in December.",
      costImpact: eur(262_000), scheduleImpactDays: 62, status: "submitted",
    },
    {
      ...stored("CR-EINV-001", at("2026-08-24", "10:00"), at("2026-09-08", "15:00")),
      projectId: "PRJ-EINV", key: "CR-EINV-001", title: "Add Peppol for Belgian and Dutch customers",
      description: "Belgium requires B2B e-invoices over Peppol from 2026; Dutch public customers already do.",
      requestedBy: "p-sabine-wolf", requestedOn: "2026-08-24",
      scopeImpact: "Peppol access point connection and BIS Billing 3.0 output.", costImpact: eur(38_000), scheduleImpactDays: 15,
      status: "rejected", decidedBy: "p-markus-brandt", decidedOn: "2026-09-08",
      decisionReason: "Rejected: the service provider's Peppol access point covers Belgium and the Netherlands at no extra cost from January.",
    },
  ];
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Requirements, artifacts, test cases, test runs, defects, trace links, acknowledgements
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

type ReqType = W<"requirement">["type"];
type ReqStatus = W<"requirement">["status"];

interface ReqSpec {
  key: string;
  project: string;
  type: ReqType;
  title: string;
  statement: string;
  rationale?: string;
  source?: string;
  priority: W<"requirement">["priority"];
  criteria: string[];
  verification: W<"requirement">["verificationMethod"];
  owner: string;
  status: ReqStatus;
  parent?: string;
  audiences?: Role[];
  tags?: string[];
  /** The statement as it stood before its last change (acknowledgements of the old text are stale). */
  previousStatement?: string;
  created: string;
}

const REQUIREMENTS: ReqSpec[] = [
  // ── CRM ──────────────────────────────────────────────────────────────────────────────────────────────────────────
  { key: "BR-001", project: "PRJ-CRM", type: "business", title: "One customer view for sales and customer service",
    statement: "Northwind shall give every sales and customer service employee one shared view of each customer's accounts, contacts, opportunities, quotes, shipments and open cases.",
    rationale: "Account history is spread over SalesBase, the ERP and mailboxes; four tenders were lost partly because of it in 2025.",
    source: "p-ana-costa", priority: "must", criteria: ["Sales and customer service work from the same customer record", "No parallel Excel pipelines six months after go-live"],
    verification: "analysis", owner: "p-ingrid-berg", status: "approved", created: "2026-03-09" },
  { key: "BR-002", project: "PRJ-CRM", type: "business", title: "Standard quotes within one working day",
    statement: "Northwind shall issue standard freight quotes within one working day of the customer's request.",
    source: "p-ana-costa", priority: "must", criteria: ["Median quote turnaround of 1.0 working days or less over a quarter"],
    verification: "analysis", owner: "p-ingrid-berg", status: "approved", created: "2026-03-09" },
  { key: "BR-003", project: "PRJ-CRM", type: "business", title: "Retire SalesBase before its database support ends",
    statement: "Northwind shall stop all business use of SalesBase before its database support ends in June 2027.",
    source: "p-katrin-vogel", priority: "must", criteria: ["SalesBase read-only from go-live", "SalesBase switched off by 2027-06-30 except the read-only archive"],
    verification: "inspection", owner: "p-rui-almeida", status: "approved", created: "2026-03-09" },
  { key: "SR-001", project: "PRJ-CRM", type: "stakeholder", parent: "BR-001", title: "Key account managers see shipment history",
    statement: "As a key account manager I need the last 24 months of shipments and revenue of my accounts next to the opportunities, so that I can prepare account reviews without asking controlling.",
    source: "p-greta-lindqvist", priority: "must", criteria: ["Shipment history visible on the account without leaving the CRM"],
    verification: "demonstration", owner: "p-david-mensah", status: "approved", created: "2026-03-23" },
  { key: "SR-002", project: "PRJ-CRM", type: "stakeholder", parent: "BR-002", title: "Inside sales builds quotes from rate cards",
    statement: "As an inside sales agent I need to build a quote from the current rate card, with surcharges and discounts, and send it as PDF in one step.",
    source: "p-greta-lindqvist", priority: "must", criteria: ["A standard quote takes under 15 minutes to build"],
    verification: "demonstration", owner: "p-david-mensah", status: "approved", created: "2026-03-23" },
  { key: "SR-003", project: "PRJ-CRM", type: "stakeholder", parent: "BR-001", title: "Customer service sees open cases and contracts",
    statement: "As a customer service agent I need to see a caller's open cases, contracts and service levels before I answer.",
    source: "p-ingrid-berg", priority: "must", criteria: ["Caller's record found by phone number or customer number in under 10 seconds"],
    verification: "demonstration", owner: "p-david-mensah", status: "approved", created: "2026-03-23" },
  { key: "SR-004", project: "PRJ-CRM", type: "stakeholder", parent: "BR-001", title: "Marketing consent recorded per contact",
    statement: "As marketing I need to know, per contact and purpose, whether and when the contact consented, so that campaigns only reach people who agreed.",
    source: "p-ana-costa", priority: "must", criteria: ["Every marketing send is checked against recorded consent"],
    verification: "demonstration", owner: "p-david-mensah", status: "approved", tags: ["gdpr", "cr-crm-001"], created: "2026-08-24" },
  { key: "FR-101", project: "PRJ-CRM", type: "functional", parent: "SR-001", title: "Shipment history panel on the account",
    statement: "The system shall show on the account form the customer's shipments of the last 24 months (count, revenue and on-time rate per month) from the ERP, refreshed nightly.",
    priority: "must", criteria: ["Figures match the ERP report for 20 sample accounts", "Data is at most one night old", "Revenue shown in EUR with the unit"],
    verification: "test", owner: "p-lena-hoffmann", status: "implemented", audiences: ["developer", "help-desk", "key-user"], created: "2026-04-06" },
  { key: "FR-102", project: "PRJ-CRM", type: "functional", parent: "SR-002", title: "Quote from rate card",
    statement: "The system shall price a quote from the customer's rate card, add fuel and toll surcharges, apply the approved discount once on the quote total, and produce a PDF.",
    priority: "must", criteria: ["Prices equal the rate card for 30 reference lanes", "Discount applied once on the total, not per line", "PDF in the customer's language (DE, EN, NL, PL)"],
    verification: "test", owner: "p-marco-rossi", status: "implemented", audiences: ["developer", "key-user", "trainer"],
    previousStatement: "The system shall price a quote from the customer's rate card, add fuel and toll surcharges, apply the approved discount and produce a PDF.",
    created: "2026-04-06" },
  { key: "FR-103", project: "PRJ-CRM", type: "functional", parent: "SR-002", title: "Approval of discounts above the threshold",
    statement: "The system shall route a quote with a discount above 8% to the sales manager for approval before it can be sent.",
    priority: "should", criteria: ["Quotes above 8% cannot be sent unapproved", "Approver notified by e-mail and in the app"],
    verification: "test", owner: "p-marco-rossi", status: "implemented", created: "2026-04-06" },
  { key: "FR-104", project: "PRJ-CRM", type: "functional", parent: "SR-003", title: "Cases with service-level timers",
    statement: "The system shall record customer cases with category, priority and a service-level timer that pauses while waiting for the customer.",
    priority: "must", criteria: ["Timer pauses and resumes with the waiting status", "Breached cases highlighted in the queue"],
    verification: "test", owner: "p-marco-rossi", status: "verified", audiences: ["help-desk", "trainer"], created: "2026-04-06" },
  { key: "FR-105", project: "PRJ-CRM", type: "functional", parent: "SR-003", title: "Find the caller by phone or customer number",
    statement: "The system shall find a contact or account by phone number, customer number or VAT id from one search box.",
    priority: "must", criteria: ["Result in under 2 seconds for 95% of searches", "Phone numbers matched in any format"],
    verification: "test", owner: "p-marco-rossi", status: "verified", created: "2026-04-06" },
  { key: "FR-106", project: "PRJ-CRM", type: "functional", parent: "SR-004", title: "Consent capture with double opt-in",
    statement: "The system shall record consent per contact and purpose with source and timestamp, confirm it by double opt-in e-mail, and honour withdrawal within 24 hours.",
    priority: "must", criteria: ["Consent without confirmation is not usable for marketing", "Withdrawal blocks sends within 24 hours", "Audit trail of every change"],
    verification: "test", owner: "p-marco-rossi", status: "approved", audiences: ["developer", "help-desk", "trainer"], tags: ["gdpr", "cr-crm-001"],
    created: "2026-09-21" },
  { key: "FR-107", project: "PRJ-CRM", type: "functional", parent: "SR-001", title: "Outlook add-in to track e-mails",
    statement: "The system shall let users file an Outlook e-mail against an account, contact or opportunity from within Outlook.",
    priority: "could", criteria: ["Filed e-mails appear on the record's timeline"],
    verification: "demonstration", owner: "p-marco-rossi", status: "implemented", created: "2026-04-06" },
  { key: "FR-108", project: "PRJ-CRM", type: "functional", parent: "SR-002", title: "Create the ERP order from a won quote",
    statement: "The system shall create the transport order in the ERP when a quote is marked won, and show the ERP order number on the opportunity.",
    priority: "must", criteria: ["Order created within 5 minutes", "Failed transfers raise an alert to operations"],
    verification: "test", owner: "p-lena-hoffmann", status: "implemented", audiences: ["developer", "operations"], created: "2026-04-06" },
  { key: "FR-109", project: "PRJ-CRM", type: "functional", parent: "SR-003", title: "Screen pop-up from the telephone system",
    statement: "The system shall open the caller's record when a call from a known number reaches an agent's phone.",
    rationale: "Not in this release: the PBX connector was withdrawn (RSK-CRM-003); revisit with the PBX replacement.",
    priority: "wont", criteria: ["Record opens within 2 seconds of the call"], verification: "demonstration", owner: "p-david-mensah",
    status: "approved", created: "2026-04-06" },
  { key: "NFR-001", project: "PRJ-CRM", type: "non-functional", parent: "BR-001", title: "Availability in business hours",
    statement: "The CRM and its integrations shall be available 99.5% of business hours (Monday to Friday, 07:00–19:00 CET) per month.",
    priority: "must", criteria: ["Measured by synthetic monitoring every 5 minutes", "Monthly report to the service owner"],
    verification: "analysis", owner: "p-stefan-krause", status: "approved", audiences: ["operations", "help-desk"], created: "2026-04-13" },
  { key: "NFR-002", project: "PRJ-CRM", type: "non-functional", parent: "BR-001", title: "Access by role and region",
    statement: "Users shall only see accounts of their region and business unit unless their role grants wider access; administrators use separate accounts with MFA.",
    priority: "must", criteria: ["Role model approved by information security", "Access review every six months"],
    verification: "inspection", owner: "p-ben-okafor", status: "approved", audiences: ["security", "operations"], tags: ["security"], created: "2026-04-13" },
  { key: "NFR-003", project: "PRJ-CRM", type: "non-functional", parent: "SR-001", title: "Account form response time",
    statement: "The account form including the shipment history panel shall load within 2 seconds for 95% of requests.",
    priority: "should", criteria: ["Measured in SIT with 100 concurrent users"], verification: "test", owner: "p-lena-hoffmann",
    status: "approved", audiences: ["developer", "operations"], created: "2026-04-13" },
  { key: "TR-001", project: "PRJ-CRM", type: "transition", parent: "BR-003", title: "Migrate SalesBase data with reconciliation",
    statement: "Accounts, contacts, open opportunities and 24 months of activities shall be migrated from SalesBase, de-duplicated, and reconciled by record counts and revenue totals per region.",
    priority: "must", criteria: ["Counts reconcile per region and object", "Duplicate accounts merged before the final load", "Reconciliation signed by Sales Operations"],
    verification: "inspection", owner: "p-olga-petrova", status: "approved", audiences: ["dba", "key-user"],
    previousStatement: "Accounts, contacts, open opportunities and 24 months of activities shall be migrated from SalesBase and reconciled by record counts per region.",
    created: "2026-04-13" },
  { key: "TR-002", project: "PRJ-CRM", type: "transition", parent: "BR-003", title: "SalesBase read-only for twelve months",
    statement: "SalesBase shall remain available read-only for twelve months after go-live, then be archived.",
    priority: "should", criteria: ["Write access removed at cutover", "Archive export verified before switch-off"],
    verification: "inspection", owner: "p-olga-petrova", status: "approved", audiences: ["dba", "operations", "help-desk"], created: "2026-04-13" },
  { key: "TR-003", project: "PRJ-CRM", type: "transition", parent: "BR-001", title: "Training before access",
    statement: "Every user shall complete the role-based training before their CRM account is activated.",
    priority: "must", criteria: ["Account activation checks the training record", "90% of each wave trained before the wave starts"],
    verification: "inspection", owner: "p-paul-richter", status: "approved", audiences: ["trainer", "help-desk"], created: "2026-04-13" },
  // ── E-invoicing ──────────────────────────────────────────────────────────────────────────────────────────────────
  { key: "BR-004", project: "PRJ-EINV", type: "business", title: "Compliant e-invoices from 2027-01-01",
    statement: "Northwind shall issue every domestic B2B invoice as an EN 16931-compliant e-invoice from 2027-01-01.",
    rationale: "German e-invoicing obligation for companies above EUR 800,000 turnover.", source: "p-markus-brandt", priority: "must",
    criteria: ["No domestic B2B invoice issued on paper or as plain PDF from 2027-01-01"], verification: "inspection",
    owner: "p-claudia-schmitt", status: "approved", tags: ["compliance"], created: "2026-04-08" },
  { key: "BR-005", project: "PRJ-EINV", type: "business", title: "Incoming invoices booked without keying",
    statement: "Northwind shall book incoming structured e-invoices without manual re-keying.",
    source: "p-markus-brandt", priority: "should", criteria: ["90% of incoming e-invoices booked without touching the amounts"],
    verification: "analysis", owner: "p-claudia-schmitt", status: "approved", created: "2026-04-08" },
  { key: "SR-005", project: "PRJ-EINV", type: "stakeholder", parent: "BR-004", title: "Customers receive invoices they can process",
    statement: "As accounts receivable I need each customer to receive the e-invoice format they can process, so that invoices are paid on time.",
    source: "p-sabine-wolf", priority: "must", criteria: ["Format per customer stored in the customer master"], verification: "demonstration",
    owner: "p-sabine-wolf", status: "approved", created: "2026-04-15" },
  { key: "FR-201", project: "PRJ-EINV", type: "functional", parent: "SR-005", title: "XRechnung for public-sector customers",
    statement: "The ERP shall produce XRechnung (UBL syntax) with the buyer reference (BT-10) for public-sector customers and send it through the provider.",
    priority: "must", criteria: ["Validator of the provider reports no errors for all invoice types", "Buyer reference mandatory for public customers"],
    verification: "test", owner: "p-lena-hoffmann", status: "verified", audiences: ["developer", "key-user"], created: "2026-04-20" },
  { key: "FR-202", project: "PRJ-EINV", type: "functional", parent: "SR-005", title: "ZUGFeRD for private customers",
    statement: "The ERP shall produce ZUGFeRD invoices (PDF/A-3 with embedded CII XML, EN 16931 profile) for private customers.",
    priority: "must", criteria: ["XML and PDF show the same amounts", "Validator reports no errors"], verification: "test",
    owner: "p-lena-hoffmann", status: "verified", audiences: ["developer", "key-user"], created: "2026-04-20" },
  { key: "FR-203", project: "PRJ-EINV", type: "functional", parent: "BR-005", title: "Receive, validate and book inbound e-invoices",
    statement: "The ERP shall receive incoming e-invoices from the provider, validate them against EN 16931 and the purchase order, and post them for approval.",
    priority: "must", criteria: ["Invalid invoices rejected with the validator's reason", "Valid invoices posted as parked documents"],
    verification: "test", owner: "p-lena-hoffmann", status: "implemented", audiences: ["developer", "operations"], created: "2026-04-20" },
  { key: "FR-204", project: "PRJ-EINV", type: "functional", parent: "BR-005", title: "Readable view of inbound XML for approvers",
    statement: "The ERP shall show approvers an incoming XML invoice as a readable invoice layout.",
    priority: "should", criteria: ["All mandatory business terms shown"], verification: "demonstration", owner: "p-lena-hoffmann",
    status: "implemented", created: "2026-04-20" },
  { key: "FR-205", project: "PRJ-EINV", type: "functional", parent: "SR-005", title: "PDF copy on request",
    statement: "The ERP shall send a PDF copy alongside the e-invoice to customers who ask for one.",
    priority: "could", criteria: ["Flag in the customer master"], verification: "test", owner: "p-lena-hoffmann", status: "verified",
    created: "2026-04-20" },
  { key: "NFR-004", project: "PRJ-EINV", type: "non-functional", parent: "BR-004", title: "GoBD-compliant archiving for eight years",
    statement: "Outgoing and incoming e-invoices shall be archived unchanged, in their original XML, with a hash, for eight years, and be retrievable within one minute.",
    priority: "must", criteria: ["Tax adviser approves the procedure documentation", "Retrieval test on 50 random invoices"],
    verification: "inspection", owner: "p-olga-petrova", status: "verified", audiences: ["dba", "operations"], tags: ["compliance"], created: "2026-04-20" },
  { key: "TR-004", project: "PRJ-EINV", type: "transition", parent: "BR-004", title: "Switch customers over by segment",
    statement: "Customers shall be switched to e-invoices segment by segment (public sector, top 150, rest) after a confirmed test invoice.",
    priority: "should", criteria: ["Switch date recorded per customer", "Every top-150 customer confirmed a test invoice"],
    verification: "inspection", owner: "p-sabine-wolf", status: "approved", audiences: ["key-user", "help-desk"], created: "2026-04-20" },
  // ── WMS ──────────────────────────────────────────────────────────────────────────────────────────────────────────
  { key: "BR-006", project: "PRJ-WMS", type: "business", title: "Fewer labour hours per order line",
    statement: "Northwind shall reduce warehouse labour hours per order line by 6% at the three distribution centres by 2028.",
    source: "p-henrik-larsen", priority: "must", criteria: ["Measured monthly per site against the 2025 baseline"],
    verification: "analysis", owner: "p-tomasz-nowak", status: "approved", created: "2026-01-19" },
  { key: "SR-006", project: "PRJ-WMS", type: "stakeholder", parent: "BR-006", title: "Supervisors plan waves across zones",
    statement: "As a shift supervisor I need to release picking waves across zones by carrier cut-off time, so that pickers walk less and trucks leave on time.",
    source: "p-pieter-dejong", priority: "must", criteria: ["Waves planned by cut-off in the supervisor screen"], verification: "demonstration",
    owner: "p-david-mensah", status: "approved", created: "2026-02-02" },
  { key: "FR-301", project: "PRJ-WMS", type: "functional", parent: "SR-006", title: "Wave picking across zones",
    statement: "The WMS shall build and release picking waves across zones, grouped by carrier cut-off, for up to 2,000 order lines per wave.",
    priority: "must", criteria: ["A wave of 2,000 lines releases in under 60 seconds", "Pick paths sorted by location"],
    verification: "test", owner: "p-david-mensah", status: "approved", audiences: ["key-user", "trainer", "operations"], created: "2026-02-16" },
  { key: "FR-302", project: "PRJ-WMS", type: "functional", parent: "SR-006", title: "Task interleaving for forklifts",
    statement: "The WMS shall interleave put-away and replenishment tasks for forklift drivers to reduce empty travel.",
    priority: "should", criteria: ["Empty travel reduced by 15% in the pilot"], verification: "analysis", owner: "p-david-mensah",
    status: "approved", created: "2026-02-16" },
  { key: "NFR-005", project: "PRJ-WMS", type: "non-functional", parent: "BR-006", title: "Scanner response time",
    statement: "Every scanner transaction shall respond within one second for 98% of transactions, anywhere in the three sites including cold stores.",
    priority: "must", criteria: ["Measured during the pilot over two weeks"], verification: "test", owner: "p-stefan-krause",
    status: "approved", audiences: ["operations", "help-desk"], created: "2026-02-16" },
  { key: "TR-005", project: "PRJ-WMS", type: "transition", parent: "BR-006", title: "Site cutover outside peak season",
    statement: "Each site shall cut over on a weekend outside peak season (15 November to 8 January), with the old release kept ready for rollback for one week.",
    priority: "must", criteria: ["Cutover calendar approved by the COO", "Rollback tested in the dress rehearsal"], verification: "inspection",
    owner: "p-tomasz-nowak", status: "approved", audiences: ["operations", "key-user"], created: "2026-02-16" },
  // ── Data centre exit ─────────────────────────────────────────────────────────────────────────────────────────────
  { key: "BR-007", project: "PRJ-DCX", type: "business", title: "Out of the Billbrook data centre before the lease ends",
    statement: "Northwind shall run no production or test workload in the Billbrook data centre after 2027-12-17.",
    source: "p-katrin-vogel", priority: "must", criteria: ["Cage handed back and signed off by the landlord before 2027-12-31"],
    verification: "inspection", owner: "p-frank-meyer", status: "approved", created: "2026-09-07" },
  { key: "NFR-006", project: "PRJ-DCX", type: "non-functional", parent: "BR-007", title: "ERP recovery time objective of four hours",
    statement: "After the move the ERP shall be recoverable in a second availability zone within four hours, losing at most 15 minutes of data.",
    priority: "must", criteria: ["Fail-over test before wave 3 completes"], verification: "test", owner: "p-yusuf-demir", status: "proposed",
    audiences: ["operations", "dba"], created: "2026-10-05" },
  { key: "NFR-007", project: "PRJ-DCX", type: "non-functional", parent: "BR-007", title: "Cost allocation tags on every resource",
    statement: "Every cloud resource shall carry cost-centre, application and environment tags so that run cost can be charged back.",
    priority: "should", criteria: ["Policy denies untagged resources"], verification: "inspection", owner: "p-stefan-krause", status: "draft",
    created: "2026-10-19" },
  { key: "TR-006", project: "PRJ-DCX", type: "transition", parent: "BR-007", title: "Migration waves with rollback per application",
    statement: "Each application shall move in a planned wave with a tested rollback to the data centre until the wave is accepted.",
    priority: "must", criteria: ["Rollback plan per application in the wave plan"], verification: "inspection", owner: "p-frank-meyer",
    status: "proposed", audiences: ["operations", "help-desk"], created: "2026-10-19" },
];

/**
 * The content fingerprint of a requirement as pmokit's traceability computes it (`requirementFingerprint`: SHA-256
 * over key, type, title, statement, acceptance criteria and verification method, canonical JSON). Trace links and
 * acknowledgements record it; one stored from an earlier statement makes them stale, as the README's story needs.
 */
function fingerprintOf(r: W<"requirement">, previousStatement?: string): string {
  return requirementFingerprint(previousStatement === undefined ? r : { ...r, statement: previousStatement });
}

function buildRequirements(): W<"requirement">[] {
  return REQUIREMENTS.map((r) => ({
    ...stored(r.key, at(r.created, "10:00"), r.previousStatement ? at("2026-10-12", "14:00") : at(r.created, "10:00")),
    projectId: r.project,
    key: r.key,
    type: r.type,
    title: r.title,
    statement: r.statement,
    ...opt("rationale", r.rationale),
    ...opt("sourceStakeholderId", r.source),
    priority: r.priority,
    acceptanceCriteria: r.criteria,
    verificationMethod: r.verification,
    ownerId: r.owner,
    status: r.status,
    ...opt("parentId", r.parent),
    ...opt("audiences", r.audiences),
    ...opt("tags", r.tags),
  }));
}

function buildArtifacts(): W<"artifact">[] {
  const A = (id: string, projectId: string, artifactType: W<"artifact">["artifactType"], name: string, reference: string,
    artifactVersion: string, ownerId: string, description: string, created: string): W<"artifact"> =>
    ({ ...stored(id, at(created, "12:00")), projectId, artifactType, name, reference, artifactVersion, ownerId, description });
  const SP = "https://northwind.sharepoint.example/sites";
  const GIT = "https://git.northwind-logistics.example";
  return [
    A("art-crm-design", "PRJ-CRM", "design", "CRM solution design document", `${SP}/prj-crm/Design/CRM-Solution-Design.docx`, "1.3", "p-yusuf-demir",
      "Data model, security model, integrations and quote engine design.", "2026-06-05"),
    A("art-crm-sales-core", "PRJ-CRM", "code", "Dynamics 365 solution NW.Sales.Core", `${GIT}/crm/nw-sales-core`, "2026.11.2", "p-marco-rossi",
      "Managed solution: entities, forms, quote engine plug-ins, case SLAs.", "2026-05-18"),
    A("art-crm-erp-orders", "PRJ-CRM", "code", "ERP order interface (Azure Functions)", `${GIT}/integration/crm-erp-orders`, "1.4.0", "p-lena-hoffmann",
      "Creates ERP transport orders from won quotes; dead-letter queue with alerting.", "2026-07-06"),
    A("art-crm-shipment-feed", "PRJ-CRM", "code", "Nightly shipment history feed", `${GIT}/integration/crm-shipment-feed`, "1.1.3", "p-lena-hoffmann",
      "Aggregates 24 months of shipments per account from the ERP into the CRM.", "2026-07-20"),
    A("art-crm-staging", "PRJ-CRM", "database-change", "SalesBase extract views and migration staging schema", `${GIT}/crm/migration#sql/0007_staging.sql`,
      "0007", "p-olga-petrova", "Extract views on SalesBase and the staging schema with duplicate-matching keys.", "2026-06-22"),
    A("art-crm-consent", "PRJ-CRM", "configuration", "Consent management configuration", `${GIT}/crm/nw-sales-consent`, "0.9.0", "p-marco-rossi",
      "Consent purposes, double opt-in journeys and withdrawal handling.", "2026-10-19"),
    A("art-crm-runbook", "PRJ-CRM", "operations-change", "Runbook: CRM integration monitoring and alerting", `${SP}/it-operations/Runbooks/CRM-Integrations.docx`,
      "0.4", "p-stefan-krause", "Alerts, dashboards and first-line procedures for the CRM integrations.", "2026-11-09"),
    A("art-einv-architecture", "PRJ-EINV", "design", "E-invoicing target architecture", `${SP}/prj-einv/Design/E-Invoicing-Architecture.pdf`, "2.0",
      "p-yusuf-demir", "Provider connection, ERP output and input processing, archive.", "2026-05-22"),
    A("art-einv-output-mapping", "PRJ-EINV", "code", "XRechnung and ZUGFeRD output mapping", `${GIT}/erp/einvoice-output`, "3.2.1", "p-lena-hoffmann",
      "EN 16931 mapping of all outbound invoice types to UBL and CII.", "2026-06-15"),
    A("art-einv-inbound", "PRJ-EINV", "code", "Inbound e-invoice processing", `${GIT}/erp/einvoice-inbound`, "1.6.0", "p-lena-hoffmann",
      "Validation, PO matching and parking of incoming e-invoices.", "2026-07-13"),
    A("art-einv-archive", "PRJ-EINV", "database-change", "E-invoice archive tables (GoBD)", `${GIT}/erp/einvoice-output#db/0012_archive.sql`, "0012",
      "p-olga-petrova", "Write-once archive of original XML with SHA-256 hash and retention date.", "2026-10-09"),
    A("art-einv-monitoring", "PRJ-EINV", "operations-change", "Provider channel monitoring", `${SP}/it-operations/Runbooks/E-Invoicing-Channel.docx`, "1.0",
      "p-stefan-krause", "Monitoring of the provider channel, rejected invoice queue and daily reconciliation.", "2026-11-06"),
    A("art-wms-design", "PRJ-WMS", "design", "WMS fit-gap and solution design", `${SP}/prj-wms/Design/WMS-Solution-Design.docx`, "1.1", "p-david-mensah",
      "Fit-gap per site, wave and task rules, extension list.", "2026-04-24"),
    A("art-dcx-landing-zone", "PRJ-DCX", "design", "Cloud landing zone design", `${SP}/prj-dcx/Design/Landing-Zone.docx`, "0.8", "p-yusuf-demir",
      "Hub-and-spoke network, identity, policies, logging, backup, tagging.", "2026-10-30"),
  ];
}

interface TestCaseSpec {
  key: string;
  project: string;
  title: string;
  verifies: string[];
  automation: "manual" | "automated";
  owner: string;
  steps: [string, string][];
  expected: string;
  status?: "draft" | "ready" | "deprecated";
  created?: string;
}

const TEST_CASES: TestCaseSpec[] = [
  { key: "TC-001", project: "PRJ-CRM", title: "Shipment history matches the ERP", verifies: ["FR-101"], automation: "manual", owner: "p-aylin-yilmaz",
    steps: [["Open 20 sample accounts from the reference list", "Shipment panel shows 24 months"], ["Compare with the ERP shipment report", "Counts and revenue match"]],
    expected: "All 20 accounts match the ERP report." },
  { key: "TC-002", project: "PRJ-CRM", title: "Shipment feed runs nightly", verifies: ["FR-101"], automation: "automated", owner: "p-lena-hoffmann",
    steps: [["Trigger the feed in SIT", "Feed completes"], ["Check the last refresh stamp", "Stamp is from last night"]], expected: "Data at most one night old." },
  { key: "TC-003", project: "PRJ-CRM", title: "Quote priced from rate card with discount on the total", verifies: ["FR-102"], automation: "manual", owner: "p-aylin-yilmaz",
    steps: [["Create a quote for 30 reference lanes", "Line prices equal the rate card"], ["Apply a 5% discount", "Discount applied once on the total"]],
    expected: "Quote total equals the reference spreadsheet to the cent." },
  { key: "TC-004", project: "PRJ-CRM", title: "Quote PDF in the customer's language", verifies: ["FR-102"], automation: "manual", owner: "p-aylin-yilmaz",
    steps: [["Send quotes to DE, EN, NL and PL customers", "PDF in each language"]], expected: "Four correct PDFs." },
  { key: "TC-005", project: "PRJ-CRM", title: "Discount above 8% needs approval", verifies: ["FR-103"], automation: "manual", owner: "p-aylin-yilmaz",
    steps: [["Set a 10% discount and try to send", "Send blocked, approval requested"], ["Approve as sales manager", "Quote can be sent"]],
    expected: "Unapproved quotes above 8% cannot be sent." },
  { key: "TC-006", project: "PRJ-CRM", title: "Case SLA timer pauses while waiting for the customer", verifies: ["FR-104"], automation: "manual", owner: "p-aylin-yilmaz",
    steps: [["Open a priority-2 case", "Timer starts"], ["Set status to waiting for customer", "Timer pauses"], ["Set back to in progress", "Timer resumes"]],
    expected: "Timer reflects only the time not waiting." },
  { key: "TC-007", project: "PRJ-CRM", title: "Search by phone, customer number and VAT id", verifies: ["FR-105"], automation: "automated", owner: "p-marco-rossi",
    steps: [["Search 500 known phone numbers in mixed formats", "Correct record first"], ["Search by customer number and VAT id", "Correct record first"]],
    expected: "95% of searches under 2 seconds, all correct." },
  { key: "TC-008", project: "PRJ-CRM", title: "Won quote creates the ERP order", verifies: ["FR-108"], automation: "automated", owner: "p-lena-hoffmann",
    steps: [["Mark a quote won", "ERP order created within 5 minutes"], ["Check the opportunity", "ERP order number shown"]], expected: "Order in the ERP, number in the CRM." },
  { key: "TC-009", project: "PRJ-CRM", title: "Failed order transfer raises an alert", verifies: ["FR-108", "NFR-001"], automation: "manual", owner: "p-lena-hoffmann",
    steps: [["Stop the ERP test endpoint and mark a quote won", "Message in the dead-letter queue"], ["Check the operations console", "Alert raised"]],
    expected: "Operations alerted within 10 minutes." },
  { key: "TC-010", project: "PRJ-CRM", title: "Outlook add-in files e-mails", verifies: ["FR-107"], automation: "manual", owner: "p-aylin-yilmaz",
    steps: [["File an e-mail against an opportunity from Outlook", "E-mail on the opportunity timeline"]], expected: "E-mail filed." },
  { key: "TC-011", project: "PRJ-CRM", title: "Regional access is enforced", verifies: ["NFR-002"], automation: "manual", owner: "p-ben-okafor",
    steps: [["Log in as a Benelux sales user", "Only Benelux accounts visible"], ["Log in as an administrator without MFA", "Access denied"]],
    expected: "Role model enforced." },
  { key: "TC-012", project: "PRJ-CRM", title: "Account form loads within two seconds", verifies: ["NFR-003"], automation: "automated", owner: "p-lena-hoffmann",
    steps: [["Run the load script with 100 concurrent users for 30 minutes", "95th percentile under 2 seconds"]], expected: "p95 under 2 seconds." },
  { key: "TC-013", project: "PRJ-CRM", title: "Consent by double opt-in and withdrawal", verifies: ["FR-106"], automation: "manual", owner: "p-aylin-yilmaz",
    steps: [["Record consent for a contact", "Opt-in e-mail sent, consent pending"], ["Confirm the e-mail", "Consent active"], ["Withdraw consent", "Contact excluded from sends within 24 hours"]],
    expected: "Consent lifecycle works and is audited.", status: "draft", created: "2026-10-05" },
  { key: "TC-014", project: "PRJ-CRM", title: "Migration reconciliation per region", verifies: ["TR-001"], automation: "manual", owner: "p-olga-petrova",
    steps: [["Run the reconciliation report after a dry run", "Counts per region and object"], ["Compare revenue totals with SalesBase", "Totals match"]],
    expected: "Counts and totals reconcile." },
  { key: "TC-015", project: "PRJ-EINV", title: "XRechnung passes validation for all invoice types", verifies: ["FR-201"], automation: "automated", owner: "p-lena-hoffmann",
    steps: [["Generate one XRechnung per invoice type", "Files produced"], ["Validate with the provider's validator", "No errors"]], expected: "All valid." },
  { key: "TC-016", project: "PRJ-EINV", title: "Buyer reference is mandatory for public customers", verifies: ["FR-201"], automation: "manual", owner: "p-aylin-yilmaz",
    steps: [["Post an invoice for a public customer without a buyer reference", "Posting blocked with a message"]], expected: "No XRechnung without BT-10." },
  { key: "TC-017", project: "PRJ-EINV", title: "ZUGFeRD XML and PDF agree", verifies: ["FR-202"], automation: "automated", owner: "p-lena-hoffmann",
    steps: [["Generate 200 ZUGFeRD invoices", "Files produced"], ["Compare XML totals with the PDF", "Identical"]], expected: "All identical and valid." },
  { key: "TC-018", project: "PRJ-EINV", title: "Invalid inbound invoice is rejected with the reason", verifies: ["FR-203"], automation: "manual", owner: "p-aylin-yilmaz",
    steps: [["Send an invoice with a wrong VAT total through the provider", "Rejected"], ["Check the supplier notification", "Reason from the validator"]],
    expected: "Rejected with reason." },
  { key: "TC-019", project: "PRJ-EINV", title: "Valid inbound invoice is parked for approval", verifies: ["FR-203", "BR-005"], automation: "manual", owner: "p-sabine-wolf",
    steps: [["Send a valid invoice matching a PO", "Parked document created"], ["Open it as approver", "Readable layout shown"]], expected: "Parked and readable." },
  { key: "TC-020", project: "PRJ-EINV", title: "Approver sees a readable invoice", verifies: ["FR-204"], automation: "manual", owner: "p-sabine-wolf",
    steps: [["Open an inbound XML invoice", "All mandatory terms shown in a layout"]], expected: "Readable." },
  { key: "TC-021", project: "PRJ-EINV", title: "PDF copy sent when flagged", verifies: ["FR-205"], automation: "manual", owner: "p-aylin-yilmaz",
    steps: [["Flag a customer for PDF copies and post an invoice", "E-invoice and PDF copy sent"]], expected: "Both sent." },
  { key: "TC-022", project: "PRJ-EINV", title: "Archived invoice retrieved unchanged within a minute", verifies: ["NFR-004"], automation: "manual", owner: "p-olga-petrova",
    steps: [["Retrieve 50 random archived invoices", "Each within a minute"], ["Recompute the hashes", "Hashes match"]], expected: "Unchanged and fast." },
  { key: "TC-023", project: "PRJ-EINV", title: "Customer switch-over recorded per segment", verifies: ["TR-004"], automation: "manual", owner: "p-sabine-wolf",
    steps: [["Switch a top-150 customer after a confirmed test", "Switch date recorded"]], expected: "Recorded." },
  { key: "TC-024", project: "PRJ-EINV", title: "Public-sector portal accepts our XRechnung", verifies: ["FR-201", "BR-004"], automation: "manual", owner: "p-aylin-yilmaz",
    steps: [["Upload a test invoice to the federal invoice portal's test system", "Accepted"]], expected: "Accepted." },
  { key: "TC-025", project: "PRJ-WMS", title: "Wave of 2,000 lines releases within 60 seconds", verifies: ["FR-301"], automation: "automated", owner: "p-aylin-yilmaz",
    steps: [["Create 2,000 order lines across zones", "Orders ready"], ["Release the wave", "Released in under 60 seconds"]], expected: "Under 60 seconds." },
  { key: "TC-026", project: "PRJ-WMS", title: "Waves grouped by carrier cut-off", verifies: ["FR-301", "SR-006"], automation: "manual", owner: "p-pieter-dejong",
    steps: [["Plan waves for three carriers", "One wave per cut-off"]], expected: "Waves by cut-off." },
  { key: "TC-027", project: "PRJ-WMS", title: "Large wave release under load", verifies: ["FR-301"], automation: "automated", owner: "p-aylin-yilmaz",
    steps: [["Release three waves of 800 lines in parallel", "All released"]], expected: "All released in under 60 seconds." },
  { key: "TC-028", project: "PRJ-WMS", title: "Task interleaving reduces empty travel", verifies: ["FR-302"], automation: "manual", owner: "p-david-mensah",
    steps: [["Run a forklift shift simulation with interleaving on and off", "Empty travel compared"]], expected: "15% less empty travel.", status: "draft" },
  { key: "TC-029", project: "PRJ-WMS", title: "Scanner response in the cold store", verifies: ["NFR-005"], automation: "manual", owner: "p-stefan-krause",
    steps: [["Scan 500 transactions across the Poznań cold store", "Response times logged"]], expected: "98% within one second." },
  { key: "TC-030", project: "PRJ-WMS", title: "Rollback to the old release in the dress rehearsal", verifies: ["TR-005"], automation: "manual", owner: "p-tomasz-nowak",
    steps: [["Cut over the test site, then roll back", "Old release operational within four hours"]], expected: "Rollback works." },
];

function buildTestCases(): W<"test-case">[] {
  return TEST_CASES.map((t) => ({
    ...stored(t.key, at(t.created ?? (t.project === "PRJ-WMS" ? "2026-09-14" : "2026-06-15"), "09:00")),
    projectId: t.project,
    key: t.key,
    title: t.title,
    description: `Verifies ${t.verifies.join(", ")}.`,
    steps: t.steps.map(([action, expected]) => ({ action, expected })),
    expectedResult: t.expected,
    automation: t.automation,
    ownerId: t.owner,
    status: t.status ?? "ready",
  }));
}

/** Test runs: [id, test case, result, environment, build, executed at, executed by (absent = pipeline), defects, notes]. */
const TEST_RUNS: [string, string, W<"test-run">["result"], string, string, string, string | undefined, string[], string?][] = [
  ["TR-CRM-0001", "TC-001", "failed", "sit", "nw-sales-core 2026.09.4", "2026-09-28T11:00:00Z", "p-aylin-yilmaz", ["DEF-102"],
    "Revenue column without unit; key users read it as EUR, it was thousands of EUR."],
  ["TR-CRM-0002", "TC-001", "passed", "sit", "nw-sales-core 2026.10.3", "2026-10-19T13:10:00Z", "p-aylin-yilmaz", []],
  ["TR-CRM-0003", "TC-006", "passed", "sit", "nw-sales-core 2026.10.3", "2026-10-20T10:15:00Z", "p-aylin-yilmaz", []],
  ["TR-CRM-0004", "TC-003", "failed", "sit", "nw-sales-core 2026.11.1", "2026-11-10T10:40:00Z", "p-aylin-yilmaz", ["DEF-101"],
    "Quote total 0.37 EUR off the reference on 4 of 30 lanes."],
  ["TR-CRM-0005", "TC-004", "passed", "sit", "nw-sales-core 2026.11.1", "2026-11-10T14:05:00Z", "p-aylin-yilmaz", []],
  ["TR-CRM-0006", "TC-005", "passed", "sit", "nw-sales-core 2026.11.1", "2026-11-11T09:30:00Z", "p-greta-lindqvist", []],
  ["TR-CRM-0007", "TC-009", "passed", "sit", "crm-erp-orders 1.4.0", "2026-11-12T15:20:00Z", "p-lena-hoffmann", []],
  ["TR-CRM-0008", "TC-010", "blocked", "sit", "nw-sales-core 2026.11.1", "2026-11-13T09:00:00Z", "p-aylin-yilmaz", [],
    "Outlook add-in not yet deployed to the SIT tenant."],
  ["TR-CRM-0009", "TC-002", "passed", "sit", "crm-shipment-feed 1.1.3", "2026-11-18T02:15:00Z", undefined, []],
  ["TR-CRM-0010", "TC-007", "passed", "sit", "nw-sales-core 2026.11.2", "2026-11-19T02:30:00Z", undefined, []],
  ["TR-CRM-0011", "TC-008", "passed", "sit", "crm-erp-orders 1.4.0", "2026-11-19T02:45:00Z", undefined, []],
  ["TR-EINV-0001", "TC-015", "failed", "test", "einvoice-output 3.1.0", "2026-08-26T08:00:00Z", undefined, ["DEF-103"],
    "Validator: BR-DE-15 buyer reference missing on 3 invoice types."],
  ["TR-EINV-0002", "TC-015", "passed", "test", "einvoice-output 3.2.1", "2026-09-09T08:00:00Z", undefined, []],
  ["TR-EINV-0003", "TC-017", "passed", "test", "einvoice-output 3.2.1", "2026-09-10T08:00:00Z", undefined, []],
  ["TR-EINV-0004", "TC-016", "passed", "test", "einvoice-output 3.2.1", "2026-09-10T10:00:00Z", "p-aylin-yilmaz", []],
  ["TR-EINV-0005", "TC-021", "passed", "test", "einvoice-output 3.2.1", "2026-09-11T14:00:00Z", "p-aylin-yilmaz", []],
  ["TR-EINV-0006", "TC-018", "passed", "test", "einvoice-inbound 1.6.0", "2026-10-07T13:00:00Z", "p-aylin-yilmaz", []],
  ["TR-EINV-0007", "TC-022", "passed", "test", "einvoice-output 3.2.1", "2026-10-26T10:30:00Z", "p-olga-petrova", []],
  ["TR-EINV-0008", "TC-019", "passed", "uat", "einvoice-inbound 1.6.0", "2026-10-28T09:45:00Z", "p-sabine-wolf", []],
  ["TR-EINV-0009", "TC-020", "passed", "uat", "einvoice-inbound 1.6.0", "2026-10-28T11:10:00Z", "p-sabine-wolf", []],
  ["TR-EINV-0010", "TC-024", "skipped", "uat", "einvoice-output 3.2.1", "2026-11-04T09:00:00Z", "p-aylin-yilmaz", [],
    "Federal portal test system in maintenance; re-planned for 2026-11-25."],
  ["TR-WMS-0001", "TC-025", "passed", "sit", "wms-cloud 26.3-nw4", "2026-10-14T06:00:00Z", undefined, []],
  ["TR-WMS-0002", "TC-026", "passed", "sit", "wms-cloud 26.3-nw4", "2026-10-15T08:30:00Z", "p-pieter-dejong", [], "Supervisor screen liked; asked for a colour per carrier."],
  ["TR-WMS-0003", "TC-027", "failed", "sit", "wms-cloud 26.3-nw5", "2026-11-05T06:00:00Z", undefined, ["DEF-104"], "Release times out above 500 lines per wave in parallel."],
  ["TR-WMS-0004", "TC-026", "failed", "sit", "wms-cloud 26.3-nw5", "2026-11-06T08:30:00Z", "p-pieter-dejong", ["DEF-105"], "Labels in English for a Polish user."],
];

function buildTestRuns(): W<"test-run">[] {
  return TEST_RUNS.map(([id, testCaseId, result, environment, softwareVersion, executedAt, by, defectIds, notes]) => ({
    ...stored(id, executedAt.replace("Z", ".000Z")),
    testCaseId,
    result,
    environment,
    softwareVersion,
    executedAt,
    ...opt("executedBy", by),
    defectIds,
    evidenceRef: by === undefined
      ? `https://ci.northwind-logistics.example/pipelines/${id.toLowerCase()}`
      : `https://northwind.sharepoint.example/sites/testing/Evidence/${id}.zip`,
    ...opt("notes", notes),
  }));
}

function buildDefects(): W<"defect">[] {
  type D = Omit<W<"defect">, "id" | "version" | "createdAt" | "updatedAt"> & { id: string };
  const defects: D[] = [
    { id: "DEF-101", projectId: "PRJ-CRM", key: "DEF-101", title: "Quote discount applied per line instead of on the total",
      description: "Steps: quote for 30 reference lanes, 5% discount. Observed: discount rounded per line, total differs by up to 0.37 EUR. Expected: one discount on the total.",
      severity: "high", status: "open", foundInRunId: "TR-CRM-0004", requirementIds: ["FR-102"], raisedOn: "2026-11-10" },
    { id: "DEF-102", projectId: "PRJ-CRM", key: "DEF-102", title: "Shipment history revenue shown without unit",
      description: "Revenue is in thousands of EUR but shown without a unit.", severity: "medium", status: "verified",
      foundInRunId: "TR-CRM-0001", requirementIds: ["FR-101"], raisedOn: "2026-09-28", resolvedOn: "2026-10-14" },
    { id: "DEF-103", projectId: "PRJ-EINV", key: "DEF-103", title: "XRechnung rejected: buyer reference (BT-10) missing",
      description: "Three invoice types do not carry the buyer reference; the validator rejects them (BR-DE-15).", severity: "high", status: "closed",
      foundInRunId: "TR-EINV-0001", requirementIds: ["FR-201"], raisedOn: "2026-08-26", resolvedOn: "2026-09-08" },
    { id: "DEF-104", projectId: "PRJ-WMS", key: "DEF-104", title: "Parallel wave release times out above 500 lines",
      description: "Three parallel waves of 800 lines: two time out after 120 seconds and stay half-released.", severity: "critical",
      status: "in-progress", foundInRunId: "TR-WMS-0003", requirementIds: ["FR-301"], raisedOn: "2026-11-05" },
    { id: "DEF-105", projectId: "PRJ-WMS", key: "DEF-105", title: "Scanner labels in English for Polish users",
      description: "Rejected: the language comes from the user profile, which was created without a language in SIT; configuration, not a defect.",
      severity: "low", status: "rejected", foundInRunId: "TR-WMS-0004", requirementIds: ["FR-301"], raisedOn: "2026-11-06" },
    { id: "DEF-106", projectId: "PRJ-CRM", key: "DEF-106", title: "Outlook add-in icon blurred on high-resolution screens",
      description: "Reported by a key user from a demo; cosmetic.", severity: "low", status: "open", requirementIds: ["FR-107"], raisedOn: "2026-11-16" },
  ];
  return defects.map((d) => ({ ...d, ...stored(d.id, at(d.raisedOn, "15:00"), d.resolvedOn ? at(d.resolvedOn, "15:00") : SNAPSHOT) }));
}

function buildTraceLinks(reqs: W<"requirement">[], artifacts: W<"artifact">[]): W<"trace-link">[] {
  const reqById = new Map(reqs.map((r) => [r.id, r]));
  const specByKey = new Map(REQUIREMENTS.map((r) => [r.key, r]));
  const fp = (reqId: string, previous = false) => {
    const r = reqById.get(reqId)!;
    return fingerprintOf(r, previous ? specByKey.get(reqId)!.previousStatement! : undefined);
  };
  const links: W<"trace-link">[] = [];
  const link = (from: { kind: W<"trace-link">["from"]["kind"]; id: string }, linkType: string, toReq: string, review?: [string, string],
    note?: string, previous = false) => {
    links.push({
      ...stored(`tl-${from.id}-${linkType}-${toReq}`, review ? at(review[0], "11:00") : at("2026-10-13", "11:00")),
      from,
      to: { kind: "requirement", id: toReq },
      linkType,
      targetFingerprint: fp(toReq, previous),
      ...opt("reviewedAt", review && at(review[0], "11:00")),
      ...opt("reviewedBy", review?.[1]),
      ...opt("note", note),
    });
  };
  // Requirement hierarchy: stakeholder, non-functional and transition requirements derive from business ones,
  // functional requirements refine stakeholder ones (or derive from a business one when they hang off it directly).
  for (const r of reqs) {
    if (r.parentId === undefined) continue;
    const parent = reqById.get(r.parentId)!;
    const type = r.type === "functional" && parent.type === "stakeholder" ? "refines" : "derives";
    link({ kind: "requirement", id: r.id }, type, parent.id, r.status === "draft" ? undefined : [r.createdAt.slice(0, 10), "p-david-mensah"]);
  }
  link({ kind: "requirement", id: "FR-108" }, "depends-on", "FR-102", undefined, "An order needs a priced, won quote.");
  // Designs satisfy, code and changes implement.
  const art: [string, string, string[]][] = [
    ["art-crm-design", "satisfies", ["BR-001", "SR-001", "SR-002", "SR-003", "NFR-002"]],
    ["art-crm-sales-core", "implements", ["FR-102", "FR-103", "FR-104", "FR-105"]],
    ["art-crm-erp-orders", "implements", ["FR-108"]],
    ["art-crm-shipment-feed", "implements", ["FR-101"]],
    ["art-crm-staging", "implements", ["TR-001"]],
    ["art-crm-consent", "implements", ["FR-106"]],
    ["art-crm-runbook", "implements", ["NFR-001"]],
    ["art-einv-architecture", "satisfies", ["BR-004", "BR-005"]],
    ["art-einv-output-mapping", "implements", ["FR-201", "FR-202", "FR-205"]],
    ["art-einv-inbound", "implements", ["FR-203", "FR-204"]],
    ["art-einv-archive", "implements", ["NFR-004"]],
    ["art-einv-monitoring", "implements", ["FR-203"]],
    ["art-wms-design", "satisfies", ["SR-006", "FR-301", "FR-302"]],
    ["art-dcx-landing-zone", "satisfies", ["NFR-006", "NFR-007"]],
  ];
  const artIds = new Set(artifacts.map((a) => a.id));
  for (const [a, type, targets] of art) {
    if (!artIds.has(a)) throw new Error(`unknown artifact ${a}`);
    for (const t of targets) link({ kind: "artifact", id: a }, type, t, type === "satisfies" ? ["2026-10-12", "p-yusuf-demir"] : undefined);
  }
  // Test cases verify.
  // TC-014 was reviewed against TR-001 before TR-001 changed on 2026-10-12, so its link is suspect.
  for (const t of TEST_CASES) {
    for (const r of t.verifies) {
      if (t.key === "TC-014") {
        link({ kind: "test-case", id: t.key }, "verifies", r, ["2026-06-22", "p-aylin-yilmaz"],
          "Reviewed before TR-001 added de-duplication and revenue totals.", true);
      } else link({ kind: "test-case", id: t.key }, "verifies", r);
    }
  }
  return links;
}

function buildAcknowledgements(reqs: W<"requirement">[]): W<"acknowledgement">[] {
  const spec = new Map(REQUIREMENTS.map((r) => [r.key, r]));
  const reqById = new Map(reqs.map((r) => [r.id, r]));
  const acks: [string, Role, string, string, (string | undefined)?, "previous"?][] = [
    ["FR-101", "developer", "p-marco-rossi", "2026-10-14T09:20:00Z"],
    ["FR-101", "help-desk", "p-joana-silva", "2026-10-15T13:05:00Z", "Please add the shipment panel to the help-desk FAQ."],
    ["FR-102", "developer", "p-marco-rossi", "2026-10-13T08:45:00Z"],
    ["FR-102", "key-user", "p-greta-lindqvist", "2026-05-04T10:00:00Z", undefined, "previous"],
    ["FR-104", "help-desk", "p-joana-silva", "2026-10-15T13:10:00Z"],
    ["FR-104", "trainer", "p-paul-richter", "2026-10-16T07:55:00Z"],
    ["FR-108", "operations", "p-stefan-krause", "2026-11-09T16:30:00Z", "Alerting goes to the integration queue, not the network queue."],
    ["NFR-001", "operations", "p-stefan-krause", "2026-10-20T15:00:00Z"],
    ["NFR-002", "security", "p-ben-okafor", "2026-10-21T10:40:00Z"],
    ["TR-001", "dba", "p-olga-petrova", "2026-10-19T12:00:00Z"],
    ["TR-001", "key-user", "p-ingrid-berg", "2026-06-01T09:30:00Z", undefined, "previous"],
    ["FR-201", "developer", "p-lena-hoffmann", "2026-06-02T08:15:00Z"],
    ["FR-201", "key-user", "p-sabine-wolf", "2026-06-03T14:20:00Z"],
    ["NFR-004", "dba", "p-olga-petrova", "2026-10-12T11:00:00Z"],
    ["NFR-004", "operations", "p-stefan-krause", "2026-10-13T09:00:00Z"],
  ];
  return acks.map(([reqId, role, personId, when, comment, stale]) => {
    const r = reqById.get(reqId)!;
    const s = spec.get(reqId)!;
    const print = fingerprintOf(r, stale ? s.previousStatement! : undefined);
    return {
      ...stored(`ack-${reqId}-${role}-${personId.slice(2)}`, when.replace("Z", ".000Z")),
      requirementId: reqId,
      audienceRole: role,
      personId,
      fingerprint: print,
      acknowledgedAt: when,
      ...opt("comment", comment),
    };
  });
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// CRM rollout: plan, checklist, gates
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

const ROLLOUT_ID = "rp-crm";

/** German nationwide public holidays 2026–2027 plus Reformation Day, a holiday in Hamburg. */
const HOLIDAYS: [string, string][] = [
  ["2026-01-01", "New Year's Day (Neujahr)"], ["2026-04-03", "Good Friday (Karfreitag)"], ["2026-04-06", "Easter Monday (Ostermontag)"],
  ["2026-05-01", "Labour Day (Tag der Arbeit)"], ["2026-05-14", "Ascension Day (Christi Himmelfahrt)"], ["2026-05-25", "Whit Monday (Pfingstmontag)"],
  ["2026-10-03", "German Unity Day (Tag der Deutschen Einheit)"], ["2026-10-31", "Reformation Day (Reformationstag, Hamburg)"],
  ["2026-12-25", "Christmas Day (1. Weihnachtstag)"], ["2026-12-26", "Boxing Day (2. Weihnachtstag)"],
  ["2027-01-01", "New Year's Day (Neujahr)"], ["2027-03-26", "Good Friday (Karfreitag)"], ["2027-03-29", "Easter Monday (Ostermontag)"],
  ["2027-05-01", "Labour Day (Tag der Arbeit)"], ["2027-05-06", "Ascension Day (Christi Himmelfahrt)"], ["2027-05-17", "Whit Monday (Pfingstmontag)"],
  ["2027-10-03", "German Unity Day (Tag der Deutschen Einheit)"], ["2027-10-31", "Reformation Day (Reformationstag, Hamburg)"],
  ["2027-12-25", "Christmas Day (1. Weihnachtstag)"], ["2027-12-26", "Boxing Day (2. Weihnachtstag)"],
];

function buildRolloutPlans(): W<"rollout-plan">[] {
  return [{
    ...stored(ROLLOUT_ID, at("2026-09-18", "14:00"), at("2026-11-19", "16:00")),
    projectId: "PRJ-CRM",
    name: "CRM go-live (Dynamics 365 Sales)",
    goLive: "2027-03-01",
    cutoverStart: "2027-02-26",
    hypercareEnd: "2027-03-26",
    calendar: {
      name: "Northwind Hamburg head office",
      workingWeekdays: [1, 2, 3, 4, 5],
      holidays: HOLIDAYS.map(([date, name]) => ({ date, name })),
      blackouts: [{ start: "2026-12-21", end: "2027-01-04", reason: "Year-end change freeze" }],
    },
    waves: [
      { id: "w1-pilot", name: "Pilot: inside sales Hamburg", start: "2027-03-01", finish: "2027-03-05", audience: "Inside sales Hamburg and the 12 key users",
        targetCount: 40, installedCount: 0, trainedCount: 12, failedCount: 0 },
      { id: "w2-field-sales", name: "Wave 2: field sales Germany", start: "2027-03-08", finish: "2027-03-12", audience: "Field sales and key account managers, Germany",
        targetCount: 180, installedCount: 0, trainedCount: 0, failedCount: 0 },
      { id: "w3-benelux-pl-service", name: "Wave 3: Benelux, Poland and customer service", start: "2027-03-15", finish: "2027-03-19",
        audience: "Sales Benelux and Poland, customer service in all countries", targetCount: 200, installedCount: 0, trainedCount: 0, failedCount: 0 },
    ],
    status: "planning",
  }];
}

const GATE_READINESS = "g-crm-readiness";
const GATE_GO_NO_GO = "g-crm-go-no-go";

type Phase = W<"checklist-item">["phase"];
type ChecklistCategory = W<"checklist-item">["category"];

/** Which checklist items each gate covers (the gates' scope, used for the items' gateIds too). */
const GATE_SCOPES: Record<string, { phases: Phase[]; categories: ChecklistCategory[] }> = {
  [GATE_READINESS]: { phases: ["prepare", "test"], categories: [] },
  [GATE_GO_NO_GO]: { phases: ["initiate", "prepare", "test", "deploy"], categories: ["cutover", "rollback"] },
};

function buildGates(): W<"gate">[] {
  const scope = (id: string) => {
    const s = GATE_SCOPES[id]!;
    return { phases: s.phases, ...(s.categories.length > 0 ? { categories: s.categories } : {}) };
  };
  return [
    {
      ...stored(GATE_READINESS, at("2026-09-18", "14:00")),
      rolloutPlanId: ROLLOUT_ID,
      name: "Readiness exit: preparation and testing complete",
      type: "exit",
      plannedDate: "2027-02-19",
      scope: scope(GATE_READINESS),
      approvers: [
        { personId: "p-rui-almeida", role: "project-manager" }, { personId: "p-aylin-yilmaz", role: "qa" },
        { personId: "p-stefan-krause", role: "operations" }, { personId: "p-joana-silva", role: "help-desk" },
      ],
      minApprovals: 3,
      approvals: [],
    },
    {
      ...stored(GATE_GO_NO_GO, at("2026-09-18", "14:00")),
      rolloutPlanId: ROLLOUT_ID,
      name: "Go/No-Go for the CRM cutover",
      type: "go-no-go",
      plannedDate: "2027-02-24",
      scope: scope(GATE_GO_NO_GO),
      approvers: [
        { personId: "p-ana-costa", role: "sponsor" }, { personId: "p-katrin-vogel", role: "sponsor" },
        { personId: "p-rui-almeida", role: "project-manager" }, { personId: "p-stefan-krause", role: "operations" },
        { personId: "p-ingrid-berg", role: "product-owner" },
      ],
      minApprovals: 4,
      approvals: [],
    },
  ];
}

interface ItemSpec {
  code: string;
  title: string;
  description?: string;
  phase: Phase;
  category: ChecklistCategory;
  owner?: string;
  ownerRole?: Role;
  raci?: [string, Raci][];
  anchor?: "go-live" | "cutover-start" | "hypercare-end";
  t: number;
  deps?: string[];
  blocking: boolean;
  status: W<"checklist-item">["status"];
  statusReason?: string;
  completedOn?: string;
  evidenceRequired?: string;
  evidence?: NonNullable<W<"checklist-item">["evidence"]>;
  waiver?: NonNullable<W<"checklist-item">["waiver"]>;
  rule?: [string, ">=" | ">" | "<=" | "<" | "=", string][];
}

const CHECKLIST: ItemSpec[] = [
  { code: "GOV-01", title: "Rollout plan and RACI approved by the steering committee", phase: "initiate", category: "governance",
    owner: "p-rui-almeida", raci: [["p-rui-almeida", "responsible"], ["p-ana-costa", "accountable"], ["p-sofia-marino", "informed"]],
    t: 110, blocking: true, status: "done", completedOn: "2026-09-18", evidenceRequired: "Signed steering committee minutes",
    evidence: [{ type: "sign-off", reference: "Steering committee minutes 2026-09-18, item 3", recordedBy: "p-rui-almeida", recordedAt: "2026-09-18T16:30:00Z" }] },
  { code: "GOV-02", title: "Go-live date checked against the change calendar and the year-end freeze", phase: "initiate", category: "governance",
    owner: "p-rui-almeida", t: 100, deps: ["GOV-01"], blocking: true, status: "done", completedOn: "2026-09-25",
    evidence: [{ type: "link", reference: "https://itsm.northwind-logistics.example/change-calendar/2027-03", recordedBy: "p-rui-almeida", recordedAt: "2026-09-25T10:00:00Z" }] },
  { code: "COM-01", title: "Announce the CRM change to all sales and customer service staff", phase: "initiate", category: "communications",
    owner: "p-paul-richter", t: 90, deps: ["GOV-01"], blocking: false, status: "done", completedOn: "2026-10-21",
    evidence: [{ type: "link", reference: "https://intranet.northwind-logistics.example/news/2026-10-21-new-crm", recordedBy: "p-paul-richter", recordedAt: "2026-10-21T08:00:00Z" }] },
  { code: "TRN-01", title: "Training needs analysis and curriculum per role", phase: "prepare", category: "training",
    owner: "p-paul-richter", t: 75, blocking: false, status: "done", completedOn: "2026-11-06", evidenceRequired: "Curriculum approved by the product owner",
    evidence: [{ type: "file", reference: "https://northwind.sharepoint.example/sites/prj-crm/Training/Curriculum-v1.0.pdf", recordedBy: "p-paul-richter", recordedAt: "2026-11-06T15:00:00Z" }] },
  { code: "ACC-01", title: "Role and permission model approved by information security", phase: "prepare", category: "access",
    owner: "p-ben-okafor", raci: [["p-marco-rossi", "responsible"], ["p-ben-okafor", "accountable"], ["p-ingrid-berg", "consulted"]],
    t: 60, deps: ["GOV-01"], blocking: true, status: "in-progress", evidenceRequired: "Security sign-off of the role model (NFR-002)" },
  { code: "ACC-02", title: "User accounts and licences provisioned for 420 users", phase: "prepare", category: "access",
    owner: "p-stefan-krause", t: 15, deps: ["ACC-01", "TRN-03"], blocking: true, status: "todo",
    evidenceRequired: "Licence report: 420 assigned, accounts active only for trained users" },
  { code: "ACC-03", title: "Conditional access policy for field sales phones", phase: "prepare", category: "access",
    owner: "p-ben-okafor", t: 55, deps: ["ACC-01"], blocking: true, status: "blocked",
    statusReason: "Waiting for the mobile device management vendor to renew the device certificate authority (change CHG-2026-0412)." },
  { code: "TRN-02", title: "Train-the-trainer for the 12 key users", phase: "prepare", category: "training",
    owner: "p-paul-richter", t: 50, deps: ["TRN-01"], blocking: true, status: "in-progress",
    evidence: [{ type: "metric", reference: "training.keyUsers.completionPercent", value: "58", recordedBy: "p-paul-richter", recordedAt: "2026-11-19T16:00:00Z" }],
    rule: [["training.keyUsers.completionPercent", ">=", "90"]] },
  { code: "TRN-03", title: "End users trained before their wave", description: "At least 90% of each wave trained before the wave starts (TR-003).",
    phase: "prepare", category: "training", owner: "p-paul-richter", t: 5, deps: ["TRN-02"], blocking: true, status: "todo",
    rule: [["training.endUsers.completionPercent", ">=", "90"]] },
  { code: "DST-01", title: "Outlook add-in packaged for software distribution", phase: "prepare", category: "distribution-installation",
    owner: "p-marco-rossi", t: 20, blocking: true, status: "todo", evidenceRequired: "Package deployed to the pilot ring" },
  { code: "DST-02", title: "Dynamics 365 mobile app pushed to field sales phones", phase: "deploy", category: "distribution-installation",
    ownerRole: "operations", t: 3, deps: ["DST-01", "ACC-03"], blocking: false, status: "todo" },
  { code: "HLP-01", title: "Knowledge articles and scripts for the top 30 CRM questions", phase: "prepare", category: "help-desk",
    owner: "p-joana-silva", t: 15, blocking: true, status: "todo", evidenceRequired: "Articles published in the service desk knowledge base" },
  { code: "HLP-02", title: "Service desk trained and extended-hours rota for the go-live weeks", phase: "prepare", category: "help-desk",
    owner: "p-joana-silva", t: 10, deps: ["HLP-01"], blocking: true, status: "todo" },
  { code: "TST-01", title: "System integration test exit report signed", phase: "test", category: "testing",
    owner: "p-aylin-yilmaz", t: 25, blocking: true, status: "in-progress", evidenceRequired: "SIT exit report with defect statistics" },
  { code: "TST-02", title: "UAT exit: no open critical or high defects on must-have requirements", phase: "test", category: "testing",
    owner: "p-ingrid-berg", t: 7, deps: ["TST-01"], blocking: true, status: "todo",
    rule: [["defects.openCritical", "=", "0"], ["defects.openHigh", "=", "0"]] },
  { code: "TST-03", title: "Load test of the ERP order interface at 1.5 times peak volume", phase: "test", category: "testing",
    owner: "p-lena-hoffmann", t: 20, blocking: true, status: "waived",
    waiver: { approvedBy: "p-katrin-vogel", grantedAt: "2026-11-12T14:00:00Z", expiresOn: "2027-03-31",
      reason: "The interface runs on the same Functions plan that carried twice the peak in the web-shop load test in September; a re-test runs in hypercare week 1." } },
  { code: "OPS-01", title: "Monitoring and alerting for the CRM integrations in the operations console", phase: "prepare", category: "operations",
    owner: "p-stefan-krause", t: 20, blocking: true, status: "in-progress" },
  { code: "OPS-02", title: "Operations runbook handed over and accepted by IT operations", phase: "prepare", category: "operations",
    owner: "p-stefan-krause", t: 10, deps: ["OPS-01"], blocking: true, status: "todo", evidenceRequired: "Runbook accepted in the service transition record" },
  { code: "OPS-03", title: "Backup and restore of the integration database tested", phase: "prepare", category: "operations",
    owner: "p-olga-petrova", t: 15, blocking: false, status: "not-applicable",
    statusReason: "The integration layer is serverless and keeps no database; Dynamics 365 backups are run by Microsoft." },
  { code: "RBK-01", title: "Rollback plan: SalesBase kept ready to resume for ten working days", phase: "prepare", category: "rollback",
    owner: "p-olga-petrova", t: 15, blocking: true, status: "todo" },
  { code: "RBK-02", title: "Rollback criteria and decision owner agreed", phase: "deploy", category: "rollback",
    owner: "p-rui-almeida", t: 5, deps: ["RBK-01"], blocking: true, status: "todo" },
  { code: "CUT-01", title: "Cutover dress rehearsal end to end", phase: "deploy", category: "cutover",
    owner: "p-rui-almeida", t: 10, deps: ["TST-01"], blocking: true, status: "todo", evidenceRequired: "Rehearsal log with timings" },
  { code: "CUT-02", title: "Freeze SalesBase for writes and run the final delta migration", phase: "cutover", category: "cutover",
    owner: "p-olga-petrova", anchor: "cutover-start", t: 0, deps: ["CUT-01", "RBK-02"], blocking: true, status: "todo" },
  { code: "CUT-03", title: "Data reconciliation signed by Sales Operations", phase: "cutover", category: "cutover",
    owner: "p-ingrid-berg", t: 0, deps: ["CUT-02"], blocking: true, status: "todo", evidenceRequired: "Signed reconciliation (TR-001)" },
  { code: "COM-02", title: "Go-live announcement and quick reference cards sent to users", phase: "deploy", category: "communications",
    owner: "p-paul-richter", t: 2, deps: ["TRN-03"], blocking: false, status: "todo" },
  { code: "HYP-01", title: "Hypercare team and daily triage call in place for four weeks", phase: "hypercare", category: "hypercare",
    owner: "p-rui-almeida", t: 0, blocking: true, status: "todo" },
  { code: "HYP-02", title: "Hypercare exit: incident volume at normal level for five working days", phase: "hypercare", category: "hypercare",
    owner: "p-joana-silva", anchor: "hypercare-end", t: 0, deps: ["HYP-01"], blocking: true, status: "todo",
    rule: [["incidents.crm.dailyAverage", "<=", "8"]] },
  { code: "CLS-01", title: "Decommission SalesBase and archive its data", phase: "close", category: "operations",
    owner: "p-olga-petrova", anchor: "hypercare-end", t: -40, deps: ["HYP-02"], blocking: false, status: "todo" },
  { code: "CLS-02", title: "Lessons learned and benefits tracking handed to Sales Operations", phase: "close", category: "governance",
    owner: "p-rui-almeida", anchor: "hypercare-end", t: -10, deps: ["HYP-02"], blocking: false, status: "todo" },
];

const itemId = (code: string) => `ci-crm-${code.toLowerCase()}`;

function buildChecklistItems(): W<"checklist-item">[] {
  return CHECKLIST.map((c) => {
    const gateIds = Object.entries(GATE_SCOPES)
      .filter(([, s]) => s.phases.includes(c.phase) || s.categories.includes(c.category))
      .map(([g]) => g);
    const touched = c.completedOn ? at(c.completedOn, "17:00") : c.waiver ? c.waiver.grantedAt.replace("Z", ".000Z")
      : c.status === "todo" ? at("2026-09-18", "14:00") : at("2026-11-19", "17:00");
    return {
      ...stored(itemId(c.code), at("2026-09-18", "14:00"), touched),
      rolloutPlanId: ROLLOUT_ID,
      code: c.code,
      title: c.title,
      ...opt("description", c.description),
      phase: c.phase,
      category: c.category,
      ...opt("ownerRole", c.ownerRole),
      ...opt("ownerId", c.owner),
      raci: (c.raci ?? []).map(([personId, raci]) => ({ personId, raci })),
      anchor: c.anchor ?? "go-live",
      tMinusDays: c.t,
      dependsOn: (c.deps ?? []).map(itemId),
      blocking: c.blocking,
      gateIds,
      status: c.status,
      ...opt("statusReason", c.statusReason),
      ...opt("completedOn", c.completedOn),
      ...opt("evidenceRequired", c.evidenceRequired),
      evidence: c.evidence ?? [],
      ...opt("waiver", c.waiver),
      ...opt("evidenceRule", c.rule && { all: c.rule.map(([fact, op, threshold]) => ({ fact, op, threshold })) }),
    };
  });
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Service outages in 2026
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

function buildOutages(): W<"service-outage">[] {
  type O = Omit<W<"service-outage">, "id" | "version" | "createdAt" | "updatedAt"> & { id: string };
  const outages: O[] = [
    { id: "OUT-2026-001", service: "erp", start: "2026-02-14T20:00:00Z", end: "2026-02-15T02:00:00Z", planned: true, impact: "full",
      description: "Quarterly support package for the ERP; all users logged off.", changeRef: "CHG-2026-0031" },
    { id: "OUT-2026-002", service: "wms", start: "2026-03-09T05:12:00Z", end: "2026-03-09T06:47:00Z", planned: false, impact: "partial",
      description: "Rotterdam RF scanners lost their connection in zones C and D.", incidentRef: "INC-2026-0412",
      rootCause: "Access-point firmware update changed the roaming threshold; rolled back.", changeRef: "CHG-2026-0058" },
    { id: "OUT-2026-003", service: "salesbase-crm", start: "2026-04-22T07:55:00Z", end: "2026-04-22T11:20:00Z", planned: false, impact: "full",
      description: "SalesBase unavailable for all users.", incidentRef: "INC-2026-0788",
      rootCause: "Transaction log volume full after the archive job failed silently for two weeks." },
    { id: "OUT-2026-004", service: "erp", start: "2026-06-03T13:02:00Z", end: "2026-06-03T13:41:00Z", planned: false, impact: "degraded",
      description: "Order entry slow (up to 20 seconds per save).", incidentRef: "INC-2026-1105",
      rootCause: "Statistics job ran in business hours after a scheduler change.", changeRef: "CHG-2026-0150" },
    { id: "OUT-2026-005", service: "wms", start: "2026-07-11T22:00:00Z", end: "2026-07-12T04:00:00Z", planned: true, impact: "full",
      description: "Database upgrade of the 2019 WMS release; all three sites on paper picking lists.", changeRef: "CHG-2026-0197" },
    { id: "OUT-2026-006", service: "salesbase-crm", start: "2026-08-22T06:00:00Z", end: "2026-08-22T10:00:00Z", planned: true, impact: "partial",
      description: "Operating system patching; quotes could not be printed.", changeRef: "CHG-2026-0241" },
    { id: "OUT-2026-007", service: "erp", start: "2026-09-17T08:20:00Z", end: "2026-09-17T10:05:00Z", planned: false, impact: "full",
      description: "ERP down in all countries.", incidentRef: "INC-2026-1622",
      rootCause: "Storage controller failure in the Billbrook data centre; fail-over to the second controller took 95 minutes." },
    { id: "OUT-2026-008", service: "wms", start: "2026-10-28T04:30:00Z", end: "2026-10-28T05:15:00Z", planned: false, impact: "partial",
      description: "Poznań: no new orders from the ERP.", incidentRef: "INC-2026-1890",
      rootCause: "Interface queue stopped after the certificate renewal; the new certificate was not trusted.", changeRef: "CHG-2026-0355" },
    { id: "OUT-2026-009", service: "salesbase-crm", start: "2026-11-09T09:05:00Z", end: "2026-11-09T09:50:00Z", planned: false, impact: "degraded",
      description: "Search and account lists slow.", incidentRef: "INC-2026-1957", rootCause: "Index fragmentation after the migration extract ran in business hours." },
  ];
  return outages.map((o) => ({ ...o, ...stored(o.id, o.start.replace("Z", ".000Z"), o.end!.replace("Z", ".000Z")) }));
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Status reports (as of 2026-10-30), with schedule and cost colours computed from the data
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Earned-value figures of a project at the end of a day, in the simple reading of {@link earnedValueAt}. */
export interface ProjectFigures {
  /** Budget at completion (sum of the current plan's time-phased budgets). */
  bac: number;
  /** Planned value. */
  pv: number;
  /** Earned value. */
  ev: number;
  /** Actual cost in EUR (foreign-currency entries converted with their rate). */
  ac: number;
  /** Schedule performance index EV / PV. */
  spi: number;
  /** Cost performance index EV / AC. */
  cpi: number;
}

/**
 * SPI, CPI and friends of a project from its work packages and cost entries (wire records) at the end of a day.
 *
 * @example
 * ```ts
 * const f = projectFigures(office["work-package"], office["cost-entry"], "PRJ-WMS", "2026-11-20"); // f.spi ≈ 0.65
 * ```
 */
export function projectFigures(workPackages: readonly unknown[], costEntries: readonly unknown[], projectId: string, date: string): ProjectFigures {
  const wps = (workPackages as W<"work-package">[]).filter((w) => w.projectId === projectId);
  const byId = new Map(wps.map((w) => [w.id, w]));
  const bac = wps.reduce((s, w) => s + w.timePhasedBudget.reduce((t, x) => t + Number(x.amount.amount), 0), 0);
  const pv = wps.reduce((s, w) => s + plannedValueAt(w.timePhasedBudget, date), 0);
  const ev = wps.reduce((s, w) => s + earnedValueAt(w, date, byId), 0);
  const ac = (costEntries as W<"cost-entry">[])
    .filter((c) => c.projectId === projectId && c.date <= date)
    .reduce((s, c) => s + Number(c.amount.amount) * Number(c.fxRate?.rate ?? 1), 0);
  return { bac, pv, ev, ac, spi: ev / pv, cpi: ev / ac };
}

type Colour = "green" | "amber" | "red";
const INDEX_RULE = "rounded to two decimals, green at 0.95 or more, amber at 0.85 or more, red below";
const colourOf = (index: number): Colour => {
  const rounded = Math.round(index * 100) / 100;
  return rounded >= 0.95 ? "green" : rounded >= 0.85 ? "amber" : "red";
};
const worst = (colours: Colour[]): Colour => (colours.includes("red") ? "red" : colours.includes("amber") ? "amber" : "green");
const k = (euros: number) => `EUR ${String(Math.round(euros / 1000)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}k`;

function buildStatusReports(wps: W<"work-package">[], costs: W<"cost-entry">[]): W<"status-report">[] {
  type Dim = { dimension: NonNullable<W<"status-report">["ragByDimension"]>[number]["dimension"]; colour: Colour; comment: string; rule?: string };
  const report = (p: ProjectSpec, extra: { dims: Dim[]; summary: string; accomplishments: string[]; nextSteps: string[]; raid: [string, string][];
    schedule: string; cost: string; override?: { colour: Colour; comment: string; by: string } }): W<"status-report"> => {
    const f = projectFigures(wps, costs, p.id, REPORT_AS_OF);
    const dims: Dim[] = [
      { dimension: "schedule", colour: colourOf(f.spi), comment: `SPI ${f.spi.toFixed(2)} (EV ${k(f.ev)}, PV ${k(f.pv)}). ${extra.schedule}`, rule: `SPI: ${INDEX_RULE}` },
      { dimension: "cost", colour: colourOf(f.cpi), comment: `CPI ${f.cpi.toFixed(2)} (EV ${k(f.ev)}, AC ${k(f.ac)}). ${extra.cost}`, rule: `CPI: ${INDEX_RULE}` },
      ...extra.dims,
    ];
    const computed = worst(dims.map((d) => d.colour));
    if (extra.override && extra.override.colour === computed) throw new Error(`${p.id}: override to the computed colour`);
    return {
      ...stored(`SR-${p.short.toUpperCase()}-2026-10`, at("2026-11-03", "10:00")),
      projectId: p.id,
      asOf: REPORT_AS_OF,
      authorId: p.pm,
      ragByDimension: dims,
      overall: extra.override
        ? { colour: extra.override.colour, override: { comment: extra.override.comment, by: extra.override.by } }
        : { colour: computed },
      summary: extra.summary,
      accomplishments: extra.accomplishments,
      nextSteps: extra.nextSteps,
      raidRefs: extra.raid.map(([kind, id]) => ({ kind, id })),
      publishedAt: at("2026-11-03", "10:00"),
      publishedBy: p.pm,
    };
  };
  return [
    report(CRM, {
      schedule: "Dry run 1 finished a week late; build complete still forecast for 2027-01-29 (baseline 1).",
      cost: "Design ran 6% over; configuration and migration close to plan.",
      dims: [
        { dimension: "scope", colour: "green", comment: "CR-CRM-001 is in baseline 1; no open change requests." },
        { dimension: "quality", colour: "green", comment: "System integration tests started; DEF-102 fixed and verified." },
        { dimension: "risks-and-issues", colour: "amber", comment: "Dry run 1 found 18% duplicate accounts (ISS-CRM-001); data-quality risk RSK-CRM-001 open, cleansing sprint planned." },
        { dimension: "resources", colour: "green", comment: "Brightline team complete; key users released two days a week." },
        { dimension: "readiness", colour: "amber", comment: "Role model not yet approved by security; train-the-trainer starts in November." },
      ],
      summary: "On plan against baseline 1 (go-live 2027-03-01). Watch data quality: duplicates found in dry run 1 need a cleansing sprint before dry run 2.",
      accomplishments: ["ERP order interface accepted", "Shipment history feed accepted", "Migration dry run 1 completed and reconciled", "CRM change announced to all staff"],
      nextSteps: ["Cleansing sprint with Sales key users", "Security approval of the role model", "Train-the-trainer for 12 key users", "Web-shop lead capture acceptance"],
      raid: [["risk", "RSK-CRM-001"], ["risk", "RSK-CRM-002"], ["issue", "ISS-CRM-001"], ["decision", "DEC-CRM-002"], ["change-request", "CR-CRM-001"],
        ["action", "ACT-CRM-001"], ["action", "ACT-CRM-002"]],
    }),
    report(WMS, {
      schedule: "Pilot moved from 2026-11-02 to 2027-01-18 (DEC-WMS-002); configuration should have finished on 2026-10-30.",
      cost: "Design and configuration over cost; the estimate at completion is about EUR 2.1 million against a budget of EUR 1.79 million.",
      dims: [
        { dimension: "scope", colour: "green", comment: "No scope change; CR-WMS-001 re-plans the rollout." },
        { dimension: "quality", colour: "amber", comment: "Interface tests pass; configuration rework rising with the smaller vendor team." },
        { dimension: "risks-and-issues", colour: "red", comment: "Critical: vendor team cut to four consultants (ISS-WMS-002). Scanner delivery ten weeks late (ISS-WMS-001)." },
        { dimension: "resources", colour: "red", comment: "Vendor below contracted staffing; infrastructure team double-booked in Q1 2027 (RSK-OPS-001)." },
        { dimension: "readiness", colour: "red", comment: "120 of 360 scanners delivered; Hamburg pilot not before 2027-01-18." },
      ],
      summary: "Late and over budget. The pilot missed the pre-peak window and moves to 2027-01-18; CR-WMS-001 asks for EUR 262,000 and 62 days. Decision needed from the steering committee on the vendor's staffing.",
      accomplishments: ["ERP orders and stock interface accepted", "Decision to pilot after peak season (DEC-WMS-002)", "CR-WMS-001 submitted"],
      nextSteps: ["Steering committee decision on CR-WMS-001", "Vendor staffing commitment (ACT-WMS-002)", "Transport management interface acceptance"],
      raid: [["issue", "ISS-WMS-001"], ["issue", "ISS-WMS-002"], ["risk", "RSK-WMS-001"], ["risk", "RSK-WMS-002"], ["decision", "DEC-WMS-002"],
        ["change-request", "CR-WMS-001"], ["action", "ACT-WMS-002"]],
    }),
    report(EINV, {
      schedule: "Outbound e-invoicing ready on 2026-10-16, two weeks early; go-live forecast for 2026-11-30 against 2026-12-07.",
      cost: "Slightly under cost; no change requests approved.",
      dims: [
        { dimension: "scope", colour: "green", comment: "CR-EINV-001 (Peppol) rejected: the provider covers it at no extra cost." },
        { dimension: "quality", colour: "green", comment: "All outbound validator tests pass; DEF-103 closed." },
        { dimension: "risks-and-issues", colour: "green", comment: "GoBD archiving documented (ISS-EINV-001 resolved); customer readiness monitored (RSK-EINV-001)." },
        { dimension: "resources", colour: "green", comment: "Team complete." },
        { dimension: "readiness", colour: "green", comment: "Customer tests progressing; training of accounts receivable and payable started." },
      ],
      summary: "Ahead of schedule and slightly under cost; on course to issue e-invoices a month before the legal deadline of 2027-01-01.",
      accomplishments: ["Outbound e-invoicing ready in the ERP", "Archive procedure approved by the tax adviser", "Inbound processing accepted in UAT"],
      nextSteps: ["Finish the top-150 customer tests", "Go-live by customer segment from 2026-11-30"],
      raid: [["risk", "RSK-EINV-001"], ["risk", "RSK-EINV-002"], ["issue", "ISS-EINV-001"], ["decision", "DEC-EINV-001"], ["change-request", "CR-EINV-001"]],
    }),
    report(DCX, {
      schedule: "Landing-zone network milestone accepted on 2026-10-30.",
      cost: "Spend is small at this stage; most October invoices are booked.",
      dims: [
        { dimension: "scope", colour: "green", comment: "Scope as baselined." },
        { dimension: "risks-and-issues", colour: "green", comment: "All risks have owners and responses; lease-end exposure of EUR 240,000 (RSK-DCX-001) reviewed weekly; 23% of servers still without owner (ISS-DCX-001)." },
        { dimension: "resources", colour: "green", comment: "Cloud partner team on board." },
      ],
      summary: "Early stage: discovery at about 60%, landing zone started. Indices look better than the project is; published amber because of the lease-end risk.",
      accomplishments: ["Discovery of all server inventories", "Landing-zone network and connectivity accepted"],
      nextSteps: ["Owner for every server (ACT-DCX-001)", "Decision paper on one or two cloud providers (ACT-DCX-002)", "Identity and security baseline"],
      raid: [["risk", "RSK-DCX-001"], ["risk", "RSK-DCX-002"], ["issue", "ISS-DCX-001"], ["action", "ACT-DCX-001"]],
      override: { colour: "amber", by: "p-frank-meyer",
        comment: "Computed green, published amber: SPI and CPI near 1.2 reflect one early milestone, and the lease-end exposure (RSK-DCX-001) stays open until the wave plan is approved." },
    }),
  ];
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Assembly
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Decodes every record through its schema and re-encodes it (the canonical wire form), then sorts by id. */
function canonical<K extends EntityKind>(kind: K, records: readonly W<K>[]): W<K>[] {
  const seen = new Set<string>();
  const out = records.map((r) => {
    if (seen.has(r.id)) throw new Error(`${kind}: duplicate id ${r.id}`);
    seen.add(r.id);
    try {
      return encodeEntity(kind, decodeEntity(kind, r));
    } catch (e) {
      throw new Error(`${kind} ${r.id}: ${(e as Error).message}`, { cause: e });
    }
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Builds the whole sample office in memory: for every entity kind, its records in canonical wire form, sorted by id
 * (code-unit order). Deterministic: two calls give equal results.
 *
 * @throws {Error} naming the kind and id of the first record that does not decode.
 * @example
 * ```ts
 * const office = buildOffice();
 * office.project.length; // 4
 * ```
 */
export function buildOffice(): Record<EntityKind, unknown[]> {
  const workPackages = PROJECTS.flatMap(buildWorkPackages);
  const costEntries = [
    ...PROJECTS.flatMap((p) => p.wps.flatMap((w) => costEntriesFor(p, w))),
    ...buildExtraCostEntries(),
  ];
  const requirements = buildRequirements();
  const artifacts = buildArtifacts();
  const raw: { [K in EntityKind]: W<K>[] } = {
    person: buildPeople(),
    resource: buildResources(),
    assignment: buildAssignments(),
    portfolio: buildPortfolio(),
    programme: buildProgrammes(),
    request: buildRequests(),
    project: PROJECTS.map((p) => buildProject(p, workPackages.filter((w) => w.projectId === p.id))),
    "work-package": workPackages,
    milestone: PROJECTS.flatMap(buildMilestones),
    baseline: PROJECTS.flatMap(buildBaselines),
    "cost-entry": costEntries,
    risk: buildRisks(),
    issue: buildIssues(),
    decision: buildDecisions(),
    action: buildActions(),
    "change-request": buildChangeRequests(),
    "status-report": buildStatusReports(workPackages, costEntries),
    requirement: requirements,
    "trace-link": buildTraceLinks(requirements, artifacts),
    artifact: artifacts,
    "test-case": buildTestCases(),
    "test-run": buildTestRuns(),
    defect: buildDefects(),
    acknowledgement: buildAcknowledgements(requirements),
    "rollout-plan": buildRolloutPlans(),
    "checklist-item": buildChecklistItems(),
    gate: buildGates(),
    "service-outage": buildOutages(),
    "audit-event": [], // written by pmokit's services, never by hand
  };
  const office = {} as Record<EntityKind, unknown[]>;
  for (const kind of entityKindNames()) office[kind] = canonical(kind, raw[kind] as W<typeof kind>[]);
  return office;
}

/** The file text of one kind: the records as a JSON array, two-space indented, with a trailing newline. */
export function officeFileText(records: readonly unknown[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** Writes `examples/data/<kind>.json` for every kind. */
function writeOffice(): void {
  const office = buildOffice();
  for (const kind of entityKindNames()) {
    writeFileSync(new URL(`./${kind}.json`, import.meta.url), officeFileText(office[kind]));
  }
  const counts = entityKindNames().map((kind) => `${kind} ${office[kind].length}`);
  console.log(`Wrote ${counts.length} files to examples/data: ${counts.join(", ")}`);
  for (const p of PROJECTS) {
    const f = projectFigures(office["work-package"], office["cost-entry"], p.id, STATUS_DATE);
    console.log(`${p.id}: BAC ${k(f.bac)}, PV ${k(f.pv)}, EV ${k(f.ev)}, AC ${k(f.ac)}, SPI ${f.spi.toFixed(2)}, CPI ${f.cpi.toFixed(2)}`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) writeOffice();
