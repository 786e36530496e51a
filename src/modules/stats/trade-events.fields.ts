// The trade promotion indicators (trade-events.indicator.ts) are public aggregates: published events, approved
// registrations of approved entities, livestream sessions of approved entities. No entity's own figures appear.
import type { RecordClassification } from '../../app/privacy.js';

export const TRADE_INDICATOR_FIELDS: RecordClassification = {
  record: 'trade promotion indicator',
  fields: {
    name: 'public', title: 'public', 'title.vi': 'public', 'title.en': 'public', area: 'public', 'area.province': 'public', 'area.commune': 'public', asOf: 'public',
    period: 'public', source: 'public', 'period.from': 'public', 'period.to': 'public', columns: 'public', rows: 'public', total: 'public', summary: 'public',
    level: 'public', province: 'public', provinceName: 'public', events: 'public', eventsHeld: 'public', entities: 'public', salesVnd: 'public', contracts: 'public',
    newPartners: 'public', sessions: 'public', viewers: 'public', orders: 'public',
    'summary.eventsHeld': 'public', 'summary.sessions': 'public', 'summary.entities': 'public', 'summary.salesVnd': 'public', 'summary.contracts': 'public',
    'summary.newPartners': 'public', 'summary.viewers': 'public', 'summary.orders': 'public',
  },
};
