import { loadConfig } from "../config.js";
import { importNetworkFile } from "../network/import-store.js";
import { openStore, storeName } from "../store/open.js";

/**
 * `npm run import-network -- FILE.csv|FILE.geojson`: replaces the demo network in the store (DATA_DIR or DATABASE_URL) with a
 * discom's own (format: server/network/IMPORT.md). Stop the server first; it loads the network at
 * start. Exit code 1 and one line per problem when the file is refused; nothing is changed then.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run import-network -- FILE.csv | FILE.geojson");
    process.exit(2);
  }
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const outcome = await importNetworkFile(store, file, config.NETWORK_SEED);
    if (!outcome.ok) {
      for (const e of outcome.errors ?? [])
        console.error(`line ${e.line}${e.field ? ` (${e.field})` : ""}: ${e.message}`);
      console.error(`${outcome.errors?.length ?? 0} problem(s); nothing was imported.`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `imported ${outcome.units} units (${outcome.feeders} feeders) into ${storeName(config)}`,
    );
  } finally {
    await store.close();
  }
}

void main();
