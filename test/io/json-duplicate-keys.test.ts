import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JIRA_JSON_PROFILE, importDataset, readTrackerJson } from "../../src/io/index.js";
import { duplicateJsonKeys } from "../../src/io/json-keys.js";
import { loadSampleOffice } from "../../examples/office.js";
import { validationErrorOf } from "../support/errors.js";

describe("JSON keys given twice", () => {
  it("a dataset with a kind given twice is refused, not read with the first list dropped", () => {
    // Two offices merged by hand: "records" holds "project" twice. JSON.parse keeps only the last list, so before,
    // the first list's 4 projects vanished without a word (the import reported 1 project).
    const office = loadSampleOffice();
    const [first, ...rest] = office.project as unknown[];
    const text = `{"format":"pmokit-dataset","formatVersion":1,"records":{"project":${JSON.stringify(rest)},"project":${JSON.stringify([first])}}}`;
    const e = validationErrorOf(() => importDataset(text));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[["records", "project"], 'key "project" is given twice (JSON keeps only the last)']]);
  });

  it("a record with a field given twice is refused at the field", () => {
    const office = loadSampleOffice();
    const entry = JSON.stringify(office["cost-entry"][0]).replace('"amount":{', '"amount":{"amount":"1.00","currency":"EUR"},"amount":{');
    const text = `{"format":"pmokit-dataset","formatVersion":1,"records":{"cost-entry":[${entry}]}}`;
    expect(validationErrorOf(() => importDataset(text)).issues.map((i) => i.path)).toEqual([["records", "cost-entry", 0, "amount"]]);
  });

  it("a tracker export with an issue field given twice is refused (which status was meant?)", () => {
    const json = '{"issues":[{"key":"CRM-2","fields":{"summary":"x","status":{"name":"Done","statusCategory":{"key":"done"}},"status":{"name":"To Do","statusCategory":{"key":"new"}}}}]}';
    expect(validationErrorOf(() => readTrackerJson(json, JIRA_JSON_PROFILE)).issues.map((i) => i.path)).toEqual([["issues", 0, "fields", "status"]]);
  });

  it("the scanner agrees with an oracle on random JSON (no false alarms; escapes, nesting, strings with brackets)", () => {
    // The generator writes JSON text and knows, from what it wrote, whether some object repeats a key (keys compared
    // after decoding: "a" and "\u0061" are the same key). The scanner must say the same.
    type Gen = { text: string; dup: boolean };
    const key = fc.constantFrom("a", "b", "\\u0061", "é", 'q\\"', "__proto__", "");
    const value: fc.Arbitrary<Gen> = fc.letrec<{ v: Gen; o: Gen; a: Gen }>((tie) => ({
      v: fc.oneof({ depthSize: "small" }, fc.constantFrom("1", "-0.5e3", "true", "null", '"s,{[:]}"', '"\\\\"', '"\\":"').map((text) => ({ text, dup: false })), tie("o"), tie("a")),
      o: fc.array(fc.tuple(key, tie("v")), { maxLength: 4 }).map((kv) => {
        const names = kv.map(([k]) => JSON.parse(`"${k}"`) as string);
        return { text: `{${kv.map(([k, v]) => `"${k}" : ${v.text}`).join(",")}}`, dup: new Set(names).size < names.length || kv.some(([, v]) => v.dup) };
      }),
      a: fc.array(tie("v"), { maxLength: 3 }).map((vs) => ({ text: `[${vs.map((v) => v.text).join(" , ")}]`, dup: vs.some((v) => v.dup) })),
    })).v;
    fc.assert(fc.property(value, ({ text, dup }) => {
      JSON.parse(text); // the generator writes valid JSON
      expect(duplicateJsonKeys(text).length > 0).toBe(dup);
    }), { numRuns: 1000, seed: 7 });
  });
});

describe("CSV JSON cells with a key given twice", () => {
  it("a cost entry's fxRate cell with two rates is refused at its row and column, not read with the last rate", async () => {
    // {"rate":"0.9215","rate":"1.0850",…}: before, JSON.parse took 1.0850 silently and the entry converted at it.
    const { importCsv, csvProblems } = await import("../../src/io/index.js");
    const cell = '"{""rate"":""0.9215"",""rate"":""1.0850"",""currency"":""USD"",""date"":""2027-02-28""}"';
    const csv = `projectId,date,amount.amount,amount.currency,category,expenditure,fxRate\nPRJ-CRM,2027-02-28,100.00,EUR,labour,opex,${cell}\n`;
    const e = validationErrorOf(() => importCsv("cost-entry", csv, { importedAt: "2026-11-25T12:00:00.000Z" }));
    expect(csvProblems(e)).toEqual([{ row: 2, column: "fxRate", message: 'not valid JSON: key "rate" is given twice' }]);
    const once = csv.replace('""rate"":""0.9215"",', "");
    expect(importCsv("cost-entry", once, { importedAt: "2026-11-25T12:00:00.000Z" }).records[0]!.fxRate!.rate.toFixed()).toBe("1.085");
  });
});
