// Captures an EPCIS 2.0 document: validate (GS1's JSON Schema, then JSON-LD), check the actor may name every
// identifier, give each event without an eventID its CBV 2.0 hash ID, store each event once with its identifiers,
// and extend the capturing entity's hash chain. The caller's transaction makes it all-or-nothing.
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, type FieldError } from '../../../app/errors.js';
import { documentVocabulary, eventHashId } from '../event-hash.rules.js';
import { captureHash, EPCIS_EXCEPTION, eventDigest, Gs1Error, indexEvent, validateEpcisDocument, type IndexedEvent } from '../epcis.rules.js';
import { canCapture, captureChain, capturesAnyIdentifier, ownsIdentifier } from '../epcis.policy.js';
import { entityKeys, finishCapture, insertCapture, insertEvents, lastLink, lockChain, type NewEvent } from '../epcis.repo.js';

export type CaptureErrorBehaviour = 'rollback' | 'proceed';
/** One refused event (with `proceed`, the others are stored): where it is, why. */
export type CaptureError = FieldError & { eventIndex?: number; eventId?: string };
export type CaptureResult = { captureId: string; success: boolean; errors: CaptureError[]; eventIds: string[] };
export type CaptureOptions = {
  errorBehaviour?: CaptureErrorBehaviour;
  /** Most events a document may hold (the route passes its advertised limit). */
  maxEvents?: number;
  /** For the server's own captures (demo data, `ocop seed --events`): the entity whose chain they extend. */
  entityId?: string | null;
};

export const validationFailed = (errors: FieldError[]) => new AppError('invalid', 'epcis_validation_failed',
  { vi: 'Tài liệu EPCIS không hợp lệ; không sự kiện nào được lưu', en: 'The EPCIS document is not valid; no event was stored' },
  { type: EPCIS_EXCEPTION.validation, field: errors[0]?.path, errors });

const notOwned = (path: string, epc: string): FieldError => ({
  path, code: 'identifier_not_owned',
  message: { vi: `Mã định danh không thuộc chủ thể của bạn: ${epc}`, en: `The identifier does not belong to your entity: ${epc}` },
});

/** Every identifier an entity must own in an event: what it names and where it happened. */
function namedIdentifiers(ix: IndexedEvent): string[] {
  return [...ix.epcs.map((x) => x.epc), ...[ix.readPoint, ix.bizLocation].filter((x): x is string => x !== null)];
}

/** Events indexed, hashed and sent to the database at a time (see captureDocument). */
const SLICE = 250;

export async function captureDocument(ctx: Ctx, document: unknown, opts: CaptureOptions = {}): Promise<CaptureResult> {
  const errorBehaviour = opts.errorBehaviour ?? 'rollback';
  if (!canCapture(ctx.actor)) {
    throw new AppError('forbidden', 'epcis_capture_forbidden', { vi: 'Bạn không có quyền ghi sự kiện truy xuất nguồn gốc', en: 'You may not capture traceability events' }, { type: EPCIS_EXCEPTION.security });
  }
  const checked = validateEpcisDocument(document);
  if (!checked.ok) throw validationFailed(checked.errors);
  const doc = checked.doc;
  const events = doc.epcisBody.eventList;
  if (opts.maxEvents !== undefined && events.length > opts.maxEvents) {
    throw new AppError('too_large', 'epcis_capture_limit', { vi: `Tài liệu có quá nhiều sự kiện (tối đa ${opts.maxEvents})`, en: `Too many events in one document (at most ${opts.maxEvents})` },
      { type: EPCIS_EXCEPTION.captureLimit, limit: opts.maxEvents });
  }

  // Events are indexed and hashed a slice at a time, and each slice's rows are sent to the database as soon as they
  // are ready: the database stores one slice while the next is hashed. The outcome is the document's, not a slice's:
  // an invalid GS1 key anywhere (a wrong check digit) refuses the whole document, as a schema error does, and so does
  // a foreign identifier under `rollback`; the transaction then takes back whatever slices were sent.
  const context = doc['@context'];
  const vocabulary = documentVocabulary(events);
  const chain = captureChain(ctx.actor, opts.entityId);
  // An entity names only its own products, lots and locations.
  const keys = !capturesAnyIdentifier(ctx.actor) && chain ? await entityKeys(ctx.tx, chain) : null;
  const invalid: FieldError[] = [];
  const errors: CaptureError[] = [];
  // The same event twice in one document counts once; the repository assigns recordTime.
  const unique = new Map<string, NewEvent>();
  const captureId = randomUUID();
  await insertCapture(ctx.tx, { id: captureId, entityId: chain, createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, createdAt: ctx.now, errorBehaviour });
  const stored = new Map<string, string>();
  let storing: Promise<void> | undefined; // the slice the database is storing (one statement at a time per transaction)
  let failed: { reason: unknown } | undefined;
  const settle = async () => {
    if (storing) await storing;
    storing = undefined;
  };
  for (let from = 0; from < events.length; from += SLICE) {
    const slice: NewEvent[] = [];
    for (let index = from; index < Math.min(events.length, from + SLICE); index++) {
      const event = events[index];
      let ix: IndexedEvent;
      let eventId: string;
      try {
        ix = indexEvent(event);
        eventId = typeof event.eventID === 'string' ? event.eventID : eventHashId(event, event['@context'] ? [context, event['@context']].flat() : context, vocabulary);
      } catch (err) {
        if (!(err instanceof Gs1Error)) throw err;
        invalid.push({ path: `epcisBody.eventList.${index}`, code: `gs1_${err.problem}`, message: { vi: `Mã GS1 không hợp lệ: ${err.message}`, en: err.message } });
        continue;
      }
      const foreign = keys ? namedIdentifiers(ix).find((epc) => !ownsIdentifier(epc, keys)) : undefined;
      if (foreign !== undefined) { errors.push({ ...notOwned(`epcisBody.eventList.${index}`, foreign), eventIndex: index, eventId }); continue; }
      if (unique.has(eventId)) continue;
      const kept: NewEvent = { eventId, body: event.eventID === eventId ? event : { ...event, eventID: eventId }, context, indexed: ix };
      unique.set(eventId, kept);
      slice.push(kept);
    }
    // Nothing more is sent once the document is known to be refused.
    if (failed || invalid.length || (errors.length && errorBehaviour === 'rollback') || !slice.length) continue;
    await settle();
    storing = insertEvents(ctx.tx, captureId, chain, ctx.now, slice).then(
      (digests) => { for (const [id, digest] of digests) stored.set(id, digest); },
      (reason: unknown) => { failed = { reason }; },
    );
    await new Promise((resolve) => setImmediate(resolve)); // lets the statement leave before the next slice is hashed
  }
  await settle();
  if (invalid.length) throw validationFailed(invalid);
  if (errors.length && errorBehaviour === 'rollback') {
    throw new AppError('forbidden', 'epcis_identifier_not_owned', {
      vi: 'Tài liệu có sự kiện về sản phẩm hoặc địa điểm không thuộc chủ thể của bạn; không sự kiện nào được lưu',
      en: 'The document has events about products or locations that are not your entity\'s; no event was stored',
    }, { type: EPCIS_EXCEPTION.security, field: errors[0].path, errors });
  }
  if (failed) throw failed.reason;
  const digests = [...unique.values()].filter((e) => stored.has(e.eventId)).map((e) => eventDigest(stored.get(e.eventId)!, e.indexed.epcs));
  await lockChain(ctx.tx, chain);
  const prev = await lastLink(ctx.tx, chain);
  const chainSeq = (prev?.chainSeq ?? 0) + 1;
  const hash = captureHash(prev?.hash ?? null, captureId, chainSeq, digests);
  const success = errors.length === 0;
  await finishCapture(ctx.tx, { id: captureId, chainSeq, prevHash: prev?.hash ?? null, hash, finishedAt: ctx.now, success, errors, eventCount: stored.size });
  await recordAudit(ctx, { action: 'epcis.capture', recordType: 'epcis_capture', recordId: captureId, after: { entityId: chain, chainSeq, hash, stored: stored.size, refused: errors.length } });
  return { captureId, success, errors, eventIds: [...unique.keys()] };
}
