import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { build, type Options } from "tsup";
import config from "../../tsup.config.js";

/**
 * Installs pmokit into `<dir>/node_modules/pmokit` the way npm would from the registry: the library is built with the
 * project's own tsup configuration (JavaScript only: the docs test runs code, and `tsc` checks the types), the
 * package is packed with `npm pack` — so only what package.json `files` ships is there — and unpacked. The package's
 * dependencies are linked from the repository's node_modules beside it.
 *
 * @returns the unpacked package's folder.
 */
export async function installPackedPackage(root: string, dir: string): Promise<string> {
  const stage = join(dir, "stage");
  mkdirSync(stage, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { files: string[] };
  cpSync(join(root, "package.json"), join(stage, "package.json"));
  for (const entry of pkg.files.filter((f) => f !== "dist")) {
    const star = entry.indexOf("*");
    if (star === -1) {
      if (existsSync(join(root, entry))) cpSync(join(root, entry), join(stage, entry), { recursive: true });
      continue;
    }
    // "examples/data/*.json": one folder, one extension.
    const folder = dirname(entry);
    const suffix = entry.slice(star + 1);
    mkdirSync(join(stage, folder), { recursive: true });
    for (const f of readdirSync(join(root, folder)).filter((n) => n.endsWith(suffix))) cpSync(join(root, folder, f), join(stage, folder, f));
  }
  const [library] = config as Options[];
  await build({ ...library, dts: false, sourcemap: false, outDir: join(stage, "dist"), config: false, silent: true });

  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: stage, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as { filename: string }[];
  const target = join(dir, "node_modules", "pmokit");
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, packed[0]!.filename), "-C", target, "--strip-components=1"]);

  const modules = realpathSync(join(root, "node_modules"));
  for (const name of readdirSync(modules)) {
    if (name === "pmokit" || name.startsWith(".")) continue;
    symlinkSync(join(modules, name), join(dir, "node_modules", name), "dir");
  }
  // The folder's own scope, so that `pmokit` resolves to node_modules rather than to the repository by self-reference.
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "pmokit-docs-check", private: true, type: "module" })}\n`);
  return target;
}
