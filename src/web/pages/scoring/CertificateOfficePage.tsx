// A certificate in the workspace (/lam-viec/giay-chung-nhan/:number): the same facts as the public verification page
// (/xac-minh/:number, a server-rendered document), and the office's action on it, revocation by the competent
// authority. A coloured banner with an icon and the status in words, then the facts printed on the certificate.
import { Anchor, Box, Button, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api.js';
import { Stars } from '../../components/Stars.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDate } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { StatusIcon } from './CertificateStatus.js';
import { RevokePanel } from './RevokeForm.js';
import type { CertificateStatus, Verification } from './types.js';

// Dark text on a pale tint passes WCAG AA contrast; the border carries the colour for a quick glance.
const BANNER: Record<CertificateStatus, { bg: string; border: string; fg: string }> = {
  valid: { bg: '#e6f6ec', border: '#1f8a4c', fg: '#0f5130' },
  expired: { bg: '#fff3e0', border: '#c56a00', fg: '#6b3a00' },
  revoked: { bg: '#fdeaea', border: '#c62828', fg: '#7a1414' },
  replaced: { bg: '#eef0f3', border: '#5f6b7a', fg: '#2f3945' },
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text size="xs" tt="uppercase" fw={700} c="dark.3">{label}</Text>
      <Box fz="md" fw={500}>{children}</Box>
    </Box>
  );
}

export default function CertificateOfficePage() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const number = useParams().number ?? '';
  usePageTitle(t('cert.verifyTitle'));
  const { data: v, error, loading, reload, setData } = useFetch<Verification>(`/api/v1/certificates/${encodeURIComponent(number)}/verify`);

  if (error) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} size="h2" mb="md">{t('cert.verifyTitle')}</Title>
        {error instanceof ApiError && error.status === 404
          ? <EmptyState title={t('cert.notFoundTitle')} hint={t('cert.notFoundHint', { number })} />
          : <ErrorState error={error} onRetry={reload} />}
      </Container>
    );
  }
  if (loading || !v) return <Container size="sm" py="xl"><Loading /></Container>;

  const c = BANNER[v.status];
  return (
    <Container size="sm" py="lg" px="sm">
      <Title order={1} size="h3" mb="sm">{t('cert.verifyTitle')}</Title>
      <Box role="status" data-status={v.status} p="md" mb="md"
        style={{ background: c.bg, color: c.fg, border: `2px solid ${c.border}`, borderLeftWidth: 10, borderRadius: 12 }}>
        <Group gap="sm" wrap="nowrap" align="center">
          <Box style={{ color: c.border, flexShrink: 0 }}><StatusIcon status={v.status} size={44} /></Box>
          <Box>
            <Text component="p" fz={{ base: 24, sm: 28 }} fw={800} lh={1.15} m={0}>{t(`cert.status.${v.status}`)}</Text>
            <Text size="sm" mt={4}>{t(`cert.statusHint.${v.status}`)}</Text>
          </Box>
        </Group>
      </Box>

      <Card withBorder radius="lg" padding="md">
        <Stack gap="md">
          <Box>
            <Text size="xs" tt="uppercase" fw={700} c="dark.3">{t('cert.product')}</Text>
            <Title order={2} size="h3" lh={1.25}>
              <Anchor href={`/san-pham/${v.product.id}`} inherit>{v.product.name}</Anchor>
            </Title>
            <Group gap="xs" mt={6}><Stars count={v.stars} size={26} /><Text fw={700} c="gold.9">{t('stars.label', { count: v.stars })}</Text></Group>
          </Box>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Fact label={t('cert.number')}><Text ff="monospace" fw={600} style={{ wordBreak: 'break-all' }}>{v.number}</Text></Fact>
            <Fact label={t('cert.entity')}>{v.entity.name}</Fact>
            <Fact label={t('cert.province')}>{v.province.name}</Fact>
            <Fact label={t('cert.kindLabel')}>{t(`cert.kind.${v.kind}`)}</Fact>
            <Fact label={t('cert.issuedOn')}>{formatDate(v.issuedOn)}</Fact>
            <Fact label={t('cert.expiresOn')}>{formatDate(v.expiresOn)}</Fact>
            <Fact label={t('cert.authority')}>{v.authority}</Fact>
            <Fact label={t('cert.decision')}>{t('cert.decisionOf', { number: v.decisionNumber, date: formatDate(v.decidedOn) })}</Fact>
            <Fact label={t('cert.instrument')}>{v.instrument}</Fact>
            {v.replaces && <Fact label={t('cert.replaces')}><Anchor component={Link} to={`/lam-viec/giay-chung-nhan/${encodeURIComponent(v.replaces)}`} ff="monospace">{v.replaces}</Anchor></Fact>}
            {v.replacedBy && <Fact label={t('cert.replacedBy')}><Anchor component={Link} to={`/lam-viec/giay-chung-nhan/${encodeURIComponent(v.replacedBy)}`} ff="monospace">{v.replacedBy}</Anchor></Fact>}
          </SimpleGrid>
          {v.revocation && (
            <Box p="sm" style={{ background: BANNER.revoked.bg, color: BANNER.revoked.fg, borderRadius: 8 }}>
              <Text fw={700}>{t('cert.revocation')}: {pick(v.revocation.groundText)}</Text>
              <Text size="sm">{t('cert.revocationOf', { number: v.revocation.decisionNumber, date: formatDate(v.revocation.decidedOn), authority: v.revocation.authority })}</Text>
              {v.revocation.note && <Text size="sm">{v.revocation.note}</Text>}
              {!!v.revocation.daysLate && v.revocation.deadlineOn && <Text size="sm" fw={700} data-testid="revocation-late">{t('cert.revocationLate', { days: v.revocation.daysLate, deadline: formatDate(v.revocation.deadlineOn) })}</Text>}
            </Box>
          )}
          <Group gap="sm">
            <Button component="a" href={`/api/v1/certificates/${encodeURIComponent(v.number)}/pdf`} target="_blank" rel="noopener" variant="light">{t('cert.pdf')}</Button>
            <Button component="a" href={`/san-pham/${v.product.id}`} variant="subtle">{t('cert.productPage')}</Button>
            <Button component="a" href={`/xac-minh/${encodeURIComponent(v.number)}`} variant="subtle">{t('cert.publicPage')}</Button>
            {/* The whole story (supervision): the central office, the province office and inspectors. */}
            <Button component={Link} to={`/lam-viec/giay-chung-nhan/${encodeURIComponent(v.number)}/lich-su`} variant="subtle">{t('story.link')}</Button>
          </Group>
        </Stack>
      </Card>
      <RevokePanel cert={v} onRevoked={setData} />
      <Anchor component={Link} to="/lam-viec/giay-chung-nhan" size="sm" mt="md" display="inline-block">{t('cert.officeTitle')}</Anchor>
    </Container>
  );
}
