// A product's place in the OCOP cycle (its step, derived from its certificate and dossiers) and, for the entity and
// the officers in scope, its upgrade path: the criterion groups where points stand between it and the next star.
import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useFetch } from '../../useFetch.js';
import type { ProductCycleOut } from '../../../modules/programme/cycle.contract.js';

export function CyclePanel({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const { pickName } = useLocalized();
  const cycle = useFetch<ProductCycleOut>(`/api/v1/products/${productId}/cycle`);
  const c = cycle.data;
  if (!c) return null;
  const path = c.upgradePath;
  return (
    <Card withBorder radius="lg" padding="md" data-testid="product-cycle">
      <Stack gap="xs">
        <Title order={2} size="h5">{t('productCycle.title')}</Title>
        <Group gap={4} wrap="wrap">
          {c.steps.map((s) => (
            <Badge key={s.code} variant={s.state === 'current' ? 'filled' : s.state === 'done' ? 'light' : 'outline'} color={s.state === 'ahead' ? 'gray' : 'ocop'} aria-current={s.state === 'current' ? 'step' : undefined}>
              {s.order}. {t(`productCycle.steps.${s.code}`)}
            </Badge>
          ))}
        </Group>
        <Text size="sm">{t(`productCycle.reasons.${c.reason}`)}</Text>
        {c.idea && <Text size="xs" c="dimmed">{t('productCycle.fromIdea', { title: c.idea.title })}</Text>}
        {path === null && <Text size="xs" c="dimmed">{t('productCycle.noScores')}</Text>}
        {path && (path.targetStars === null ? <Text size="sm">{t('productCycle.topStar')}</Text> : (
          <Stack gap={4}>
            <Text fw={600} size="sm">{t('productCycle.upgrade', { stars: path.targetStars })}</Text>
            <Text size="xs" c="dimmed">{t(`productCycle.source.${path.source}`, { number: path.certificateNumber ?? '' })}</Text>
            <Text size="sm">{t('productCycle.pointsNeeded', { points: path.pointsNeeded, total: path.total })}</Text>
            {path.minimumsToMeet.length > 0 && (
              <>
                <Text size="sm" c="red">{t('productCycle.minimums', { stars: path.targetStars })}</Text>
                <List size="sm">{path.minimumsToMeet.map((m) => <List.Item key={m.code}>{m.code} {m.name}</List.Item>)}</List>
              </>
            )}
            {path.groups.slice(0, 6).map((g) => (
              <div key={`${g.part}.${g.code}`}>
                <Group justify="space-between" wrap="nowrap"><Text size="sm" fw={600}>{g.part}.{g.code} {g.name}</Text><Badge variant="light">{t('productCycle.gain', { points: g.gain })}</Badge></Group>
                <List size="xs">
                  {g.criteria.map((x) => (
                    <List.Item key={x.code}>{t('productCycle.criterion', { code: x.code, name: x.name, points: x.points, max: x.max })}{x.missesMinimum ? ` · ${t('productCycle.mustMeet')}` : ''}</List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Stack>
        ))}
        {c.help && (c.help.standards.length > 0 || c.help.trainings.length > 0) && (
          <Stack gap={4}>
            <Text fw={600} size="sm">{t('productCycle.helpTitle')}</Text>
            {c.help.standards.length > 0 && (
              <>
                <Text size="sm">{t('productCycle.helpStandards')}</Text>
                <List size="xs">{c.help.standards.map((x) => <List.Item key={x.code}>{pickName(x.vi, x.en)}{x.reference ? ` (${x.reference})` : ''} · {t(`productCycle.standardState.${x.state}`)}</List.Item>)}</List>
              </>
            )}
            {c.help.trainings.length > 0 && (
              <>
                <Text size="sm">{t('productCycle.helpTrainings')}</Text>
                <List size="xs">{c.help.trainings.map((x) => <List.Item key={x.id}><Anchor component={Link} to={`/lam-viec/dao-tao/${x.id}`}>{x.title}</Anchor> · {formatDate(x.startsOn)}</List.Item>)}</List>
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
