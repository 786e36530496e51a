import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { createUser } from '../../accounts/index.js';
import type { signupBody } from '../registry.contract.js';
import { createEntity } from './create-entity.js';

/** A producer opens an account and registers its entity in one step; the entity waits for its commune's approval. */
export async function signUpProducer(ctx: Ctx, input: z.infer<typeof signupBody>) {
  const created = await createEntity(ctx, input.entity, { asProducer: true });
  const user = await createUser(ctx, {
    email: input.email, fullName: input.fullName, password: input.password, role: 'entity',
    provinceCode: created.provinceCode, communeCode: created.communeCode, entityId: created.id,
  }, { checkPolicy: false });
  return { user, entity: created };
}
