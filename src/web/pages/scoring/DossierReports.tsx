// What the officers wrote and decided on a dossier, read-only for everyone who may read it: the commune's Mẫu 03
// report, the advisory reviews (province, central), the councils' results, the decision and a rejection. A report
// the caller is editing right now is left to its form.
import { Badge, Box, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Stars } from '../../components/Stars.js';
import { formatDate, formatDateTime, formatNumber } from '../../format.js';
import { asOffice, REVIEW_ITEMS, type AdvisoryReview, type CommuneReview, type CouncilResult, type Decision, type Rejection } from './officeTypes.js';
import type { Dossier } from './types.js';

const prose = { whiteSpace: 'pre-wrap' as const, overflowWrap: 'anywhere' as const };

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return <Box><Text size="xs" c="dark.4">{label}</Text><Box fz="sm">{children}</Box></Box>;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id} data-report={id} pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Title order={3} size="h5" id={id} mb="xs">{title}</Title>
      {children}
    </Box>
  );
}

function CommuneReport({ r }: { r: CommuneReview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {REVIEW_ITEMS.map((k) => r.items[k] && (
        <Box key={k}>
          <Group gap="xs"><Text size="sm" fw={600}>{t(`office.commune.items.${k}`)}</Text>
            <Badge variant="light" color={r.items[k].assessment === 'meets' ? 'green' : r.items[k].assessment === 'partly' ? 'yellow' : 'red'} style={{ textTransform: 'none', color: '#1f2a33' }}>{t(`office.assessment.${r.items[k].assessment}`)}</Badge>
          </Group>
          <Text size="sm" style={prose}>{r.items[k].note}</Text>
        </Box>
      ))}
      {r.conclusion && <Fact label={t('office.commune.conclusion')}><Text size="sm" style={prose}>{r.conclusion}</Text></Fact>}
      <Text size="xs" c="dark.4">{t('office.reports.reviewed', { date: formatDate(r.reviewedAt), signer: r.signer ?? '—' })}</Text>
    </Stack>
  );
}

function AdvisoryReport({ r }: { r: AdvisoryReview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {r.fieldVisit && (
        <Fact label={t('office.advisory.fieldVisit')}>
          <Text size="sm">{formatDate(r.fieldVisit.on)}</Text>
          {r.fieldVisit.findings && <Text size="sm" style={prose}>{r.fieldVisit.findings}</Text>}
        </Fact>
      )}
      <Fact label={t('office.advisory.tests')}>
        {r.extraTests.length === 0 ? <Text size="sm">{t('office.advisory.noTests')}</Text> : (
          <List size="sm">{r.extraTests.map((x, i) => <List.Item key={i}>{x.requested}: {x.result ?? t('office.reports.pending')}</List.Item>)}</List>
        )}
      </Fact>
      {r.preScore && (
        <Fact label={t('office.advisory.preScoreLabel')}>
          <Group gap="xs"><Text size="sm" fw={700}>{formatNumber(r.preScore.total)}</Text><Text size="sm">(A {formatNumber(r.preScore.parts.A)} · B {formatNumber(r.preScore.parts.B)} · C {formatNumber(r.preScore.parts.C)})</Text><Stars count={r.preScore.stars} size={14} /></Group>
        </Fact>
      )}
      {r.report && <Fact label={t('office.advisory.report')}><Text size="sm" style={prose}>{r.report}</Text></Fact>}
      <Text size="xs" c="dark.4">{t('office.reports.updated', { date: formatDateTime(r.updatedAt) })}</Text>
    </Stack>
  );
}

function CouncilResultView({ r }: { r: CouncilResult }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      <Fact label={t('office.reports.mean')}><Text fw={800} fz="lg">{formatNumber(r.mean)}</Text></Fact>
      <Fact label={t('office.reports.parts')}>A {formatNumber(r.parts.A)} · B {formatNumber(r.parts.B)} · C {formatNumber(r.parts.C)}</Fact>
      <Fact label={t('office.reports.stars')}>{r.stars >= 1 ? <Stars count={r.stars} size={16} /> : '—'}</Fact>
      <Fact label={t('office.reports.session')}>{t('office.reports.members', { n: r.members })} · {formatDate(r.closedAt)}</Fact>
    </SimpleGrid>
  );
}

function DecisionView({ r }: { r: Decision }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700}>{t(`office.reports.outcome.${r.outcome}`, { count: r.stars ?? 0 })}</Text>
      <Text size="sm">{t(`office.reports.decisionBy.${r.level}`)} · {t('office.reports.decisionOf', { number: r.decisionNumber ?? '—', date: formatDate(r.decisionDate) })}</Text>
    </Stack>
  );
}

function RejectionView({ r }: { r: Rejection }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700} style={prose}>{r.condition}</Text>
      {r.note && <Text size="sm" style={prose}>{r.note}</Text>}
      <Text size="xs" c="dark.4">{t(`office.reports.stage.${r.stage}`)} · {formatDateTime(r.at)}</Text>
    </Stack>
  );
}

export function DossierReports({ d }: { d: Dossier }) {
  const { t } = useTranslation();
  const o = asOffice(d);
  const editingAdvisory = d.actions.includes('advisoryReview');
  const parts: ReactNode[] = [];
  if (o.rejection) parts.push(<Section key="rej" id="report-rejection" title={t('office.reports.rejection')}><RejectionView r={o.rejection} /></Section>);
  if (o.decision) parts.push(<Section key="dec" id="report-decision" title={t('office.reports.decision')}><DecisionView r={o.decision} /></Section>);
  if (o.centralResult) parts.push(<Section key="cres" id="report-central-result" title={t('office.reports.centralResult')}><CouncilResultView r={o.centralResult} /></Section>);
  if (o.centralAdvisory && !(editingAdvisory && d.status === 'central_advisory')) parts.push(<Section key="cadv" id="report-central-advisory" title={t('office.reports.centralAdvisory')}><AdvisoryReport r={o.centralAdvisory} /></Section>);
  if (o.provinceResult) parts.push(<Section key="pres" id="report-province-result" title={t('office.reports.provinceResult')}><CouncilResultView r={o.provinceResult} /></Section>);
  if (o.advisoryReview && !(editingAdvisory && d.status === 'advisory_review')) parts.push(<Section key="adv" id="report-advisory" title={t('office.reports.advisory')}><AdvisoryReport r={o.advisoryReview} /></Section>);
  if (o.communeReview && !d.actions.includes('communeReview')) parts.push(<Section key="com" id="report-commune" title={t('office.reports.commune')}><CommuneReport r={o.communeReview} /></Section>);
  if (parts.length === 0) return null;
  return (
    <Card withBorder radius="lg" mt="md" padding="md" component="section" aria-labelledby="dossier-reports-title" className="dossier-reports">
      <Title order={2} size="h4" id="dossier-reports-title" mb="xs">{t('office.reports.title')}</Title>
      <Stack gap="sm">{parts}</Stack>
    </Card>
  );
}
