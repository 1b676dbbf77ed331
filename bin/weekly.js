#!/usr/bin/env node
// The `weekly` command: the bundled CLI in dist/ (built by `npm ci` / `npm run build`).
import { main } from "../dist/cli.js";

process.exitCode = await main(process.argv.slice(2));
