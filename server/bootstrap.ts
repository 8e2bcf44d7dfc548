import { migrateDatabase } from './db/client';
import type { Database } from './db/types';
import { syncHolidays } from './holidays/sync-holidays';
import { syncCodeLists } from './meta/sync-code-lists';
import { installJobs } from './jobs/jobs';
import { APP_QUEUES } from './jobs/queues';
import { importAdminUnits } from './places/import-admin-units';
import { seedDefaultRules } from './routing/seed-default-rules';
import { ensureStandingOffices } from './units/standing-offices';

/** Migrations, then the reference data and default routing rules every feature relies on; safe to run at every start. */
export async function prepareDatabase(database: Database): Promise<{ communesImported: number }> {
  await migrateDatabase(database);
  await syncCodeLists(database.db);
  await syncHolidays(database.db);
  const imported = await importAdminUnits(database.db);
  await seedDefaultRules(database.db);
  // Issue #18: every province's Standing Office of the Steering Committee 389, which leads tips about officials.
  await ensureStandingOffices(database.db);
  // pg-boss's tables and our queues (issue #17), so that a report can send a job before the runner starts.
  await installJobs(database, APP_QUEUES);
  return { communesImported: imported.communes };
}
