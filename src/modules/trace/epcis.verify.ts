// Tamper evidence: recompute a chain's links from what is stored and report the first that does not hold.
import type { Queryable } from '../../app/db.js';
import { captureHash, eventDigest } from './epcis.rules.js';
import { captureEventDigests, chainCaptures, type ChainKey } from './epcis.repo.js';

export type BrokenLink = { chainSeq: number; captureID: string; reason: 'sequence_gap' | 'previous_hash_mismatch' | 'hash_mismatch' | 'event_count_mismatch' };
export type ChainReport = { captures: number; events: number; intact: boolean; lastHash: string | null; firstBroken: BrokenLink | null };

const BATCH = 200;

export async function verifyChain(db: Queryable, chain: ChainKey): Promise<ChainReport> {
  let prevHash: string | null = null;
  let expectedSeq = 1;
  let captures = 0;
  let events = 0;
  for (let after = 0; ;) {
    const batch = await chainCaptures(db, chain, after, BATCH);
    for (const c of batch) {
      const seq = Number(c.chain_seq);
      const broken = (reason: BrokenLink['reason']): ChainReport => ({ captures, events, intact: false, lastHash: prevHash, firstBroken: { chainSeq: seq, captureID: c.id, reason } });
      if (seq !== expectedSeq) return broken('sequence_gap');
      if ((c.prev_hash ?? null) !== prevHash) return broken('previous_hash_mismatch');
      const stored = await captureEventDigests(db, c.id);
      const digests = stored.map((e) => eventDigest(e.digest, e.epcs));
      if (captureHash(prevHash, c.id, seq, digests) !== c.hash) return broken(stored.length !== Number(c.event_count) ? 'event_count_mismatch' : 'hash_mismatch');
      prevHash = c.hash;
      expectedSeq++;
      captures++;
      events += stored.length;
    }
    if (batch.length < BATCH) break;
    after = Number(batch.at(-1)!.chain_seq);
  }
  return { captures, events, intact: true, lastHash: prevHash, firstBroken: null };
}
