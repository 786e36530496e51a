// The administrative units are public reference data (see src/app/privacy.ts).
import type { RecordClassification } from '../../app/privacy.js';

export const ADMIN_UNIT_FIELDS: RecordClassification = {
  record: 'administrative unit',
  fields: Object.fromEntries(['version', 'version.id', 'version.validFrom', 'version.instrument', 'total', 'items', 'code', 'level', 'name', 'nameEn',
    'fullName', 'fullNameEn', 'provinceCode', 'provinceName', 'unambiguous', 'candidates', 'oldName', 'oldDistrict', 'oldProvince'].map((n) => [n, 'public' as const])),
};

export const GEO_RECORDS = [ADMIN_UNIT_FIELDS];
