import { AppShell, Avatar, Burger, Group, Menu, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useMe } from '../api/queries';
import { applyLang, currentLang } from '../i18n';
import { can, type Screen } from '../lib/access';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { LinkNav } from './links';

type PlainTo =
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
  | '/instansi'
  | '/audit'
  | '/akun';

type NavItem = { to: PlainTo; label: string } | { to: '/pegawai/$nip'; nip: string; label: string };

interface NavGroup {
  key: string;
  label: string;
  items: NavItem[];
}

/** A menu with at most this many links opens all its groups: nothing is worth hiding. */
const SHORT_MENU = 10;

/** The menu in groups; each link only when ACCESS lets the user open its screen, each group only when it keeps a link. */
function useNavGroups(): NavGroup[] {
  const { t } = useTranslation();
  const me = useMe();
  const item = (to: PlainTo, label: string, screen: Screen): NavItem[] =>
    can(me, screen) ? [{ to, label }] : [];
  const groups: NavGroup[] = [
    { key: 'home', label: t('nav.home'), items: item('/', t('nav.home'), 'home') },
    {
      key: 'competency',
      label: t('navGroup.competency'),
      items: [
        ...item('/kompetensi/peta', t('nav.gapMap'), 'gapMap'),
        ...item('/kompetensi/talenta', t('talent.nav'), 'talent'),
        ...item('/kompetensi/kamus', t('nav.dictionary'), 'dictionary'),
        ...item('/kompetensi/standar', t('nav.standards'), 'standards'),
        ...item('/penilaian', t('assessment.nav.tasks'), 'assessments'),
        ...item('/kompetensi/kampanye', t('assessment.nav.campaigns'), 'campaigns'),
      ],
    },
    {
      key: 'development',
      label: t('navGroup.development'),
      items: [
        ...item('/belajar', t('learning.nav.mine'), 'myLearning'),
        ...item('/program', t('programs.nav'), 'programs'),
        ...item('/persetujuan', t('enrol.nav.approvals'), 'approvals'),
        ...item('/sertifikat/verifikasi', t('certificates.review.nav'), 'certificateReview'),
        ...item('/mitra', t('partners.nav'), 'partners'),
        ...item('/proyek-mahasiswa', t('projects.nav'), 'studentProjects'),
      ],
    },
    {
      key: 'reports',
      label: t('navGroup.reports'),
      items: item('/laporan/jp', t('learning.nav.compliance'), 'jpCompliance'),
    },
    {
      key: 'organisation',
      label: t('navGroup.organisation'),
      items: [
        ...item('/unit', t('nav.units'), 'units'),
        ...item('/pegawai', t('nav.employees'), 'employees'),
        ...item('/impor', t('nav.import'), 'import'),
      ],
    },
    {
      key: 'administration',
      label: t('navGroup.administration'),
      items: [
        ...item('/pengguna', t('nav.users'), 'users'),
        ...item('/instansi', t('platform.nav'), 'tenants'),
        ...item('/audit', t('nav.audit'), 'audit'),
        ...item('/kotak-keluar', t('enrol.nav.outbox'), 'outbox'),
      ],
    },
    {
      key: 'account',
      label: t('navGroup.account'),
      items: [
        ...(me.nip && me.roles.includes('pegawai')
          ? [{ to: '/pegawai/$nip' as const, nip: me.nip, label: t('nav.myProfile') }]
          : []),
        ...item('/akun', t('nav.account'), 'account'),
      ],
    },
  ];
  return groups.filter((g) => g.items.length > 0);
}

const plainList = { listStyle: 'none', margin: 0, padding: 0 } as const;
const navStyles = { root: { minHeight: 44, borderRadius: 8 }, label: { fontSize: 16 } };

function NavItemLink({ item, active }: { item: NavItem; active: boolean }) {
  const common = {
    label: item.label,
    active,
    'aria-current': active ? ('page' as const) : undefined,
    styles: navStyles,
  };
  return item.to === '/pegawai/$nip' ? (
    <LinkNav to="/pegawai/$nip" params={{ nip: item.nip }} {...common} />
  ) : (
    <LinkNav to={item.to} {...common} />
  );
}

/**
 * Beranda on top, then groups that open and close (a button with aria-expanded; a closed group's links are
 * not rendered). The group holding the current page opens by itself and stays open until closed; a group
 * with a single link shows just that link.
 */
function MainMenu() {
  const { pathname } = useLocation();
  const groups = useNavGroups();
  const [open, setOpen] = useState<Record<string, boolean>>({});

  const isActive = (i: NavItem) => {
    if (i.to === '/pegawai/$nip') return pathname === `/pegawai/${i.nip}`;
    return i.to === '/' ? pathname === '/' : pathname === i.to || pathname.startsWith(`${i.to}/`);
  };
  const holdsCurrent = (g: NavGroup) => g.items.some(isActive);
  const shortMenu = groups.reduce((n, g) => n + g.items.length, 0) <= SHORT_MENU;
  const current = groups
    .filter(holdsCurrent)
    .map((g) => g.key)
    .join(' ');

  // Reaching a page opens its group, and that group stays open when the next page lies elsewhere.
  const [seen, setSeen] = useState('');
  if (current !== seen) {
    setSeen(current);
    setOpen((o) => ({ ...o, ...Object.fromEntries(current.split(' ').map((k) => [k, true])) }));
  }

  return (
    <Stack gap={2} component="ul" style={plainList}>
      {groups.map((g) => {
        if (g.items.length === 1) {
          return (
            <li key={g.key}>
              <NavItemLink item={g.items[0]!} active={isActive(g.items[0]!)} />
            </li>
          );
        }
        const opened = open[g.key] ?? (shortMenu || holdsCurrent(g));
        return (
          <li key={g.key}>
            <NavLink
              component="button"
              label={g.label}
              opened={opened}
              onChange={(next) => setOpen((o) => ({ ...o, [g.key]: next }))}
              keepMounted={false}
              active={!opened && holdsCurrent(g)}
              childrenOffset="sm"
              styles={{ ...navStyles, label: { fontSize: 16, fontWeight: 600 } }}
            >
              <Stack gap={2} component="ul" style={plainList} mt={2}>
                {g.items.map((i) => (
                  <li key={i.to}>
                    <NavItemLink item={i} active={isActive(i)} />
                  </li>
                ))}
              </Stack>
            </NavLink>
          </li>
        );
      })}
    </Stack>
  );
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
          {/* A phone has room for initials only; the full name heads the menu. */}
          <Avatar name={me.displayName} color="asah" size={32} hiddenFrom="sm" aria-hidden />
          <Text fw={600} size="sm" truncate maw={240} visibleFrom="sm">
            {me.displayName}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fw={700} size="sm" c="dark">
            {me.displayName}
          </Text>
          {me.roles.map((r) => t(`roles.${r}`)).join(', ')}
        </Menu.Label>
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

  // The account's saved language wins once the session is known.
  useEffect(() => {
    if (me.locale !== currentLang()) void applyLang(me.locale);
  }, [me.locale]);
  useEffect(() => close(), [pathname, close]);

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
        style={{ overflowY: 'auto' }}
        // A tap on the page already open changes no path, so close the phone menu here too.
        onClick={(e: MouseEvent) => {
          if ((e.target as HTMLElement).closest('a')) close();
        }}
      >
        <MainMenu />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ maxWidth: '100%' }}>
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
