// Checks several registry commands share: the commune exists, the registration number is free, the version is current.
import { isUniqueViolation, type Queryable } from '../../../app/db.js';
import { AppError, invalidField, staleVersion } from '../../../app/errors.js';
import { getCommune } from '../../geo/index.js';
import { findEntityByRegistration } from '../registry.repo.js';

export async function communeInForce(db: Queryable, code: string, field = 'communeCode') {
  const commune = await getCommune(db, code);
  if (!commune) throw invalidField(field, 'unknown_commune', { vi: `Mã xã ${code} không có trong danh mục đơn vị hành chính hiện hành`, en: `Commune code ${code} is not in the administrative units in force` });
  return commune;
}

const duplicateRegistration = () => new AppError('conflict', 'duplicate_registration_number', { vi: 'Số đăng ký kinh doanh này đã có chủ thể khác dùng', en: 'Another entity already has this business registration number' }, { field: 'registrationNumber' });

export async function registrationFree(db: Queryable, registrationNumber: string, exceptId?: string) {
  const found = await findEntityByRegistration(db, registrationNumber);
  if (found && found.id !== exceptId) throw duplicateRegistration();
}

/** Two registrations of one number at the same moment both pass `registrationFree`; the unique index decides. */
export function rethrowDuplicateRegistration(err: unknown): never {
  throw isUniqueViolation(err, 'entity_registration_idx') ? duplicateRegistration() : err;
}

export function expectVersion(current: number, given: number) {
  if (current !== given) throw staleVersion(current);
}

/** Two products may not carry one GTIN (product_gtin_key): the second gets a 409 on the field. */
export function rethrowDuplicateGtin(err: unknown): never {
  throw isUniqueViolation(err, 'product_gtin_key')
    ? new AppError('conflict', 'duplicate_gtin', { vi: 'Mã GTIN này đã được gán cho sản phẩm khác', en: 'Another product already carries this GTIN' }, { field: 'gtin' })
    : err;
}
