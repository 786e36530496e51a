// An entity's training history (the entity itself, and its commune and province on the entity's page).
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../../api.js';
import { formatDate } from '../../format.js';
import { useFetch } from '../../useFetch.js';

type History = { items: { training: { id: string; kind: string; title: string; startsOn: string; place: string }; invited: boolean; people: { fullName: string; attended: boolean }[] }[] };
/** An entity's training history (also read by its commune and province through the same API). */
export function EntityTrainingHistory({ entityId }: { entityId: string }) {
  const { t } = useTranslation();
  const h = useFetch<History>(withQuery('/api/v1/trainings/history', { entity: entityId }));
  if (!h.data?.items.length) return null;
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="xs">{t('cap.trainings.history')}</Title>
      <Stack gap={6}>
        {h.data.items.map((i) => (
          <Text key={i.training.id} size="sm"><Anchor component={Link} to={`/lam-viec/dao-tao/${i.training.id}`}>{i.training.title}</Anchor> · {formatDate(i.training.startsOn)} · {i.people.filter((p) => p.attended).map((p) => p.fullName).join(', ') || t('cap.trainings.invited')}</Text>
        ))}
      </Stack>
    </Card>
  );
}

