import { date, pgTable, serial, text } from 'drizzle-orm/pg-core';

export const adminUnitVersion = pgTable('admin_unit_version', {
  id: text('id').primaryKey(),
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
  instrument: text('instrument').notNull(),
  source: text('source').notNull(),
});

export const province = pgTable('province', {
  code: text('code').primaryKey(),
  versionId: text('version_id').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  fullName: text('full_name').notNull(),
  fullNameEn: text('full_name_en').notNull(),
});

export const commune = pgTable('commune', {
  code: text('code').primaryKey(),
  provinceCode: text('province_code').notNull(),
  versionId: text('version_id').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  fullName: text('full_name').notNull(),
  fullNameEn: text('full_name_en').notNull(),
});

export const communeMapping = pgTable('commune_mapping', {
  id: serial('id').primaryKey(),
  oldCode: text('old_code'),
  oldName: text('old_name').notNull(),
  oldDistrict: text('old_district').notNull(),
  oldProvince: text('old_province').notNull(),
  newCode: text('new_code').notNull(),
});

