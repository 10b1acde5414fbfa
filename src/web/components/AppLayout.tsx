import { AppShell, Burger, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useMe } from '../api/queries';
import { applyLang, currentLang } from '../i18n';
import { can, type Screen } from '../lib/access';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { LinkNav } from './links';

interface NavItem {
  to:
    | '/'
    | '/unit'
    | '/pegawai'
    | '/kompetensi/peta'
    | '/kompetensi/talenta'
    | '/kompetensi/kamus'
    | '/kompetensi/standar'
    | '/penilaian'
    | '/kompetensi/kampanye'
    | '/belajar'
    | '/laporan/jp'
    | '/program'
    | '/mitra'
    | '/persetujuan'
    | '/kotak-keluar'
    | '/proyek-mahasiswa'
    | '/sertifikat/verifikasi'
    | '/impor'
    | '/pengguna'
    | '/audit'
    | '/akun';
  label: string;
  screen: Screen;
}

function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const me = useMe();
  const items: NavItem[] = [
    { to: '/', label: t('nav.home'), screen: 'home' },
    { to: '/unit', label: t('nav.units'), screen: 'units' },
    { to: '/pegawai', label: t('nav.employees'), screen: 'employees' },
    { to: '/kompetensi/peta', label: t('nav.gapMap'), screen: 'gapMap' },
    { to: '/kompetensi/talenta', label: t('talent.nav'), screen: 'talent' },
    { to: '/kompetensi/kamus', label: t('nav.dictionary'), screen: 'dictionary' },
    { to: '/kompetensi/standar', label: t('nav.standards'), screen: 'standards' },
    { to: '/penilaian', label: t('assessment.nav.tasks'), screen: 'assessments' },
    { to: '/belajar', label: t('learning.nav.mine'), screen: 'myLearning' },
    { to: '/kompetensi/kampanye', label: t('assessment.nav.campaigns'), screen: 'campaigns' },
    { to: '/laporan/jp', label: t('learning.nav.compliance'), screen: 'jpCompliance' },
    { to: '/program', label: t('programs.nav'), screen: 'programs' },
    { to: '/persetujuan', label: t('enrol.nav.approvals'), screen: 'approvals' },
    { to: '/sertifikat/verifikasi', label: t('certificates.review.nav'), screen: 'certificateReview' },
    { to: '/mitra', label: t('partners.nav'), screen: 'partners' },
    { to: '/proyek-mahasiswa', label: t('projects.nav'), screen: 'studentProjects' },
    { to: '/impor', label: t('nav.import'), screen: 'import' },
    { to: '/pengguna', label: t('nav.users'), screen: 'users' },
    { to: '/audit', label: t('nav.audit'), screen: 'audit' },
    { to: '/kotak-keluar', label: t('enrol.nav.outbox'), screen: 'outbox' },
    { to: '/akun', label: t('nav.account'), screen: 'account' },
  ];
  return items.filter((i) => can(me, i.screen));
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await api.POST('/api/auth/logout').catch(() => undefined);
    qc.clear();
    qc.setQueryData(['me'], null);
    await navigate({ to: '/masuk' });
  };
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <UnstyledButton
          aria-label={`${t('nav.userMenu')}: ${me.displayName}`}
          px="sm"
          py={6}
          style={{ borderRadius: 8, minHeight: 44 }}
        >
          <Text fw={600} size="sm" truncate maw={{ base: 76, sm: 240 }}>
            {me.displayName}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.roles.map((r) => t(`roles.${r}`)).join(', ')}</Menu.Label>
        <Menu.Item component={Link} to="/akun">
          {t('nav.changePassword')}
        </Menu.Item>
        <Menu.Item onClick={() => void signOut()}>{t('nav.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The signed-in frame: header (menu button on phones, language, user menu), role-shaped navigation, content. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const items = useNavItems();

  // The account's saved language wins once the session is known.
  useEffect(() => {
    if (me.locale !== currentLang()) void applyLang(me.locale);
  }, [me.locale]);
  useEffect(() => close(), [pathname, close]);

  const isActive = (to: string) =>
    to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.openMenu')}
              aria-expanded={opened}
            />
            <Text component={Link} to="/" fw={800} fz={22} c="asah.8" style={{ textDecoration: 'none' }}>
              {t('app.name')}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch signedIn />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        aria-label={t('nav.label')}
        // A tap on the page already open changes no path, so close the phone menu here too.
        onClick={(e: MouseEvent) => {
          if ((e.target as HTMLElement).closest('a')) close();
        }}
      >
        <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((i) => (
            <li key={i.to}>
              <LinkNav
                to={i.to}
                label={i.label}
                active={isActive(i.to)}
                aria-current={isActive(i.to) ? 'page' : undefined}
                styles={{ root: { minHeight: 44, borderRadius: 8 }, label: { fontSize: 16 } }}
              />
            </li>
          ))}
          {me.nip && me.roles.includes('pegawai') && (
            <li>
              <LinkNav
                to="/pegawai/$nip"
                params={{ nip: me.nip }}
                label={t('nav.myProfile')}
                active={pathname === `/pegawai/${me.nip}`}
                aria-current={pathname === `/pegawai/${me.nip}` ? 'page' : undefined}
                styles={{ root: { minHeight: 44, borderRadius: 8 }, label: { fontSize: 16 } }}
              />
            </li>
          )}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ maxWidth: '100%' }}>
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
