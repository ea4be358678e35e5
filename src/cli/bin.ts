#!/usr/bin/env node
// The `pmokit` executable: runs the command on the real process streams and exits with its code.
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
