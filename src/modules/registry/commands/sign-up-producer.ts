import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { enqueue } from '../../../app/outbox.js';
import { createUser, getUserByEmail, joinEntity, toActor } from '../../accounts/index.js';
import type { signupBody } from '../registry.contract.js';
import { communeInForce } from './_shared.js';
import { createEntity } from './create-entity.js';

type SignUp = z.infer<typeof signupBody>;

/**
 * A producer opens an account and registers its entity in one step; the entity waits for its commune's approval.
 * The account comes first so that the entity's audit names the producer as the one who registered it (an anonymous
 * request has no actor); the account then joins the entity, which could not exist before it.
 */
async function register(ctx: Ctx, input: SignUp) {
  const commune = await communeInForce(ctx.tx, input.entity.communeCode);
  const account = await createUser(ctx, {
    email: input.email, fullName: input.fullName, password: input.password, role: 'entity',
    provinceCode: commune.provinceCode, communeCode: commune.code,
  }, { checkPolicy: false });
  const asProducer: Ctx = { ...ctx, actor: toActor(account, 'session') };
  const created = await createEntity(asProducer, input.entity, { asProducer: true });
  const user = await joinEntity(asProducer, account.id, created.id);
  return { user, entity: created };
}

const DRY_RUN = Symbol('sign-up dry run');

/**
 * Signs a producer up, without telling anyone whether the e-mail already has an account. For a taken e-mail the
 * whole sign-up still runs — same checks, same errors (a bad commune, a duplicate registration number, a weak
 * password), same password hashing — inside a savepoint that is then rolled back, so nothing is written; the
 * address's owner is mailed instead. The caller gives both the same answer. Returns null for a taken e-mail.
 */
export async function signUpProducer(ctx: Ctx, input: SignUp) {
  const existing = await getUserByEmail(ctx.tx, input.email);
  if (!existing) return register(ctx, input);
  await ctx.tx.transaction(async (savepoint) => {
    await register({ ...ctx, tx: savepoint }, { ...input, email: `${randomUUID()}@sign-up.invalid` });
    throw DRY_RUN;
  }).catch((err: unknown) => { if (err !== DRY_RUN) throw err; });
  await enqueue(ctx.tx, 'signup.email_taken', { userId: existing.id, email: existing.email, fullName: existing.fullName });
  return null;
}
