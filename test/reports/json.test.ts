import { describe, expect, it } from "vitest";
import { decimal, money } from "../../src/core/index.js";
import { decodeEntity, type EntityOf } from "../../src/entities/index.js";
import { entitiesToJson, ragCell, renderJsonReport } from "../../src/reports/index.js";
import { loadSampleOffice } from "../../examples/office.js";

const office = loadSampleOffice();
const projects = office.project.map((w) => decodeEntity("project", w)) as EntityOf<"project">[];

describe("entitiesToJson", () => {
  it("writes the canonical wire form, byte for byte what the sample data files hold", () => {
    // examples/data/project.json is canonical wire JSON, 2-space indented, trailing newline (examples/data/README.md).
    expect(entitiesToJson("project", projects)).toBe(`${JSON.stringify(office.project, null, 2)}\n`);
  });

  it("round-trips through decodeEntity", () => {
    const back = (JSON.parse(entitiesToJson("project", projects)) as unknown[]).map((w) => decodeEntity("project", w));
    expect(entitiesToJson("project", back)).toBe(entitiesToJson("project", projects));
  });
});

describe("renderJsonReport", () => {
  it("keeps money and decimals as wire strings, RAG and missing metrics as data, charts as captions", () => {
    const json = renderJsonReport({
      title: "Portfolio",
      asOf: "2026-11-20",
      sections: [
        {
          heading: "Health",
          blocks: [
            {
              kind: "table",
              table: {
                columns: ["Project", "Cost", "CPI", "EAC", "Count"],
                rows: [["CRM", ragCell("amber", "CPI < 0.95"), { reason: "ac-is-zero" }, money("486000", "EUR"), 3]],
              },
            },
            { kind: "figures", items: [{ label: "SPI", value: decimal("0.970") }] },
          ],
        },
      ],
    });
    expect(JSON.parse(json)).toEqual({
      format: "pmokit-report",
      version: 1,
      title: "Portfolio",
      asOf: "2026-11-20",
      sections: [
        {
          heading: "Health",
          blocks: [
            {
              kind: "table",
              columns: ["Project", "Cost", "CPI", "EAC", "Count"],
              rows: [["CRM", { rag: "amber", note: "CPI < 0.95" }, { reason: "ac-is-zero" }, { amount: "486000.00", currency: "EUR" }, "3"]],
            },
            { kind: "figures", items: [{ label: "SPI", value: "0.97" }] },
          ],
        },
      ],
    });
  });

  it("lists entities by kind in name order, deterministically", () => {
    const persons = office.person.slice(0, 2).map((w) => decodeEntity("person", w)) as EntityOf<"person">[];
    const a = renderJsonReport({ title: "t", sections: [] }, { project: projects, person: persons });
    const b = renderJsonReport({ title: "t", sections: [] }, { person: persons, project: projects });
    expect(a).toBe(b);
    expect(Object.keys((JSON.parse(a) as { entities: object }).entities)).toEqual(["person", "project"]);
  });
});
