// The development mailbox (/hop-thu, /hop-thu/:id): without an SMTP server every e-mail is an .eml file in the data
// folder, and this page lists them, so someone trying the system reads the invitation or reset link it sent. The
// API answers 404 on a server with SMTP or in production, and so does this page.
import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api.js';
import { EmptyState, ErrorState, Loading } from '../../components/States.js';
import { formatDateTime } from '../../format.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import type { MailboxItem, MailboxMessage } from '../../../modules/notifications/notifications.contract.js';

/** The message's text with its web addresses as links (an invitation's link is the point of reading it). */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit', margin: 0 }}>
      {parts.map((p, i) => (i % 2 === 1 ? <Anchor key={i} href={p}>{p}</Anchor> : <Fragment key={i}>{p}</Fragment>))}
    </Text>
  );
}

function Message({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useFetch<MailboxMessage>(`/api/v1/dev/mailbox/${encodeURIComponent(id)}`);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <Card withBorder radius="lg" padding="lg" component="article" aria-labelledby="mail-subject">
      <Stack gap="xs">
        <Title order={2} size="h4" id="mail-subject">{data.subject}</Title>
        <Text size="sm" c="dark.4">{t('mailbox.to')}: {data.to} · <time dateTime={data.date}>{formatDateTime(data.date)}</time></Text>
        <Linked text={data.text} />
      </Stack>
    </Card>
  );
}

function List() {
  const { t } = useTranslation();
  const { data, error, reload, loading } = useFetch<{ items: MailboxItem[] }>('/api/v1/dev/mailbox');
  if (error instanceof ApiError && error.status === 404) return <Alert color="gray" role="status">{t('mailbox.unavailable')}</Alert>;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const intro = <Alert color="blue" variant="light">{t('mailbox.intro')}</Alert>;
  if (data.items.length === 0) return <>{intro}<EmptyState title={t('mailbox.empty')} hint={t('mailbox.emptyHint')} action={<Button variant="light" onClick={reload}>{t('mailbox.refresh')}</Button>} /></>;
  return (
    <Stack gap="xs">
      {intro}
      <Group justify="flex-end"><Button variant="default" size="xs" loading={loading} onClick={reload}>{t('mailbox.refresh')}</Button></Group>
      <Table.ScrollContainer minWidth={320}>
        <Table striped highlightOnHover aria-label={t('mailbox.list')}>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('mailbox.subject')}</Table.Th><Table.Th>{t('mailbox.to')}</Table.Th><Table.Th>{t('mailbox.date')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td><Anchor component={Link} to={`/hop-thu/${encodeURIComponent(m.id)}`}>{m.subject}</Anchor></Table.Td>
                <Table.Td>{m.to}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><time dateTime={m.date}>{formatDateTime(m.date)}</time></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export default function MailboxPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  usePageTitle(t('mailbox.title'));
  return (
    <Stack p={{ base: 'sm', sm: 'xl' }} maw={960} mx="auto" w="100%">
      <Title order={1} size="h2">{t('mailbox.title')}</Title>
      {id ? (
        <>
          <Anchor component={Link} to="/hop-thu" size="sm">← {t('mailbox.back')}</Anchor>
          <Message id={id} />
        </>
      ) : <List />}
    </Stack>
  );
}
