import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/errors.js";
import { writeFilesAtomically } from "../../src/cli/output.js";
import { temp } from "./run.js";

describe("issue 18 #3: writeFilesAtomically", () => {
  it("a file that cannot be written half-way: nothing changes, folders it made and its temporary folder are gone", () => {
    const cwd = temp();
    writeFileSync(join(cwd, "keep.md"), "old");
    // The second file fails while staging (not text), after the first was written to the temporary folder.
    expect(() => writeFilesAtomically(join(cwd, "new", "deep"), { "a.md": "x", "charts/b.svg": 42 as never })).toThrow(CliError);
    expect(readdirSync(cwd)).toEqual(["keep.md"]);
    expect(() => writeFilesAtomically(cwd, { "keep.md": "new", "charts/b.svg": 42 as never })).toThrow(/cannot write the report .*nothing was changed/);
    expect([readdirSync(cwd), readFileSync(join(cwd, "keep.md"), "utf8")]).toEqual([["keep.md"], "old"]);
  });

  it("writes and replaces every file, making sub-folders, and leaves no temporary folder", () => {
    const cwd = temp();
    writeFileSync(join(cwd, "keep.md"), "old");
    expect(writeFilesAtomically(cwd, { "keep.md": "new", "charts/b.svg": "<svg/>" })).toEqual([join(cwd, "keep.md"), join(cwd, "charts", "b.svg")]);
    expect([readdirSync(cwd).sort(), readFileSync(join(cwd, "keep.md"), "utf8"), existsSync(join(cwd, "charts", "b.svg"))]).toEqual([["charts", "keep.md"], "new", true]);
  });

  it("refuses a file name that leaves the folder", () => {
    const cwd = temp();
    expect(() => writeFilesAtomically(join(cwd, "r"), { "../escape.md": "x" })).toThrow(/must lie inside/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
