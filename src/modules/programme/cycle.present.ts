// Turns ideas into API output, cut down to the reader's audience (cycle.fields.ts).
import type { Actor } from '../../app/actor.js';
import { project, type Audience } from '../../app/privacy.js';
import type { IdeaOut } from './cycle.contract.js';
import { IDEA_FIELDS } from './cycle.fields.js';
import { ideaActions, ideaInScope, readsPhone } from './cycle.policy.js';
import type { IdeaView } from './cycle.repo.js';
import { ideaStep } from './cycle.rules.js';
import type { IdeaRow } from './cycle.tables.js';

/** `withPhone`: the single idea's page, for its author and the commune (lists never carry the phone). */
export function presentIdea(v: IdeaView, actor: Actor, withPhone = false): IdeaOut {
  const i = v.idea;
  const full: IdeaOut = {
    id: i.id, title: i.title, description: i.description, productSet: i.productSet, productSetName: v.productSetName, rawMaterials: i.rawMaterials, market: i.market,
    entity: i.entityId ? { id: i.entityId, name: v.entityName ?? '' } : null, producerName: i.producerName, producerPhone: i.producerPhone,
    communeCode: i.communeCode, communeName: v.communeName, provinceCode: i.provinceCode, status: i.status, statusReason: i.statusReason,
    step: ideaStep({ status: i.status, step: i.step, hasBusinessPlan: i.businessPlan !== null }).step, ideaStep: i.step,
    businessPlan: i.businessPlan ? { summary: i.businessPlan.summary, investmentVnd: i.businessPlan.investmentVnd, expectedOutput: i.businessPlan.expectedOutput, startsOn: i.businessPlan.startsOn, submittedAt: i.businessPlan.submittedAt } : null,
    productId: i.productId, decidedAt: i.decidedAt?.toISOString() ?? null, createdAt: i.createdAt.toISOString(), updatedAt: i.updatedAt.toISOString(),
    version: i.version, actions: ideaActions(actor, i),
  };
  const audience: Audience = withPhone && readsPhone(actor, i) ? 'sensitive' : ideaInScope(actor, i) ? 'internal' : 'public';
  return project(IDEA_FIELDS, audience, full) as IdeaOut;
}

/** What the audit trail keeps of an idea (the phone left out: the trail is read by more people than the idea). */
export function ideaSnapshot(i: IdeaRow) {
  const { producerPhone, createdAt: _c, updatedAt, decidedAt, ...rest } = i;
  return { ...rest, producerPhone: producerPhone ? '(có)' : null, updatedAt: updatedAt.toISOString(), decidedAt: decidedAt?.toISOString() ?? null };
}
