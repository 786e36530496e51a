// Loads the reference data every database needs (administrative units, classification), idempotently.
import type { Database } from './db.js';
import { loadAdminUnits } from '../modules/geo/index.js';
import { loadClassification } from '../modules/registry/index.js';

export async function loadReferenceData(database: Database): Promise<{ adminUnits: boolean; classification: boolean }> {
  return database.db.transaction(async (tx) => ({
    adminUnits: await loadAdminUnits(tx),
    classification: await loadClassification(tx),
  }));
}
