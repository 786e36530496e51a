// The landing page of a training's check-in QR code (/diem-danh/:token), opened by the phone's own camera app: a
// logged-in person is checked in at once; anyone else is sent to log in and brought back here.
import { Alert, Anchor, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api.js';
import { FormAlert } from '../../components/FormErrors.js';
import { Loading } from '../../components/States.js';
import { useSession } from '../../session.js';
import { usePageTitle } from '../../usePageTitle.js';

type Result = { training: { id: string; title: string; place: string }; already: boolean };

export default function CheckInPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { user, ready } = useSession();
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(t('cap.checkin.title'));
  useEffect(() => {
    if (!user) return;
    api.post<Result>('/api/v1/trainings/checkin', { token }).then(setResult, setError);
  }, [user, token]);
  if (!ready) return <Loading />;
  return (
    <Container size="xs" py="xl">
      <Paper withBorder radius="lg" p="lg">
        <Stack>
          <Title order={1} size="h3">{t('cap.checkin.title')}</Title>
          {!user ? (
            <>
              <Text>{t('cap.checkin.loginHint')}</Text>
              <Button component={Link} to={`/dang-nhap?next=${encodeURIComponent(`/diem-danh/${token}`)}`} size="lg">{t('cap.checkin.login')}</Button>
            </>
          ) : result ? (
            <>
              <Alert color="green" data-checked-in="yes"><Text fw={700}>{t(result.already ? 'cap.checkin.already' : 'cap.checkin.done', { title: result.training.title })}</Text><Text size="sm">{result.training.place}</Text></Alert>
              <Anchor component={Link} to={`/lam-viec/dao-tao/${result.training.id}`}>{t('cap.checkin.toTraining')}</Anchor>
            </>
          ) : error ? <FormAlert error={error} /> : <Text>{t('cap.checkin.working')}</Text>}
        </Stack>
      </Paper>
    </Container>
  );
}
