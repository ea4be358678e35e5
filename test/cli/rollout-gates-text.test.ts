import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeDelivery } from "../../src/cli/office.js";
import { rolloutLines } from "../../src/cli/summary.js";
import { importDataset } from "../../src/io/index.js";

/*
 * `pmokit rollout` exits 1 when any gate of a plan is NO-GO, and the report's "Gates at …" table lists every gate;
 * the text named only the go/no-go. The sample's CRM plan has two gates at 2026-11-20: the readiness exit (planned
 * first; 13 blocking items open, 0 of 3 approvals) and the go/no-go (17 open, 0 of 4), both NO-GO.
 */
describe("pmokit rollout names every gate the report lists", () => {
  it("the readiness exit gate too, with the report's deciding rule", () => {
    const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
    const lines = rolloutLines(analyzeDelivery(records, SAMPLE_STATUS_DATE).rollouts);
    // The first lines read as before: the go/no-go and its reasons.
    expect(lines.slice(0, 3)).toEqual([
      "CRM go-live (Dynamics 365 Sales): ready 14.3%; Go/No-Go for the CRM cutover: NO-GO",
      "  17 blocking item(s) not closed: ACC-01, ACC-02, ACC-03, CUT-01, CUT-02, CUT-03, DST-01, HLP-01, HLP-02, OPS-01, OPS-02, RBK-01, RBK-02, TRN-02, TRN-03, TST-01, TST-02",
      "  0 of 4 required approvals given",
    ]);
    // The report's row: Readiness exit … | NO-GO | 13 | 0 of 3 | 13 blocking item(s) not closed: …; 0 of 3 required approvals given.
    expect(lines.slice(3)).toEqual([
      "  gate Readiness exit: preparation and testing complete: NO-GO — 13 blocking item(s) not closed: ACC-01, ACC-02, ACC-03, DST-01, HLP-01, HLP-02, OPS-01, OPS-02, RBK-01, TRN-02, TRN-03, TST-01, TST-02; 0 of 3 required approvals given",
    ]);
  });
});
