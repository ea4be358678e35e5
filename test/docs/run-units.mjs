// Runs the guides' code units in a plain Node process, where `import "pmokit"` resolves as it does for a user: to the
// packed package in node_modules. Started by runnable-docs.test.ts with a list of unit modules; reports, per unit, the
// error (if any) and the stated results, each as { index, actual, expected }.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { inspect } from "node:util";

const [listFile] = process.argv.slice(2);
const units = JSON.parse(readFileSync(listFile, "utf8"));
const UNIT_TIMEOUT_MS = 120_000;

/** A value the parent can receive: structured-cloneable as is, else its inspection. */
function portable(value) {
  try {
    return structuredClone(value);
  } catch {
    return { unclonable: inspect(value, { depth: 4 }) };
  }
}

function errorText(e) {
  return e instanceof Error ? `${e.name}: ${e.message}\n${(e.stack ?? "").split("\n").slice(1, 6).join("\n")}` : inspect(e);
}

let current;
process.on("unhandledRejection", (e) => current?.errors.push(`unhandled rejection: ${errorText(e)}`));

for (const unit of units) {
  current = { id: unit.id, checks: [], errors: [] };
  globalThis.__pmokitDocCheck = (index, actual, expected) => current.checks.push({ index, actual: portable(actual), expected: portable(expected) });
  let timer;
  try {
    await Promise.race([
      import(pathToFileURL(unit.module).href),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`still running after ${UNIT_TIMEOUT_MS} ms`)), UNIT_TIMEOUT_MS))),
    ]);
  } catch (e) {
    current.errors.push(errorText(e));
  } finally {
    clearTimeout(timer);
  }
  await new Promise((r) => setTimeout(r, 0)); // let a rejection the unit left behind be reported against it
  process.send({ kind: "unit", ...current });
}

// The CommonJS build: the sample loader and the builders through require(), as a CJS application gets them.
try {
  const require = createRequire(`${process.cwd()}/`);
  const office = require("pmokit/office");
  const wire = office.loadSampleOffice();
  const records = office.sampleOfficeRecords();
  const analysis = await office.analyzeOffice(records, { statusDate: office.SAMPLE_STATUS_DATE });
  process.send({
    kind: "cjs",
    projects: wire.project.length,
    requirements: records.requirement.length,
    selected: analysis.selection.result.selected,
    sections: office.officeReport(analysis).sections.length,
    money: require("pmokit").formatMoney(require("pmokit").money("1234.5", "EUR"), { locale: "en-US" }),
  });
} catch (e) {
  process.send({ kind: "cjs", error: errorText(e) });
}
process.exit(0);
