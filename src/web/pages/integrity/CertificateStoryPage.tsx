// A certificate's whole story (/lam-viec/giay-chung-nhan/:number/lich-su): the certificate and its predecessors, the
// dossiers with their dates and decisions, the council sessions with members' totals, inspections, complaints,
// revocation and the audit trail, on one page.
import { Anchor, Badge, Card, Group, List, Stack, Table, Text, Title, ScrollArea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatDateTime, formatNumber } from '../../format.js';
import { useFetch } from '../../useFetch.js';
import type { storyOut } from '../../../modules/supervision/audit-trail.contract.js';

type Story = z.infer<typeof storyOut>;
type Inspection = { id: string; status: string; dueOn: string; inspectedOn: string | null; conclusion: string | null; findings: string | null; openActions: number };
type Complaint = { reference: string; category: string; status: string; createdAt: string; closedAt: string | null };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return <Card withBorder radius="md" p="md" component="section" aria-label={title}><Stack gap="xs"><Title order={2} size="h5">{title}</Title>{children}</Stack></Card>;
}

export default function CertificateStoryPage() {
  const { t } = useTranslation();
  const { number = '' } = useParams();
  const story = useFetch<Story>(`/api/v1/certificates/${encodeURIComponent(number)}/story`);
  if (story.error) return <ErrorState error={story.error} onRetry={story.reload} />;
  if (!story.data) return <Loading />;
  const s = story.data;
  const c = s.certificate;
  const decision = (d: unknown) => d as { outcome?: string; decisionNumber?: string | null; decisionDate?: string | null; stars?: number | null } | null;
  return (
    <Stack gap="md">
      <Title order={1} size="h3">{t('story.title', { number: c.number })}</Title>
      <Section title={t('story.certificate')}>
        <Group gap="xs"><Badge>{c.stars}★</Badge><Badge variant="light" color={c.status === 'valid' ? 'green' : 'gray'}>{c.status}</Badge></Group>
        <Text size="sm"><b>{c.product.name}</b> ({c.product.code}) · {c.entity.name} · {c.provinceName}</Text>
        <Text size="sm">{c.decisionNumber} · {c.authority} · {formatDate(c.issuedOn)} → {formatDate(c.expiresOn)}</Text>
        {s.chain.length > 1 && <List size="sm">{s.chain.map((x) => <List.Item key={x.number}>{x.number} · {x.stars}★ · {formatDate(x.issuedOn)} · {x.status}</List.Item>)}</List>}
      </Section>
      <Section title={t('story.dossiers')}>
        {s.dossiers.length === 0 ? <Text size="sm" c="dimmed">{t('story.none')}</Text> : s.dossiers.map((d) => {
          const dec = decision(d.decision);
          return (
            <Stack key={d.id} gap={2}>
              <Text size="sm" fw={600}><Anchor component={Link} to={`/ho-so/${d.id}`}>{d.number}</Anchor> · {d.type} · {d.status}</Text>
              <Text size="sm">{t('story.submitted')}: {formatDate(d.submittedOn)} · {t('story.communeDue')}: {formatDate(d.communeDueOn)} · {t('story.communeReviewed')}: {formatDate(d.communeReviewedAt)} · {t('story.received')}: {formatDate(d.provinceReceivedOn)}{d.reratingDueOn ? ` · ${t('story.reratingDue')}: ${formatDate(d.reratingDueOn)}` : ''}</Text>
              {dec && <Text size="sm">{t('story.decision')}: {dec.outcome} {dec.stars ? `${dec.stars}★` : ''} {dec.decisionNumber ?? ''} {formatDate(dec.decisionDate)}</Text>}
            </Stack>
          );
        })}
      </Section>
      <Section title={t('story.sessions')}>
        {s.sessions.length === 0 ? <Text size="sm" c="dimmed">{t('story.none')}</Text> : s.sessions.map((x) => (
          <Stack key={x.itemId} gap={2}>
            <Text size="sm" fw={600}><Anchor component={Link} to={`/phien-hop/${x.sessionId}`}>{x.title}</Anchor> · {formatDate(x.scheduledOn)} · {x.councilName}</Text>
            <Text size="sm">{t('story.mean')}: {formatNumber(x.mean)} ({x.stars}★) · {t('story.spread')}: {formatNumber(x.spread)}</Text>
            <Text size="sm">{t('story.scores')}: {x.scores.map((m) => `${m.member} ${formatNumber(m.total)}`).join('; ')}</Text>
          </Stack>
        ))}
      </Section>
      <Section title={t('story.inspections')}>
        {!s.inspections.available ? <Text size="sm" c="dimmed">{t('story.notAvailable')}</Text> : s.inspections.items.length === 0 ? <Text size="sm" c="dimmed">{t('story.none')}</Text>
          : <List size="sm">{(s.inspections.items as Inspection[]).map((i) => (
            <List.Item key={i.id}>{formatDate(i.inspectedOn ?? i.dueOn)} · {t(`story.inspectionStatus.${i.status}`)}{i.conclusion ? ` · ${t(`story.conclusion.${i.conclusion}`)}` : ''}{i.openActions ? ` · ${t('story.openActions', { count: i.openActions })}` : ''}{i.findings ? ` — ${i.findings}` : ''}</List.Item>
          ))}</List>}
      </Section>
      <Section title={t('story.complaints')}>
        {!s.complaints.available ? <Text size="sm" c="dimmed">{t('story.notAvailable')}</Text> : s.complaints.items.length === 0 ? <Text size="sm" c="dimmed">{t('story.none')}</Text>
          : <List size="sm">{(s.complaints.items as Complaint[]).map((c) => (
            <List.Item key={c.reference}>{c.reference} · {formatDateTime(c.createdAt)} · {c.category} · {c.status}{c.closedAt ? ` · ${formatDateTime(c.closedAt)}` : ''}</List.Item>
          ))}</List>}
      </Section>
      <Section title={t('story.revocation')}>
        {s.revocation ? <Text size="sm">{t('story.ground')} {s.revocation.ground} · {s.revocation.decisionNumber} · {formatDate(s.revocation.revokedOn)}{s.revocation.daysLate ? ` · ${t('story.daysLate', { count: s.revocation.daysLate })}` : ''}</Text> : <Text size="sm" c="dimmed">{t('story.none')}</Text>}
      </Section>
      <Section title={t('story.audit')}>
        <ScrollArea type="auto">
          <Table fz="sm" miw={480}><Table.Tbody>{s.audit.map((a) => (
            <Table.Tr key={a.id}><Table.Td>{formatDateTime(a.at)}</Table.Td><Table.Td>{a.actorName ?? '—'}</Table.Td><Table.Td>{a.action}</Table.Td><Table.Td>{a.changes.join(', ')}</Table.Td></Table.Tr>
          ))}</Table.Tbody></Table>
        </ScrollArea>
      </Section>
    </Stack>
  );
}
