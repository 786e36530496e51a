// Mẫu 01 and Mẫu 02 as form values (strings and booleans for the inputs) and back into the PATCH body of a dossier.
// Only what the entity changed is sent, so a prefilled value the API would refuse (an empty job title copied from the
// registry) never blocks saving something else, while a value the entity cleared is sent and refused on its own field.
import { SELF_REPORT_CHECKS, type Dossier, type DossierRegistration, type DossierSelfReport, type SelfReportCheck } from './types.js';

export type FormValues = {
  unitName: string; representativeName: string; representativeTitle: string; address: string; phone: string; email: string;
  productName: string; sampleCount: string;
  orgType: string; foundedOn: string; registrationNumber: string;
  repFullName: string; repSex: string; repEthnicity: string; repPermanentAddress: string;
  productSpec: string; checks: Record<SelfReportCheck, boolean>; ipOther: string;
  history: string; organisation: string; businessResults: string; changesSinceRecognition: string; plan: string;
};

export type FormChanges = { registration?: Partial<Record<keyof DossierRegistration, unknown>>; selfReport?: Partial<Record<keyof DossierSelfReport, unknown>> };

const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function valuesOf(d: Pick<Dossier, 'registration' | 'selfReport'>): FormValues {
  const r = d.registration;
  const x = d.selfReport;
  return {
    unitName: s(r.unitName), representativeName: s(r.representativeName), representativeTitle: s(r.representativeTitle), address: s(r.address),
    phone: s(r.phone), email: s(r.email), productName: s(r.productName), sampleCount: s(r.sampleCount),
    orgType: s(x.orgType), foundedOn: s(x.foundedOn), registrationNumber: s(x.registrationNumber),
    repFullName: s(x.representative?.fullName), repSex: s(x.representative?.sex), repEthnicity: s(x.representative?.ethnicity), repPermanentAddress: s(x.representative?.permanentAddress),
    productSpec: s(x.productSpec), checks: Object.fromEntries(SELF_REPORT_CHECKS.map((k) => [k, x.checks?.[k] === true])) as Record<SelfReportCheck, boolean>,
    ipOther: s(x.ipOther), history: s(x.history), organisation: s(x.organisation), businessResults: s(x.businessResults),
    changesSinceRecognition: s(x.changesSinceRecognition), plan: s(x.plan),
  };
}

const REQUIRED_TEXT = ['unitName', 'representativeName', 'representativeTitle', 'address', 'productName'] as const;
const NULLABLE_REGISTRATION = ['phone', 'email'] as const;
const NULLABLE_SELF_REPORT = ['orgType', 'foundedOn', 'registrationNumber', 'productSpec', 'ipOther', 'history', 'organisation', 'businessResults', 'changesSinceRecognition', 'plan'] as const;
const REPRESENTATIVE = ['repFullName', 'repSex', 'repEthnicity', 'repPermanentAddress'] as const;

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** The part of the PATCH body for what changed since `base`, or null when nothing did. */
export function changesOf(v: FormValues, base: FormValues): FormChanges | null {
  const registration: NonNullable<FormChanges['registration']> = {};
  const selfReport: NonNullable<FormChanges['selfReport']> = {};
  for (const k of REQUIRED_TEXT) if (v[k] !== base[k]) registration[k] = v[k].trim();
  for (const k of NULLABLE_REGISTRATION) if (v[k] !== base[k]) registration[k] = orNull(v[k]);
  if (v.sampleCount !== base.sampleCount) {
    const n = Number(v.sampleCount);
    // Anything that is not a whole number is sent as typed, for the API to refuse on this field.
    registration.sampleCount = v.sampleCount.trim() === '' ? null : Number.isInteger(n) ? n : v.sampleCount;
  }
  for (const k of NULLABLE_SELF_REPORT) if (v[k] !== base[k]) selfReport[k] = orNull(v[k]);
  if (REPRESENTATIVE.some((k) => v[k] !== base[k])) {
    selfReport.representative = { fullName: v.repFullName.trim(), sex: v.repSex, ethnicity: v.repEthnicity.trim(), permanentAddress: orNull(v.repPermanentAddress) };
  }
  if (SELF_REPORT_CHECKS.some((k) => v.checks[k] !== base.checks[k])) selfReport.checks = { ...v.checks };
  const out: FormChanges = {};
  if (Object.keys(registration).length) out.registration = registration;
  if (Object.keys(selfReport).length) out.selfReport = selfReport;
  return out.registration || out.selfReport ? out : null;
}
