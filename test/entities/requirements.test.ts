import { describe, it, expect } from "vitest";
import { paths, rejectsProto, roundTrips, withProto } from "./helpers.js";
import { itemKeySchema, requirementJsonSchema, requirementSchema, type RequirementWire } from "../../src/entities/requirement.js";
import {
  TRACE_LINK_TYPES,
  traceEndSchema,
  traceLinkJsonSchema,
  traceLinkSchema,
  traceLinkTypeSchema,
  type TraceLinkWire,
} from "../../src/entities/trace-link.js";
import { artifactJsonSchema, artifactSchema, type ArtifactWire } from "../../src/entities/artifact.js";
import { testCaseJsonSchema, testCaseSchema, type TestCaseWire } from "../../src/entities/test-case.js";
import { testRunJsonSchema, testRunSchema, type TestRunWire } from "../../src/entities/test-run.js";
import { defectJsonSchema, defectSchema, type DefectWire } from "../../src/entities/defect.js";
import { acknowledgementJsonSchema, acknowledgementSchema, type AcknowledgementWire } from "../../src/entities/acknowledgement.js";

const stored = { version: 2, createdAt: "2026-02-01T09:00:00.000Z", updatedAt: "2026-02-03T16:45:10.250Z" };
const fp = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

const req: RequirementWire = {
  id: "req-104",
  ...stored,
  projectId: "prj-crm",
  key: "FR-104",
  type: "functional",
  title: "Export customers",
  statement: "The system shall export the customer list as CSV.",
  rationale: "Sales needs the list for campaigns.",
  sourceStakeholderId: "p-ana",
  priority: "must",
  acceptanceCriteria: ["Export contains every active customer", "Accented names survive the export"],
  verificationMethod: "test",
  ownerId: "p-marta",
  status: "approved",
  parentId: "req-br-12",
  audiences: ["developer", "dba", "help-desk"],
  tags: ["gdpr", "release-2"],
};

describe("requirementSchema", () => {
  it("round-trips the canonical wire form exactly", () => {
    roundTrips(requirementSchema, req);
    const minimal: RequirementWire = {
      id: "req-1", ...stored, projectId: "prj-crm", key: "NFR-SEC-3", type: "non-functional", title: "TLS",
      statement: "Traffic is encrypted.", priority: "should", acceptanceCriteria: [], verificationMethod: "inspection",
      status: "draft",
    };
    roundTrips(requirementSchema, minimal);
  });

  it("accepts and rejects item keys", () => {
    for (const k of ["BR-012", "FR-104", "NFR-SEC-3", "TC-031", "A1-B2-7"]) expect(itemKeySchema.parse(k)).toBe(k);
    for (const k of ["br-012", "FR104", "FR-", "-12", "FR-10a", "FR--1"]) expect(itemKeySchema.safeParse(k).success).toBe(false);
    expect(paths(requirementSchema, { ...req, key: "fr-104" })).toEqual(["key"]);
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(requirementSchema, { ...req, type: "technical" })).toEqual(["type"]);
    expect(paths(requirementSchema, { ...req, priority: "won't" })).toEqual(["priority"]);
    expect(paths(requirementSchema, { ...req, verificationMethod: "review" })).toEqual(["verificationMethod"]);
    expect(paths(requirementSchema, { ...req, status: "done" })).toEqual(["status"]);
    expect(paths(requirementSchema, { ...req, statement: "   " })).toEqual(["statement"]);
    expect(paths(requirementSchema, { ...req, acceptanceCriteria: ["ok", " "] })).toEqual(["acceptanceCriteria.1"]);
    expect(paths(requirementSchema, { ...req, audiences: ["developer", "dragon"] })).toEqual(["audiences.1"]);
    expect(paths(requirementSchema, { ...req, tags: ["GDPR"] })).toEqual(["tags.0"]);
    expect(paths(requirementSchema, { ...req, version: -1 })).toEqual(["version"]);
    expect(paths(requirementSchema, { ...req, parentId: "__proto__" })).toEqual(["parentId"]);
    rejectsProto(requirementSchema, req);
  });

  it("rejects self-parenting and repeated audiences", () => {
    expect(paths(requirementSchema, { ...req, parentId: "req-104" })).toEqual(["parentId"]);
    expect(paths(requirementSchema, { ...req, audiences: ["dba", "qa", "dba"] })).toEqual(["audiences.2"]);
  });

  it("publishes a JSON Schema of the wire form", () => {
    expect(requirementJsonSchema()["title"]).toBe("Requirement");
  });
});

const link: TraceLinkWire = {
  id: "tl-1",
  ...stored,
  from: { kind: "test-case", id: "tc-31" },
  to: { kind: "requirement", id: "req-104" },
  linkType: "verifies",
  targetFingerprint: fp,
  reviewedAt: "2026-03-01T09:00:00.000Z",
  reviewedBy: "p-ana",
  note: "Covers both acceptance criteria.",
};

describe("traceLinkSchema", () => {
  it("round-trips the canonical wire form exactly", () => {
    roundTrips(traceLinkSchema, link);
    roundTrips(traceLinkSchema, { ...link, linkType: "custom:mitigates" });
  });

  it("knows the built-in link types and the custom spelling", () => {
    expect(TRACE_LINK_TYPES).toEqual(["derives", "refines", "satisfies", "implements", "verifies", "depends-on"]);
    for (const t of TRACE_LINK_TYPES) expect(traceLinkTypeSchema.parse(t)).toBe(t);
    expect(traceLinkTypeSchema.parse("custom:blocks-release")).toBe("custom:blocks-release");
    for (const t of ["custom:", "custom:Mitigates", "mitigates", "custom:1x"]) expect(traceLinkTypeSchema.safeParse(t).success).toBe(false);
    expect(paths(traceLinkSchema, { ...link, linkType: "tests" })).toEqual(["linkType"]);
  });

  it("rejects bad ends and fingerprints", () => {
    expect(traceEndSchema.safeParse({ kind: "risk", id: "r-1" }).success).toBe(false);
    expect(paths(traceLinkSchema, { ...link, from: { kind: "risk", id: "r-1" } })).toEqual(["from.kind"]);
    expect(paths(traceLinkSchema, { ...link, to: { kind: "requirement", id: "req-104", extra: 1 } })).toEqual(["to"]);
    expect(paths(traceLinkSchema, { ...link, targetFingerprint: fp.toUpperCase() })).toEqual(["targetFingerprint"]);
    expect(paths(traceLinkSchema, { ...link, targetFingerprint: "abc123" })).toEqual(["targetFingerprint"]);
    expect(paths(traceLinkSchema, { ...link, reviewedAt: "2026-02-30T09:00:00.000Z" })).toEqual(["reviewedAt"]);
    expect(paths(traceLinkSchema, { ...link, version: -1 })).toEqual(["version"]);
    rejectsProto(traceLinkSchema, link);
  });

  it("rejects a self-link and a review without a date", () => {
    expect(paths(traceLinkSchema, { ...link, to: { kind: "test-case", id: "tc-31" } })).toEqual(["to"]);
    // Same id, different kinds is not a self-link.
    roundTrips(traceLinkSchema, { ...link, to: { kind: "requirement", id: "tc-31" } });
    const { reviewedAt: _r, ...noDate } = link;
    expect(paths(traceLinkSchema, noDate)).toEqual(["reviewedAt"]);
  });

  it("publishes a JSON Schema of the wire form", () => {
    expect(traceLinkJsonSchema()["title"]).toBe("TraceLink");
  });
});

const artifact: ArtifactWire = {
  id: "art-7",
  ...stored,
  projectId: "prj-crm",
  artifactType: "database-change",
  name: "Add customer.export_flag",
  reference: "https://git.example.com/crm/db/-/blob/main/migrations/0042.sql",
  artifactVersion: "0042",
  ownerId: "p-dba",
  description: "Adds the column the export reads.",
};

describe("artifactSchema", () => {
  it("round-trips the canonical wire form exactly", () => {
    roundTrips(artifactSchema, artifact);
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(artifactSchema, { ...artifact, artifactType: "spreadsheet" })).toEqual(["artifactType"]);
    expect(paths(artifactSchema, { ...artifact, reference: "x".repeat(2_001) })).toEqual(["reference"]);
    expect(paths(artifactSchema, { ...artifact, version: -1 })).toEqual(["version"]);
    expect(paths(artifactSchema, { ...artifact, version: "v2" })).toEqual(["version"]);
    rejectsProto(artifactSchema, artifact);
  });

  it("publishes a JSON Schema of the wire form", () => {
    expect(artifactJsonSchema()["title"]).toBe("Artifact");
  });
});

const tc: TestCaseWire = {
  id: "tc-31",
  ...stored,
  projectId: "prj-crm",
  key: "TC-031",
  title: "Export customers as CSV",
  description: "Logged in as a sales user.",
  steps: [
    { action: "Open Customers", expected: "The list shows" },
    { action: "Click Export", expected: "A CSV file downloads" },
  ],
  expectedResult: "The CSV matches the list, accents intact.",
  automation: "automated",
  ownerId: "p-qa",
  status: "ready",
};

describe("testCaseSchema", () => {
  it("round-trips the canonical wire form exactly", () => {
    roundTrips(testCaseSchema, tc);
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(testCaseSchema, { ...tc, key: "TC031" })).toEqual(["key"]);
    expect(paths(testCaseSchema, { ...tc, automation: "semi" })).toEqual(["automation"]);
    expect(paths(testCaseSchema, { ...tc, status: "active" })).toEqual(["status"]);
    expect(paths(testCaseSchema, { ...tc, steps: [{ action: "", expected: "x" }] })).toEqual(["steps.0.action"]);
    expect(paths(testCaseSchema, { ...tc, version: -1 })).toEqual(["version"]);
    rejectsProto(testCaseSchema, tc);
  });

  it("publishes a JSON Schema of the wire form", () => {
    expect(testCaseJsonSchema()["title"]).toBe("TestCase");
  });
});

const run: TestRunWire = {
  id: "tr-1",
  ...stored,
  testCaseId: "tc-31",
  result: "failed",
  environment: "uat",
  softwareVersion: "2.4.0-rc1",
  executedAt: "2026-05-04T09:30:00.000Z",
  executedBy: "p-rui",
  defectIds: ["def-9", "def-10"],
  evidenceRef: "https://ci.example.com/runs/8812",
  notes: "Accents lost in column B.",
};

describe("testRunSchema", () => {
  it("round-trips the canonical wire form exactly", () => {
    roundTrips(testRunSchema, run);
    roundTrips(testRunSchema, { ...run, result: "failed", defectIds: [] });
  });

  it("normalises instants to milliseconds", () => {
    const r = testRunSchema.decode({ ...run, executedAt: "2026-05-04T09:30:00Z" });
    expect(r.executedAt).toBe("2026-05-04T09:30:00.000Z");
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(testRunSchema, { ...run, result: "passed-with-notes" })).toEqual(["result"]);
    expect(paths(testRunSchema, { ...run, environment: "UAT 2" })).toEqual(["environment"]);
    expect(paths(testRunSchema, { ...run, executedAt: "2026-05-04T09:30:00+01:00" })).toEqual(["executedAt"]);
    expect(paths(testRunSchema, { ...run, version: -1 })).toEqual(["version"]);
    expect(paths(testRunSchema, { ...run, softwareVersion: "" })).toEqual(["softwareVersion"]);
    expect(paths(testRunSchema, { ...run, defectIds: ["def-9", "def-9"] })).toEqual(["defectIds.1"]);
    rejectsProto(testRunSchema, run);
  });

  it("publishes a JSON Schema of the wire form", () => {
    expect(testRunJsonSchema()["title"]).toBe("TestRun");
  });
});

const defect: DefectWire = {
  id: "def-9",
  ...stored,
  projectId: "prj-crm",
  key: "DEF-9",
  title: "CSV export drops accents",
  description: "Column B loses diacritics.",
  severity: "high",
  status: "fixed",
  foundInRunId: "tr-1",
  requirementIds: ["req-104"],
  raisedOn: "2026-05-04",
  resolvedOn: "2026-05-06",
};

describe("defectSchema", () => {
  it("round-trips the canonical wire form exactly", () => {
    roundTrips(defectSchema, defect);
    const { resolvedOn: _r, ...open } = defect;
    roundTrips(defectSchema, { ...open, status: "open" });
    roundTrips(defectSchema, { ...open, status: "rejected" });
  });

  it("requires a resolution date exactly when resolved", () => {
    const { resolvedOn: _r, ...unresolved } = defect;
    for (const status of ["fixed", "verified", "closed"]) {
      expect(paths(defectSchema, { ...unresolved, status })).toEqual(["resolvedOn"]);
    }
    expect(paths(defectSchema, { ...defect, status: "in-progress" })).toEqual(["resolvedOn"]);
    expect(paths(defectSchema, { ...defect, resolvedOn: "2026-05-03" })).toEqual(["resolvedOn"]);
    roundTrips(defectSchema, { ...defect, resolvedOn: "2026-05-04" });
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(defectSchema, { ...defect, severity: "blocker" })).toEqual(["severity"]);
    expect(paths(defectSchema, { ...defect, status: "wontfix" })).toEqual(["status"]);
    expect(paths(defectSchema, { ...defect, raisedOn: "2026-02-30" })).toEqual(["raisedOn"]);
    expect(paths(defectSchema, { ...defect, version: -1 })).toEqual(["version"]);
    expect(paths(defectSchema, { ...defect, requirementIds: ["req-1", "req-1"] })).toEqual(["requirementIds.1"]);
    rejectsProto(defectSchema, defect);
  });

  it("publishes a JSON Schema of the wire form", () => {
    expect(defectJsonSchema()["title"]).toBe("Defect");
  });
});

const ack: AcknowledgementWire = {
  id: "ack-1",
  ...stored,
  requirementId: "req-104",
  audienceRole: "help-desk",
  personId: "p-joana",
  fingerprint: fp,
  acknowledgedAt: "2026-05-10T08:00:00.000Z",
  comment: "Script updated for the new export.",
};

describe("acknowledgementSchema", () => {
  it("round-trips the canonical wire form exactly", () => {
    roundTrips(acknowledgementSchema, ack);
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(acknowledgementSchema, { ...ack, audienceRole: "helpdesk" })).toEqual(["audienceRole"]);
    expect(paths(acknowledgementSchema, { ...ack, fingerprint: "g".repeat(16) })).toEqual(["fingerprint"]);
    expect(paths(acknowledgementSchema, { ...ack, fingerprint: "a".repeat(129) })).toEqual(["fingerprint"]);
    expect(paths(acknowledgementSchema, { ...ack, acknowledgedAt: "2026-05-10" })).toEqual(["acknowledgedAt"]);
    expect(paths(acknowledgementSchema, { ...ack, version: -1 })).toEqual(["version"]);
    rejectsProto(acknowledgementSchema, ack);
  });

  it("publishes a JSON Schema of the wire form", () => {
    expect(acknowledgementJsonSchema()["title"]).toBe("Acknowledgement");
  });
});
