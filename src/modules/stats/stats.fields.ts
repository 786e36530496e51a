// The indicators are public aggregates. Counts by the representatives' sex, ethnicity and disability are aggregates
// of sensitive personal data: published only above the minimum cell size (data/privacy, Nghị định 13/2023/NĐ-CP).
import type { RecordClassification } from '../../app/privacy.js';

export const INDICATOR_FIELDS: RecordClassification = {
  record: 'indicator',
  fields: {
    numerator: 'public', denominator: 'public', percent: 'public', target: 'public',
    name: 'public', title: 'public', 'title.vi': 'public', 'title.en': 'public', area: 'public', 'area.province': 'public', 'area.commune': 'public',
    asOf: 'public', period: 'public', 'period.from': 'public', 'period.to': 'public', columns: 'public', rows: 'public', total: 'public',
    minimumCellSize: 'public', source: 'public', items: 'public', url: 'public', modernChannels: 'public', indicators: 'public',
    // The rows' columns.
    category: 'public', count: 'public', suppressed: 'public', stars: 'public', sector: 'public', nameEn: 'public', province: 'public',
    issued: 'public', inForce: 'public', expiringWithin180Days: 'public', revoked: 'public', commune: 'public', reached: 'public',
  },
};

export const STATS_RECORDS = [INDICATOR_FIELDS];
