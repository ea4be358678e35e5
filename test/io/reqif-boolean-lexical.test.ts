import { describe, expect, it } from "vitest";
import { readReqif, reqifToPmokit } from "../../src/io/index.js";
import { IMPORTED_AT, fixtureText } from "./fixtures.js";

/*
 * A ReqIF BOOLEAN value is an xsd:boolean (ReqIF 1.2, ATTRIBUTE-VALUE-BOOLEAN's THE-VALUE), whose lexical space is
 * {true, false, 1, 0} (XML Schema Part 2, §3.2.2.1): "1" is true and "0" false, as a schema-driven writer may put
 * them. A file written with 1/0 must therefore import exactly as the same file written with true/false.
 */
const OPTIONS = { projectId: "prj-x", importedAt: IMPORTED_AT };
/** Every BOOLEAN value of a file written 1/0 instead of true/false. */
const asDigits = (text: string) => text.replace(/(<ATTRIBUTE-VALUE-BOOLEAN\s[^>]*THE-VALUE=")(true|false)"/g, (_, head: string, v: string) => `${head}${v === "true" ? "1" : "0"}"`);
const DOORS_DEF = "_9d6c520a-4212-4719-8850-0579647cc74b-Pseudo-ForeignDeleted";
const SECOND = "_2_7e1c200d-5c01-4b93-941d-95fadf8feb0c";

describe("ReqIF BOOLEAN values written 1 and 0", () => {
  it("ReqIF.ForeignDeleted = 1 marks the object obsolete (before: it stayed proposed, a deleted object imported as live)", () => {
    const text = fixtureText("reqif/doors9_ibm-rational-doors_example-from-a-user.reqif");
    const flag = `<ATTRIBUTE-VALUE-BOOLEAN THE-VALUE="1"><DEFINITION><ATTRIBUTE-DEFINITION-BOOLEAN-REF>${DOORS_DEF}</ATTRIBUTE-DEFINITION-BOOLEAN-REF></DEFINITION></ATTRIBUTE-VALUE-BOOLEAN>`;
    const withFlag = text.replace(new RegExp(`(<SPEC-OBJECT IDENTIFIER="${SECOND}"[\\s\\S]*?<VALUES>)`), `$1${flag}`);
    expect(withFlag).not.toBe(text);
    const r = reqifToPmokit(readReqif(withFlag).document, OPTIONS);
    expect(r.records.requirement.map((x) => x.status)).toEqual(["proposed", "obsolete", "proposed"]);
    const zero = reqifToPmokit(readReqif(withFlag.replace(`THE-VALUE="1"><DEFINITION><ATTRIBUTE-DEFINITION-BOOLEAN-REF>${DOORS_DEF}`, `THE-VALUE="0"><DEFINITION><ATTRIBUTE-DEFINITION-BOOLEAN-REF>${DOORS_DEF}`)).document, OPTIONS);
    expect(zero.records.requirement.map((x) => x.status)).toEqual(["proposed", "proposed", "proposed"]);
  });

  it("ProR's suspect flags S and T written 1/0 import as written true/false (before: T=1 was not suspect)", () => {
    const text = fixtureText("reqif/pror_fmstudio_traceability-template-v1.0.reqif");
    const digits = asDigits(text);
    expect((digits.match(/THE-VALUE="1"/g) ?? []).length).toBeGreaterThanOrEqual(2); // LNK-1's T and LNK-2's S at least
    const [words, ones] = [reqifToPmokit(readReqif(text).document, OPTIONS), reqifToPmokit(readReqif(digits).document, OPTIONS)];
    expect(ones.records["trace-link"]).toEqual(words.records["trace-link"]);
    expect(ones.report.warnings.filter((w) => w.code === "source-changed")).toEqual(words.report.warnings.filter((w) => w.code === "source-changed"));
  });
});
