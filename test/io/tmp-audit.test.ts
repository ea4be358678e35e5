import { it } from "vitest";
import { exportDataset, mspdiToPmokit, readMspdi } from "../../src/io/index.js";
import { fixtureText, IMPORTED_AT } from "./fixtures.js";
const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
it("dump", () => {
  for (const f of (process.env.FX ?? "").split(",")) {
    const { records, report } = mspdiToPmokit(readMspdi(fixtureText(`mspdi/${f}`)).document, OPTIONS);
    const ds = JSON.parse(exportDataset(records));
    for (const [k, v] of Object.entries(ds.records as Record<string, unknown[]>)) for (const r of v) console.log("REC", k, JSON.stringify(r, (key, val) => (["createdAt", "updatedAt", "version", "projectId"].includes(key) ? undefined : val)));
    console.log("WARN", JSON.stringify(report.warnings.map((w) => [w.code, w.path, w.message.slice(0, 160)])));
  }
});
