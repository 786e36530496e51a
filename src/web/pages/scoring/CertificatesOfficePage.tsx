// Certificates in the workspace (/lam-viec/giay-chung-nhan): the office's own list (revocations decided after the 15
// days of Điều 8.4) and a way to open a certificate by its number to act on it. The public register
// (/giay-chung-nhan) is a document the server renders, linked from here.
import { Anchor, Button, Group, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../../usePageTitle.js';
import { LateRevocations } from './LateRevocations.js';

export default function CertificatesOfficePage() {
  const { t } = useTranslation();
  usePageTitle(t('cert.officeTitle'));
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const open = (e: FormEvent) => {
    e.preventDefault();
    if (number.trim()) navigate(`/lam-viec/giay-chung-nhan/${encodeURIComponent(number.trim())}`);
  };
  return (
    <>
      <Title order={1} size="h3" mb="xs">{t('cert.officeTitle')}</Title>
      <Text c="dark.4" mb="md">{t('cert.officeIntro')} <Anchor href="/giay-chung-nhan">{t('cert.registerTitle')}</Anchor></Text>
      <form onSubmit={open} aria-label={t('cert.openByNumber')}>
        <Group align="flex-end" gap="sm" mb="lg">
          <TextInput label={t('cert.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} placeholder="OCOP-08-2026-00001" maxLength={40} />
          <Button type="submit">{t('cert.openByNumber')}</Button>
        </Group>
      </form>
      <LateRevocations />
    </>
  );
}
