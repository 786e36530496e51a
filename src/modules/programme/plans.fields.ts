// Who may see which field of a plan. Public: an approved plan's targets with their live progress (the public never
// reads a draft, plans.policy.ts). Internal: the office's note, who wrote, submitted and approved each version, and
// the actions the reader may take.
import type { RecordClassification } from '../../app/privacy.js';

export const PLAN_FIELDS: RecordClassification = {
  record: 'plan',
  fields: {
    year: 'public', scope: 'public', provinceCode: 'public', provinceName: 'public', versionNumber: 'public', status: 'public', approvedVersion: 'public',
    latestVersion: 'public', approvedAt: 'public', asOf: 'public', targets: 'public',
    key: 'public', kind: 'public', label: 'public', 'label.vi': 'public', 'label.en': 'public', ownLabel: 'public', unit: 'public', stars: 'public', sector: 'public',
    target: 'public', achieved: 'public', progress: 'public', measured: 'public', how: 'public', 'how.vi': 'public', 'how.en': 'public',
    byCommune: 'public', communeCode: 'public', communeName: 'public', targetNote: 'public',
    planNote: 'internal', createdAt: 'internal', createdByName: 'internal', submittedAt: 'internal', submittedByName: 'internal', approvedByName: 'internal',
    actions: 'internal',
  },
};

/** The target kinds: reference data. */
export const TARGET_KIND_FIELDS: RecordClassification = {
  record: 'plan target kinds',
  fields: { version: 'public', instrument: 'public', items: 'public', code: 'public', vi: 'public', en: 'public', unit: 'public', byStars: 'public', bySector: 'public', how: 'public', 'how.vi': 'public', 'how.en': 'public', source: 'public' },
};
