// Revocations decided after the 15 days of Điều 8.4, for the authority (province, Ministry) and the inspectors: the
// deadline is the authority's duty, so a late decision stands but is shown, with how late it came.
import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import type { Verification } from './types.js';

type LateList = { total: number; items: (Pick<Verification, 'number' | 'product' | 'entity' | 'province'> & { revocation: NonNullable<Verification['revocation']> })[] };
const ROLES = ['province', 'central', 'inspector'];

export function LateRevocations() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { data } = useFetch<LateList>(user && ROLES.includes(user.role) ? '/api/v1/certificates/revocations/late?pageSize=20' : null);
  if (!data) return null;
  return (
    <Card withBorder radius="md" padding="sm" mb="md" component="section" aria-labelledby="late-revocations" className="late-revocations">
      <Title order={2} size="h5" id="late-revocations">{t('cert.lateRevocationsTitle')}</Title>
      {data.items.length === 0 ? <Text size="sm" c="dark.4">{t('cert.lateRevocationsNone')}</Text> : (
        <List size="sm" spacing={4} mt={4}>
          {data.items.map((c) => (
            <List.Item key={c.number}>
              <Anchor component={Link} to={`/lam-viec/giay-chung-nhan/${encodeURIComponent(c.number)}`} ff="monospace">{c.number}</Anchor>{' '}
              {c.product.name} · {c.province.name} —{' '}
              {t('cert.lateRevocationsRow', { found: c.revocation.groundFoundOn ? formatDate(c.revocation.groundFoundOn) : '—', decided: formatDate(c.revocation.decidedOn), days: c.revocation.daysLate ?? 0 })}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
