import { writeFileSync } from "node:fs";
import { decodeEntity } from "../../src/entities/index.js";
import { exportXlsx } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
const bytes = await exportXlsx({ "cost-entry": [decodeEntity("cost-entry", { ...base, id: "c1", description: "a\u007fb|a\u0001b" })] });
writeFileSync("/tmp/f11/del.xlsx", bytes);
