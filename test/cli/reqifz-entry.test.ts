import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { unzipReqifz } from "../../src/io/index.js";
import { HEAVY, run, temp } from "./run.js";

// A .reqifz exchange container may hold several .reqif files (ReqIF Implementation Guide). The library refuses such
// an archive unless its `entry` option picks one, but the command line had no way to pass it: `pmokit validate` and
// `pmokit import` (the commands that read a .reqifz; `pmokit trace` then reads the database they fill) could not read
// the archive at all, and the refusal told the user to use "the entry option", which no command has. `--entry NAME`
// picks the .reqif file; without it the refusal names `--entry` and lists the archive's .reqif files.

const FIXTURES = new URL("../../../shared/fixtures/reqif/", import.meta.url);
const spielwiese = unzipReqifz(readFileSync(new URL("doors_ibm-rational-doors_spielwiese.reqifz", FIXTURES))).text;
const strictdoc = readFileSync(new URL("strictdoc_export_sample2.reqif", FIXTURES), "utf8");

/** An archive with both fixtures' .reqif files and a picture, in a fresh working folder. */
function multiArchive(): string {
  const cwd = temp();
  writeFileSync(join(cwd, "both.reqifz"), zipSync({ "strictdoc.reqif": strToU8(strictdoc), "pic.png": strToU8("x"), "_Spielwiese.reqif": strToU8(spielwiese) }));
  writeFileSync(join(cwd, "one.reqif"), strictdoc);
  return cwd;
}

describe("--entry picks the .reqif file of a multi-file .reqifz", () => {
  it("without --entry: refused (exit 2), naming --entry and every .reqif entry", async () => {
    const cwd = multiArchive();
    const r = await run(["validate", "both.reqifz", "--project", "prj-a"], cwd);
    expect([r.code, r.out, r.err]).toEqual([2, "", `pmokit: ${join(cwd, "both.reqifz")}: the archive holds 2 .reqif files (_Spielwiese.reqif, strictdoc.reqif): choose one with --entry NAME\n`]);
  });

  it("--entry reads the one named: each entry validates on its own, with its own requirement count", async () => {
    const cwd = multiArchive();
    // The counts are those of each file read alone (the strictdoc sample as a plain .reqif: 18 requirements).
    const alone = await run(["validate", "one.reqif", "--project", "prj-a"], cwd);
    expect([alone.code, alone.out]).toEqual([0, "one.reqif: valid (18 requirements)\n"]);
    const a = await run(["validate", "both.reqifz", "--project", "prj-a", "--entry", "strictdoc.reqif"], cwd);
    // The strictdoc sample has no LAST-CHANGE: the importer's warning is printed (it was dropped before).
    expect([a.code, a.out, a.err]).toEqual([0, "both.reqifz: valid (18 requirements)\n", "warning: both.reqifz: LAST-CHANGE: 18 spec objects and 0 spec relations have no usable LAST-CHANGE (absent, not a date-time, or without a time zone and no localTimeOffset): stamped with the import time\n"]);
    const b = await run(["validate", "both.reqifz", "--project", "prj-a", "--entry", "_Spielwiese.reqif", "--json"], cwd);
    expect(b.code).toBe(0);
    // Spielwiese holds 4 spec objects (fixtures/reqif/NOTES.md), each a requirement.
    // DOORS writes zone-less LAST-CHANGE and foreign dates: the importer's two warnings are in the JSON (dropped before).
    expect(JSON.parse(b.out)).toMatchObject({ file: "both.reqifz", valid: true, counts: { requirement: 4 } });
    expect(JSON.parse(b.out).warnings.map((w: { code: string }) => w.code)).toEqual(["import-time", "foreign-time"]);
  });

  it("import --entry stores the entry's requirements; trace then reads them from the database", async () => {
    const cwd = multiArchive();
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    const i = await run(["import", "both.reqifz", "--project", "prj-a", "--entry", "_Spielwiese.reqif", "--db", "db.sqlite", "--json"], cwd);
    expect([i.code, JSON.parse(i.out).written.requirement]).toEqual([0, 4]);
    // Spielwiese has 4 spec objects and no relation (NOTES.md: 4 / 0 / 1), one of them a chapter heading (tag
    // heading, inactive by default): 3 requirements traced, none covered.
    const t = await run(["trace", "--db", "db.sqlite"], cwd);
    expect([t.code, t.out.split("\n")[0]]).toEqual([1, "functional     0/3 shallow, 0/3 deep"]);
  }, HEAVY);

  it("an --entry the archive does not hold: exit 2, listing the .reqif files it does hold", async () => {
    const cwd = multiArchive();
    const r = await run(["validate", "both.reqifz", "--project", "prj-a", "--entry", "pic.reqif"], cwd);
    expect([r.code, r.err]).toEqual([2, `pmokit: ${join(cwd, "both.reqifz")}: --entry pic.reqif: the archive has no .reqif entry pic.reqif (its .reqif files: _Spielwiese.reqif, strictdoc.reqif)\n`]);
  });

  it("--entry on anything but a .reqifz is a usage error", async () => {
    const cwd = multiArchive();
    const r = await run(["validate", "one.reqif", "--project", "prj-a", "--entry", "one.reqif"], cwd);
    expect([r.code, r.err]).toEqual([2, "pmokit: --entry applies to ReqIF archives (.reqifz) only\n"]);
  });
});
