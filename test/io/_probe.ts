import { importCsv, csvProblems } from "../../src/io/index.js";
import { ValidationError } from "../../src/core/index.js";
const H = "id,projectId,date,amount.amount,amount.currency,category,expenditure,description";
const cases: Record<string, string> = {
  quoteInside: `${H}\nc1,PRJ,2026-10-01,1,EUR,labour,opex,a"b\n`,
  garbageAfterQuote: `${H}\nc1,PRJ,2026-10-01,1,EUR,labour,opex,"a"b\n`,
  unterminated: `${H}\nc1,PRJ,2026-10-01,1,EUR,labour,opex,"ab\n`,
  trailingDelim: `${H},\nc1,PRJ,2026-10-01,1,EUR,labour,opex,ab,\n`,
  crInQuotes: `${H}\r\nc1,PRJ,2026-10-01,1,EUR,labour,opex,"a\r\nb"\r\nc2,PRJ,2026-10-01,1,EUR,labour,opex,x\r\n`,
  spaceAroundQuoted: `${H}\nc1,PRJ,2026-10-01,1,EUR,labour,opex, "ab" \n`,
  bomTwice: `\ufeff\ufeff${H}\nc1,PRJ,2026-10-01,1,EUR,labour,opex,ab\n`,
  emptyQuotedHeader: `${H}\nc1,PRJ,2026-10-01,1,EUR,labour,opex,""\n`,
  noFinalNewline: `${H}\nc1,PRJ,2026-10-01,1,EUR,labour,opex,"ab"`,
  amountSpaces: `${H}\nc1,PRJ,2026-10-01, 1 ,EUR,labour,opex,ab\n`,
  dateSpaces: `${H}\nc1,PRJ, 2026-10-01 ,1,EUR,labour,opex,ab\n`,
  idSpaces: `${H}\n c1 ,PRJ,2026-10-01,1,EUR,labour,opex,ab\n`,
};
for (const [name, text] of Object.entries(cases)) {
  try { const r = importCsv("cost-entry", text, { importedAt: "2026-01-01T00:00:00.000Z" }).records; console.log(name, "OK", JSON.stringify(r.map((x) => [x.id, x.date, x.amount.amount.toFixed(), x.description]))); }
  catch (e) { console.log(name, "ERR", e instanceof ValidationError ? JSON.stringify(csvProblems(e)).slice(0, 300) : String(e)); }
}
