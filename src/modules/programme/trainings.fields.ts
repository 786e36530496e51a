// Who may see which field of a training. None of it is public (the workspace's). Everyone the event covers reads
// what it is, when and where, the counts and their own registration ('public' here: any reader of the event);
// the managing offices read the budget, the organiser, the invitation list and everyone's attendance ('internal').
import type { RecordClassification } from '../../app/privacy.js';

export const TRAINING_FIELDS: RecordClassification = {
  record: 'training',
  fields: {
    id: 'public', kind: 'public', title: 'public', topic: 'public', level: 'public', provinceCode: 'public', communeCode: 'public',
    startsOn: 'public', endsOn: 'public', place: 'public', trainers: 'public', description: 'public', cancelled: 'public',
    counts: 'public', 'counts.invitedEntities': 'public', 'counts.invitedPeople': 'public', 'counts.registered': 'public', 'counts.attended': 'public',
    mine: 'public', 'mine.invited': 'public', 'mine.attendee': 'public', actions: 'public',
    budgetVnd: 'internal', organiser: 'internal', invitations: 'internal', attendees: 'internal',
    createdAt: 'internal', updatedAt: 'internal', version: 'internal',
  },
};
