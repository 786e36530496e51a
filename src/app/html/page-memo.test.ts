// The database state is read for many requests at once, yet each request gets a reading sent after it arrived (so
// it sees every commit made before it began).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchedState } from './page-memo.js';

/** A reader whose readings answer when told to, numbered in the order they were sent. */
function manualReader() {
  const sent: { n: number; answer: () => void }[] = [];
  const read = () => new Promise<string>((resolve) => { const n = sent.length + 1; sent.push({ n, answer: () => resolve(`state ${n}`) }); });
  return { read, sent };
}

const tick = () => new Promise((r) => setImmediate(r));

test('requests arriving while a reading is out share the next one, sent when it returns; none gets the earlier one', async () => {
  const { read, sent } = manualReader();
  const state = batchedState(read);
  const first = state();
  assert.equal(sent.length, 1);
  const waiting = [state(), state(), state()];
  await tick();
  assert.equal(sent.length, 1, 'nothing more is sent while a reading is out');
  sent[0].answer();
  assert.equal(await first, 'state 1');
  await tick();
  assert.equal(sent.length, 2, 'the waiting requests share one reading, sent after the first returned');
  const late = state(); // arrives while reading 2 is out: it must wait for reading 3
  sent[1].answer();
  assert.deepEqual(await Promise.all(waiting), ['state 2', 'state 2', 'state 2']);
  await tick();
  assert.equal(sent.length, 3);
  sent[2].answer();
  assert.equal(await late, 'state 3');
  // Quiet again: the next request sends its own reading at once.
  const alone = state();
  assert.equal(sent.length, 4);
  sent[3].answer();
  assert.equal(await alone, 'state 4');
});

test('a failed reading fails the requests that waited for it, and the next request reads again', async () => {
  let calls = 0;
  const state = batchedState(async () => { calls++; if (calls === 1) throw new Error('connection lost'); return 'ok'; });
  await assert.rejects(state(), /connection lost/);
  assert.equal(await state(), 'ok');
  assert.equal(calls, 2);
});
