// Who may see which field of a product idea and of a product's cycle. An idea is never public (its routes are for the
// producer and the officers in scope); within it, the unregistered producer's name and the office's reasons are
// internal, the producer's phone sensitive (a person's number, Nghị định 13/2023/NĐ-CP). A product's cycle step is
// public (a certified product is in trade promotion for all to see); where it came from and its upgrade path, read
// from the council's scores, are internal.
import type { RecordClassification } from '../../app/privacy.js';

export const IDEA_FIELDS: RecordClassification = {
  record: 'product idea',
  fields: {
    id: 'public', title: 'public', description: 'public', productSet: 'public', productSetName: 'public', rawMaterials: 'internal', market: 'internal',
    entity: 'public', 'entity.id': 'public', 'entity.name': 'public', producerName: 'internal', producerPhone: 'sensitive',
    communeCode: 'public', communeName: 'public', provinceCode: 'public', status: 'public', statusReason: 'internal', step: 'public', ideaStep: 'public',
    businessPlan: 'internal', 'businessPlan.summary': 'internal', 'businessPlan.investmentVnd': 'internal', 'businessPlan.expectedOutput': 'internal',
    'businessPlan.startsOn': 'internal', 'businessPlan.submittedAt': 'internal',
    productId: 'public', decidedAt: 'internal', createdAt: 'internal', updatedAt: 'internal', version: 'internal', actions: 'internal',
  },
};

export const PRODUCT_CYCLE_FIELDS: RecordClassification = {
  record: 'product cycle',
  fields: {
    productId: 'public', step: 'public', reason: 'public', steps: 'public', code: 'public', order: 'public', vi: 'public', en: 'public', state: 'public',
    idea: 'internal', 'idea.id': 'internal', 'idea.title': 'internal', 'idea.status': 'internal',
    upgradePath: 'internal', help: 'internal',
  },
};

export const CYCLE_STEP_FIELDS: RecordClassification = {
  record: 'cycle steps',
  fields: { version: 'public', instrument: 'public', source: 'public', principle: 'public', 'principle.vi': 'public', 'principle.en': 'public', items: 'public', code: 'public', order: 'public', vi: 'public', en: 'public', who: 'public', months: 'public', 'months.vi': 'public', 'months.en': 'public' },
};
