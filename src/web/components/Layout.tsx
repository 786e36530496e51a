// The page frame: skip link, header (brand, navigation, language switch, login), main landmark, footer.
import { Anchor, Box, Button, Container, Group, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { setLanguage } from '../i18n/index.js';
import { useSession } from '../session.js';
import { useUnreadCount } from '../unread.js';
import { NotificationBell } from './NotificationBell.js';

function Logo() {
  return (
    <svg className="app-logo" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="9" fill="#0b6e4f" />
      <path d="M16 5.5l3.1 6.6 7.2.9-5.3 5 1.4 7.1L16 21.6l-6.4 3.5 1.4-7.1-5.3-5 7.2-.9z" fill="#f5b301" />
    </svg>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const other = i18n.language === 'en' ? 'vi' : 'en';
  const unread = useUnreadCount(Boolean(user));
  return (
    <Box style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: '#f6f8f7' }}>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <Box component="header" style={{ background: '#fff', borderBottom: '1px solid #e3e8e5', position: 'sticky', top: 0, zIndex: 100 }}>
        {/* On a 360 px phone the brand and the buttons fit on one line thanks to a smaller title and margins; when they
            do not (a longer translation, the workspace button), the buttons drop to a second line, never on top. */}
        <Container size="lg" py={10} px={{ base: 'xs', xs: 'md' }}>
          <Group justify="space-between" wrap="wrap" gap="xs" style={{ rowGap: 6 }}>
            <UnstyledButton component="a" href="/" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <Logo />
              <Box>
                <Text fw={800} fz={{ base: 15, xs: 'lg' }} c="ocop.9" lh={1.1} style={{ whiteSpace: 'nowrap' }}>{t('app.name')}</Text>
                <Text size="xs" c="dark.3" lh={1.2} visibleFrom="xs">{t('app.tagline')}</Text>
              </Box>
            </UnstyledButton>
            {/* On a phone the bell sits beside the brand, where the first line has room; the buttons keep the second. */}
            {user && <NotificationBell unread={unread} hiddenFrom="xs" ml="auto" />}
            <Group component="nav" aria-label={t('app.name')} gap={6} wrap="nowrap" ml="auto">
              <Anchor href="/" fw={600} size="sm" visibleFrom="sm" underline="hover">{t('app.catalogue')}</Anchor>
              {/* The register stays in reach on a phone too (the catalogue is the brand link). */}
              <Anchor href="/giay-chung-nhan" fw={600} size="sm" underline="hover" style={{ whiteSpace: 'nowrap' }}>{t('cert.registerLink')}</Anchor>
              <Button variant="subtle" size="compact-sm" onClick={() => void setLanguage(other)} title={t('app.switchLanguageLabel')} lang={other}>
                {t('app.switchLanguage')}
              </Button>
              {user && <NotificationBell unread={unread} visibleFrom="xs" />}
              {user
                ? (
                  // A shorter label on a phone leaves room for the register link (one line at 360 px).
                  <Button component={Link} to="/lam-viec" size="compact-sm" variant="light">
                    <Box component="span" hiddenFrom="xs">{t('mobileNav.workspace')}</Box><Box component="span" visibleFrom="xs">{t('app.workspace')}</Box>
                  </Button>
                )
                : <Button component={Link} to="/dang-nhap" size="compact-sm">{t('app.login')}</Button>}
            </Group>
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main" tabIndex={-1} style={{ flex: 1, outline: 'none' }}>
        {children}
      </Box>
      <Box component="footer" style={{ background: '#0f2a20', color: '#e6efe9' }} py="lg" mt="xl">
        <Container size="lg">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('app.footer')}</Text>
            <Anchor href="/giay-chung-nhan" size="sm" c="#bfe6d3">{t('cert.registerTitle')}</Anchor>
            <Anchor component={Link} to="/thong-ke" size="sm" c="#bfe6d3">{t('dash.title')}</Anchor>
            <Anchor component={Link} to="/cham-diem" size="sm" c="#bfe6d3">{t('sheet.tryTool')}</Anchor>
            <Anchor href="/api/openapi.json" size="sm" c="#bfe6d3">{t('app.api')}</Anchor>
          </Group>
        </Container>
      </Box>
    </Box>
  );
}
