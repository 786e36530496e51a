// Which kinds of notification reach the person by e-mail and in the app: one row per kind, two boxes to tick,
// and the language the e-mail is written in; saved together (each PUT answers what is stored).
import { Button, Card, Checkbox, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { ErrorState, Loading } from '../../components/States.js';
import { useFetch } from '../../useFetch.js';
import type { Preference, Preferences } from '../../../modules/notifications/notifications.contract.js';

type Channel = 'email' | 'app';
type Language = 'vi' | 'en';

export function PreferencesPanel() {
  const { t } = useTranslation();
  const loaded = useFetch<Preferences>('/api/v1/notifications/preferences');
  const loadedLanguage = useFetch<{ language: Language }>('/api/v1/notifications/language');
  const [rows, setRows] = useState<Preference[] | null>(null);
  const [language, setLanguage] = useState<Language>('vi');
  const errors = useFormErrors();
  useEffect(() => { if (loaded.data) setRows(loaded.data.items); }, [loaded.data]);
  useEffect(() => { if (loadedLanguage.data) setLanguage(loadedLanguage.data.language); }, [loadedLanguage.data]);

  const toggle = (kind: Preference['kind'], channel: Channel, on: boolean) =>
    setRows((prev) => prev && prev.map((r) => (r.kind === kind ? { ...r, [channel]: on } : r)));

  function save(e: FormEvent) {
    e.preventDefault();
    if (!rows) return;
    void errors.submit(async () => {
      const [saved, lang] = await Promise.all([
        api.put<Preferences>('/api/v1/notifications/preferences', { items: rows }),
        api.put<{ language: Language }>('/api/v1/notifications/language', { language }),
      ]);
      setRows(saved.items);
      setLanguage(lang.language);
      notifications.show({ color: 'ocop', message: t('prefs.saved') });
    });
  }

  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="notif-prefs" mt="md">
      <Title order={2} size="h4" id="notif-prefs">{t('prefs.title')}</Title>
      <Text size="sm" c="dark.4" mb="sm">{t('prefs.intro')}</Text>
      {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : !rows ? <Loading /> : (
        <form onSubmit={save} noValidate>
          <Stack gap="sm">
            <FormAlert error={errors.error} />
            <Table verticalSpacing={6} horizontalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('prefs.kind')}</Table.Th>
                  <Table.Th ta="center" w={90}>{t('prefs.email')}</Table.Th>
                  <Table.Th ta="center" w={90}>{t('prefs.app')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.kind}>
                    <Table.Td><Text size="sm">{t(`notifKind.${r.kind}`)}</Text></Table.Td>
                    {(['email', 'app'] as const).map((c) => (
                      <Table.Td key={c}>
                        <Group justify="center">
                          <Checkbox checked={r[c]} onChange={(e) => toggle(r.kind, c, e.currentTarget.checked)}
                            aria-label={t('prefs.channel', { kind: t(`notifKind.${r.kind}`), channel: t(`prefs.${c}`) })} />
                        </Group>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Radio.Group label={t('prefs.language')} value={language} onChange={(v) => setLanguage(v as Language)}>
              <Group mt={4}>
                <Radio value="vi" label="Tiếng Việt" lang="vi" />
                <Radio value="en" label="English" lang="en" />
              </Group>
            </Radio.Group>
            <Group><Button type="submit" loading={errors.busy}>{t('prefs.save')}</Button></Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
