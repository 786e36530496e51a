import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { createUser, joinEntity, toActor } from '../../accounts/index.js';
import type { signupBody } from '../registry.contract.js';
import { communeInForce } from './_shared.js';
import { createEntity } from './create-entity.js';

/**
 * A producer opens an account and registers its entity in one step; the entity waits for its commune's approval.
 * The account comes first so that the entity's audit names the producer as the one who registered it (an anonymous
 * request has no actor); the account then joins the entity, which could not exist before it.
 */
export async function signUpProducer(ctx: Ctx, input: z.infer<typeof signupBody>) {
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
