// Who may see which field of the scoring module's records (Nghị định 13/2023/NĐ-CP; see src/app/privacy.ts).
// The certificate register, verification and score sheets are public by law (a certificate is an administrative
// act anyone may check); dossiers, councils, sessions and scores are internal to the officers, council members and
// the entity concerned; the self-report of a dossier (Mẫu 02) carries the representative's sex and ethnicity.
import type { RecordClassification } from '../../app/privacy.js';

const publicFields = (...names: string[]) => Object.fromEntries(names.map((n) => [n, 'public' as const]));
const internalFields = (...names: string[]) => Object.fromEntries(names.map((n) => [n, 'internal' as const]));

/** A certificate in the public register and its verification. The revocation's free-text note is the office's own. */
export const CERTIFICATE_FIELDS: RecordClassification = {
  record: 'certificate',
  fields: {
    ...publicFields('total', 'totalExact', 'page', 'pageSize', 'nextCursor', 'items', 'number', 'product', 'product.id', 'product.name', 'product.code', 'entity', 'entity.id',
      'entity.name', 'province', 'province.code', 'province.name', 'stars', 'issuedOn', 'expiresOn', 'status', 'extendedUntil', 'extensionReason',
      'valid', 'authority', 'decisionNumber', 'decidedOn', 'instrument', 'kind', 'replacedBy', 'replaces', 'revocation', 'revocation.ground',
      'revocation.groundText', 'groundText.vi', 'groundText.en', 'revocation.groundFoundOn', 'revocation.decisionNumber', 'revocation.decidedOn',
      'revocation.authority', 'revocation.deadlineOn', 'revocation.daysLate', 'deadlineDays', 'enforceDeadline', 'grounds', 'grounds.code', 'grounds.text',
      'text.vi', 'text.en', 'actions'),
    'revocation.note': 'internal',
  },
};

/** The office's re-rating reminders and the legacy import: internal work lists. */
export const CERTIFICATE_WORK_FIELDS: RecordClassification = {
  record: 'certificate work list',
  fields: internalFields('today', 'stage', 'windowOpensOn', 'windowClosesOn', 'daysToExpiry', 'fileName', 'totals', 'rows', 'committed', 'created', 'updated'),
};

/** The score sheets of QĐ 26/2026/QĐ-TTg and the public self-evaluation: law and arithmetic, public. */
export const SHEET_FIELDS: RecordClassification = {
  record: 'score sheet',
  fields: publicFields('number', 'productSet', 'sector', 'group', 'instrument', 'instrumentDate', 'rejectionConditions', 'rejectionText', 'parts',
    'parts.code', 'parts.name', 'parts.max', 'parts.groups', 'groups.code', 'groups.name', 'groups.max', 'groups.note', 'groups.rules', 'rules.kind',
    'rules.criteria', 'rules.text', 'rules.source', 'groups.criteria', 'criteria.code', 'criteria.name', 'criteria.max', 'criteria.description',
    'criteria.requirement', 'criteria.note', 'criteria.appliesOnlyWhen', 'criteria.knockOut', 'criteria.notEvaluatedWhen', 'criteria.rules',
    'rules.condition', 'rules.falseWhenChosen', 'rules.whenNot', 'criteria.zeroIfNoOptionApplies', 'criteria.optionsReconstructed', 'criteria.options',
    'options.id', 'options.label', 'options.points', 'options.minStar', 'notes', 'sheet', 'total', 'parts.A', 'parts.B', 'parts.C', 'band', 'stars',
    'recognised', 'unmetMinimums', 'knockedOutBy', 'stoppedAt', 'notApplicable', 'nextStar'),
};

/** A dossier (hồ sơ): internal to the entity, the offices and the council in charge. The registration form (Mẫu 01)
 * holds the contact person's phone and e-mail, the self-report (Mẫu 02) the representative's sex and ethnicity. */
export const DOSSIER_FIELDS: RecordClassification = {
  record: 'dossier',
  fields: {
    ...internalFields('id', 'number', 'type', 'status', 'stage', 'product', 'entity', 'sheet', 'provinceCode', 'provinceName', 'communeCode', 'communeName',
      'submittedOn', 'due', 'overdue', 'workingDaysLeft', 'stars', 'certificateNumber', 'updatedAt', 'version', 'actions', 'instrument', 'registration',
      'answers', 'answerNotes', 'knockOuts', 'conditions', 'selfEvaluation', 'nextStar', 'rejectionConditions', 'communeReview', 'advisoryReview',
      'centralAdvisory', 'provinceResult', 'centralResult', 'decision', 'rejection', 'plannedDecision', 'deadlines', 'reRating', 'files', 'submissions',
      'seq', 'submittedAt', 'snapshot'),
    selfReport: 'sensitive',
  },
};

/** Evidence files of a dossier, per-criterion notes between members, the office and the entity. */
export const DOSSIER_EXCHANGE_FIELDS: RecordClassification = {
  record: 'dossier file and note',
  fields: internalFields('criterionCode', 'originalName', 'caption', 'createdAt', 'authorId', 'authorName', 'side', 'body'),
};

/** Councils and their members (officers' names, e-mails and roles), conflicts of interest, precedents. */
export const COUNCIL_FIELDS: RecordClassification = {
  record: 'council',
  fields: internalFields('level', 'name', 'settings', 'members', 'members.id', 'members.userId', 'members.fullName', 'members.email', 'members.accountRole',
    'members.communeCode', 'members.team', 'members.role', 'members.title', 'members.active', 'accountRole', 'team', 'title', 'dissolvedAt', 'userId',
    'entityId', 'entityName', 'reason', 'declaredAt', 'councilId', 'dossierId', 'createdBy'),
};

/** Council sessions, members' scores and their revisions: internal to the council and the office. */
export const SESSION_FIELDS: RecordClassification = {
  record: 'session',
  fields: internalFields('councilName', 'scheduledOn', 'location', 'mode', 'convertedAt', 'present', 'quorum', 'minutesNote', 'openedAt', 'closedAt',
    'position', 'dossierNumber', 'dossierStatus', 'rescoreRound', 'submittedCount', 'expectedCount', 'requiredCount', 'rescoreRequest', 'mustRescore',
    'myScore', 'myScore.fullName', 'comment', 'round', 'conflicted', 'result', 'hidden', 'mean', 'spread', 'maxSpread', 'withinLimit', 'lowest',
    'highest', 'diffFromMean', 'preview', 'byUser', 'changed'),
};

/** A person's to-do list (GET /me/todo): names and deadlines of the work in their own scope. */
export const TODO_FIELDS: RecordClassification = {
  record: 'to-do list',
  fields: internalFields('today', 'items', 'total', 'capped', 'countCap', 'counts', 'overdue', 'scope', 'scope.provinceName', 'scope.communeName', 'scope.entityName',
    'kind', 'key', 'subject', 'number', 'link', 'dueOn', 'workingDaysLeft', 'provinceName', 'communeName', 'detail', 'status', 'at'),
};

export const SCORING_RECORDS = [CERTIFICATE_FIELDS, CERTIFICATE_WORK_FIELDS, SHEET_FIELDS, DOSSIER_FIELDS, DOSSIER_EXCHANGE_FIELDS, COUNCIL_FIELDS, SESSION_FIELDS, TODO_FIELDS];
