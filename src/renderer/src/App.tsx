import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { AppShell, Badge, Burger, Box, Center, Group, Loader, NavLink, ScrollArea, Text, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Suspense, useEffect, useLayoutEffect } from 'react';
import { useRoute, match, navigate } from './router';
import { useSession } from './session';
import { call } from './api/client';
import { SetupPage } from './pages/SetupPage';
import { LoginPage } from './pages/LoginPage';
import { DbProblemPage } from './pages/DbProblemPage';
import { LanguageSwitch } from './components/LanguageSwitch';
import type { RouteDef } from './route-def';
import { routes as filingRoutes } from './pages/filings/routes';
import { routes as adminRoutes } from './pages/admin/routes';
import { routes as reviewRoutes } from './pages/review/routes';
import { routes as certificateRoutes } from './pages/certificates/routes';
import { routes as meetingRoutes } from './pages/meetings/routes';
import { routes as followupRoutes } from './pages/followup/routes';
import { routes as problemRoutes } from './pages/problems/routes';
import { NotificationBell } from './components/NotificationBell';
import { ConnectionBanner } from './components/ConnectionBanner';
import { ChangePasswordButton } from './components/ChangePassword';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';

const ROUTES: RouteDef[] = [
  ...filingRoutes,
  ...reviewRoutes,
  ...certificateRoutes,
  ...meetingRoutes,
  ...followupRoutes,
  ...problemRoutes,
  ...adminRoutes,
];

export function App() {
  const { t } = useTranslation();
  const { status, refresh } = useSession();
  const path = useRoute();
  const [menuOpen, menu] = useDisclosure(false);
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;

  // Each screen's own title (a page may set a more precise one in its own effect, which runs after this one).
  const navTitle = ROUTES.filter((r) => r.nav && (path === r.path || path.startsWith(`${r.path}/`))).sort(
    (a, b) => b.path.length - a.path.length,
  )[0]?.nav?.labelKey;
  useLayoutEffect(() => {
    document.title = status?.actor && navTitle ? `${t(navTitle)} · ${t('app.title')}` : t('app.title');
  }, [t, navTitle, status?.actor]);

  if (!status)
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  if (!status.db.ok) return <DbProblemPage db={status.db} />;
  if (status.needsSetup) return <SetupPage />;
  if (!status.actor) return <LoginPage />;
  const actor = status.actor;

  const allowed = ROUTES.filter((r) => !r.roles || r.roles.includes(actor.role));
  let found: { route: RouteDef; params: Record<string, string> } | null = null;
  for (const r of allowed) {
    const params = match(r.path, path);
    if (params) {
      found = { route: r, params };
      break;
    }
  }
  if (!found && allowed.length && path === '/') {
    const first = allowed.filter((r) => r.nav).sort((a, b) => a.nav!.order - b.nav!.order)[0];
    if (first) navigate(first.path);
  }
  if (found?.route.bare)
    return (
      <BareRoute>
        <Suspense
          fallback={
            <Center h="100%">
              <Loader />
            </Center>
          }
        >
          {found.route.render(found.params)}
        </Suspense>
      </BareRoute>
    );

  const logout = async () => {
    await call('auth.logout', {});
    navigate('/');
    await refresh();
  };

  const navItems = allowed.filter((r) => r.nav).sort((a, b) => a.nav!.order - b.nav!.order);
  return (
    // Below 768 px (a laptop at 200% zoom) the menu folds behind a button, leaving the width to the screen.
    <AppShell header={{ height: 48 }} navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !menuOpen } }} padding="md">
      <AppShell.Header>
        <a
          className="skip-link"
          href="#main"
          onClick={(e) => {
            // Hash routes: the link moves focus instead of changing the route.
            e.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('a11y.skip')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={menuOpen}
              onClick={menu.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('a11y.menu')}
              aria-expanded={menuOpen}
              data-testid="nav-burger"
            />
            <Text fw={700} size="md" truncate>
              {t('app.title')}
            </Text>
            {actor.isDemo && (
              <Badge color="yellow" variant="light">
                {t('shell.demo')}
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <Text size="sm" data-testid="current-user" visibleFrom="sm">
              {actor.displayName} · {t(`role.${actor.role}`)}
              {actor.unit ? ` · ${t(`unit.${actor.unit}`)}` : ''}
            </Text>
            <LanguageSwitch />
            <ChangePasswordButton username={actor.username} />
            <Button variant="subtle" size="xs" onClick={logout} data-testid="logout">
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      {/* Folded away, the menu is out of the Tab order too. */}
      <AppShell.Navbar p="xs" inert={narrow && !menuOpen} style={narrow && !menuOpen ? { visibility: 'hidden' } : undefined}>
        <ScrollArea>
          <Stack gap={2}>
            {navItems.map((r) => (
              <NavLink
                key={r.path}
                href={`#${r.path}`}
                label={t(r.nav!.labelKey)}
                active={path === r.path || path.startsWith(`${r.path}/`)}
                data-testid={r.nav!.testId}
                onClick={menu.close}
              />
            ))}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <ConnectionBanner />
        <Box maw={1600}>
          <Suspense fallback={<Loader size="sm" />}>
            {found ? (
              found.route.render(found.params)
            ) : ROUTES.some((r) => match(r.path, path)) ? (
              // The page exists but not for this role (e.g. session mode for a reviewer): say so, not "not found".
              <Text c="dimmed" data-testid="no-permission">
                {t('shell.noPermission')}
              </Text>
            ) : (
              <Text c="dimmed">{t('shell.notFound')}</Text>
            )}
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

/** Full-screen views (a joint session on the meeting-room screen) start clean: no desk toasts over the shared screen. */
function BareRoute({ children }: { children: ReactNode }) {
  useEffect(() => notifications.clean(), []);
  return (
    <>
      <ConnectionBanner />
      {children}
    </>
  );
}
