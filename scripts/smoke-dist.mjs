// Loads the built package the way users do — ESM import and CJS require of every subpath — and exercises it.
import { createRequire } from "node:module";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
const esm = await import("pmokit");
const cjs = require("pmokit");
const esmTesting = await import("pmokit/testing");
const cjsTesting = require("pmokit/testing");

for (const [label, lib] of [["esm", esm], ["cjs", cjs]]) {
  const total = lib.sumMoney(Array.from({ length: 1000 }, () => lib.money("0.01", "EUR")));
  assert.equal(lib.moneyToWire(total).amount, "10.00", `${label}: money sum`);
  const repos = lib.createRepositories(lib.createMemoryAdapter());
  const p = await repos.person.create({ name: "Smoke Test", roles: ["qa"] });
  assert.equal((await repos.person.require(p.id)).name, "Smoke Test", `${label}: repository round trip`);
}
for (const [label, kit] of [["esm", esmTesting], ["cjs", cjsTesting]]) {
  assert.equal(typeof kit.runAdapterConformance, "function", `${label}: pmokit/testing exports the kit`);
}
// pmokit/office: the bundled sample office and the builders, from both builds.
for (const [label, office] of [["esm", await import("pmokit/office")], ["cjs", require("pmokit/office")]]) {
  assert.equal(office.loadSampleOffice().project.length, 4, `${label}: the sample office loads`);
  const analysis = await office.analyzeOffice(office.sampleOfficeRecords(), { statusDate: office.SAMPLE_STATUS_DATE });
  assert.deepEqual(analysis.selection.result.selected, ["REQ-2027-002", "REQ-2027-003", "REQ-2027-007"], `${label}: analyzeOffice`);
}
const results = await esmTesting.checkAdapterConformance({ create: () => esm.createMemoryAdapter(), roundTripRuns: 10 });
assert.ok(results.length > 40 && results.every((r) => r.passed), "the built kit passes the built memory adapter");
console.log(`dist smoke test: ESM and CJS load; ${results.length} conformance checks pass on the built package`);
