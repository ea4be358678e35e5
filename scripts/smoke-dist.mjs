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
const results = await esmTesting.checkAdapterConformance({ create: () => esm.createMemoryAdapter(), roundTripRuns: 10 });
assert.ok(results.length > 40 && results.every((r) => r.passed), "the built kit passes the built memory adapter");
console.log(`dist smoke test: ESM and CJS load; ${results.length} conformance checks pass on the built package`);
