import fs from "node:fs";
import { loadConfig } from "../config.js";
import { loadDistricts } from "../network/districts.js";
import { Network } from "../network/loaded-network.js";
import { parseOfficerImport } from "../officers/import.js";
import { Officers } from "../officers/officers.js";
import { openStore, storeName } from "../store/open.js";

/**
 * `npm run import-officers -- FILE.csv`: replaces the (synthetic) officers in the store (DATA_DIR
 * or DATABASE_URL) with a discom's own list. All or nothing; one line per problem. Stop the
 * server first.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run import-officers -- FILE.csv");
    process.exit(2);
  }
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const network = new Network(await store.loadUnits(), loadDistricts());
    const parsed = parseOfficerImport(fs.readFileSync(file, "utf8"), network);
    if (!parsed.ok) {
      for (const e of parsed.errors)
        console.error(`line ${e.line}${e.field ? ` (${e.field})` : ""}: ${e.message}`);
      console.error(`${parsed.errors.length} problem(s); nothing was imported.`);
      process.exitCode = 1;
      return;
    }
    await Officers.replaceAll(store.kysely, parsed.officers);
    console.log(`imported ${parsed.officers.length} officers into ${storeName(config)}`);
  } finally {
    await store.close();
  }
}

void main();
