// Mẫu 01 and Mẫu 02 as the commune, the province, the council and the entity after submission read them.
import { Box, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../format.js';
import { ENTITY_TYPES } from '../../types.js';
import { SELF_REPORT_CHECKS, type Dossier, type Sheet } from './types.js';

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <Box style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text size="xs" c="dark.4" component="dt">{label}</Text>
      <Text size="sm" component="dd" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{empty ? '—' : children}</Text>
    </Box>
  );
}

export function DossierFormsView({ d, sheet }: { d: Dossier; sheet?: Sheet }) {
  const { t } = useTranslation();
  const r = d.registration;
  const x = d.selfReport;
  const orgType = x.orgType && ENTITY_TYPES.includes(x.orgType as never) ? t(`entityType.${x.orgType}`) : x.orgType;
  const checked = SELF_REPORT_CHECKS.filter((k) => x.checks?.[k]);
  const rep = x.representative;
  return (
    <Stack gap="md" mt="md">
      <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="mau01-title">
        <Title order={2} size="h4" id="mau01-title" mb="sm">{t('dossierForms.mau01')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
          <Item label={t('dossierForms.unitName')}>{r.unitName}</Item>
          <Item label={t('dossierForms.representativeName')}>{[r.representativeName, r.representativeTitle].filter(Boolean).join(', ')}</Item>
          <Item label={t('dossierForms.address')}>{r.address}</Item>
          <Item label={t('dossierForms.contact')}>{[r.phone, r.email].filter(Boolean).join(' · ')}</Item>
          <Item label={t('dossierForms.productName')}>{r.productName}</Item>
          <Item label={t('dossierForms.productGroup')}>{sheet ? `${sheet.sector} – ${sheet.group} – ${sheet.productSet}` : t('dossierForms.sheet', { n: d.sheet })}</Item>
          <Item label={t('dossierForms.type')}>{t(`dossier.type.${d.type}`)}</Item>
          <Item label={t('dossierForms.sampleCount')}>{r.sampleCount === null || r.sampleCount === undefined ? null : formatNumber(r.sampleCount)}</Item>
        </SimpleGrid>
      </Card>
      <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="mau02-title">
        <Title order={2} size="h4" id="mau02-title" mb="sm">{t('dossierForms.mau02')}</Title>
        <Title order={3} size="h5">{t('dossierForms.part1')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" mt={4} mb={0}>
          <Item label={t('dossierForms.orgType')}>{orgType}</Item>
          <Item label={t('dossierForms.foundedOn')}>{x.foundedOn ? formatDate(x.foundedOn) : null}</Item>
          <Item label={t('dossierForms.registrationNumber')}>{x.registrationNumber}</Item>
          <Item label={t('dossierForms.representative')}>
            {rep ? [rep.fullName, rep.sex === 'male' ? t('form.male') : rep.sex === 'female' ? t('form.female') : rep.sex, rep.ethnicity, rep.permanentAddress].filter(Boolean).join(' · ') : null}
          </Item>
          <Item label={t('dossierForms.productSpec')} wide>{x.productSpec}</Item>
          <Item label={t('dossierForms.checksLegend')} wide>
            {checked.length ? <List size="sm">{checked.map((k) => <List.Item key={k}>{t(`dossierForms.checks.${k}`)}{k === 'ipOther' && x.ipOther ? `: ${x.ipOther}` : ''}</List.Item>)}</List> : null}
          </Item>
          <Item label={t('dossierForms.history')} wide>{x.history}</Item>
          <Item label={t('dossierForms.organisation')} wide>{x.organisation}</Item>
        </SimpleGrid>
        <Title order={3} size="h5" mt="md">{t('dossierForms.part2')}</Title>
        <SimpleGrid cols={1} spacing="sm" component="dl" mt={4} mb={0}>
          <Item label={t('dossierForms.businessResults')}>{x.businessResults}</Item>
          {(d.type !== 'first' || x.changesSinceRecognition) && <Item label={t('dossierForms.changesSinceRecognition')}>{x.changesSinceRecognition}</Item>}
        </SimpleGrid>
        <Title order={3} size="h5" mt="md">{t('dossierForms.part4')}</Title>
        <SimpleGrid cols={1} spacing="sm" component="dl" mt={4} mb={0}>
          <Item label={t('dossierForms.plan')}>{x.plan}</Item>
        </SimpleGrid>
      </Card>
    </Stack>
  );
}
