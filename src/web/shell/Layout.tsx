import {
  ActionIcon,
  Burger,
  Button,
  Group,
  Kbd,
  Menu,
  NavLink,
  Text,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import {
  IconAffiliate,
  IconCalendarWeek,
  IconChartPie,
  IconFileImport,
  IconLogout,
  IconMap2,
  IconMessagePlus,
  IconMoon,
  IconRoute,
  IconSearch,
  IconSettings,
  IconSun,
  IconUsers,
} from '@tabler/icons-react';
import { type ReactNode, useCallback, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useSignOut } from '../api/hooks';
import type { Session } from '../api/types';
import { CommandPalette } from './CommandPalette';
import { LogInteraction } from './LogInteraction';
import { LogContext } from './log-context';

const nav = [
  { to: '/', label: 'This week', icon: IconCalendarWeek, exact: true },
  { to: '/people', label: 'People', icon: IconUsers },
  { to: '/map', label: 'Stakeholder map', icon: IconMap2 },
  { to: '/network', label: 'Network', icon: IconAffiliate },
  { to: '/portfolio', label: 'Portfolio', icon: IconChartPie },
  { to: '/onboarding', label: 'Onboarding', icon: IconRoute },
  { to: '/import', label: 'Import', icon: IconFileImport },
  { to: '/settings', label: 'Settings', icon: IconSettings },
];

function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon
        variant="default"
        size="lg"
        onClick={() => setColorScheme(next)}
        aria-label={`Switch to ${next} theme`}
      >
        {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}

export function Layout({ session, children }: { session: Session; children: ReactNode }) {
  const [navOpen, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const signOut = useSignOut();
  const [log, setLog] = useState<{ opened: boolean; personId?: number }>({ opened: false });
  const openLog = useCallback(
    (personId?: number) => setLog(personId ? { opened: true, personId } : { opened: true }),
    [],
  );
  useHotkeys([['l', () => openLog()]]);

  return (
    <LogContext.Provider value={openLog}>
      <div className="app-shell">
        <header className="app-header">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpen}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label="Toggle navigation"
              />
              <Text component={Link} to="/" fw={800} size="lg" c="indigo" style={{ textDecoration: 'none' }}>
                Rapport
              </Text>
            </Group>
            <UnstyledButton
              onClick={() => spotlight.open()}
              aria-label="Search people and initiatives (Ctrl+K)"
            >
              <Group
                gap="xs"
                px="sm"
                py={6}
                wrap="nowrap"
                style={{
                  border: '1px solid var(--mantine-color-default-border)',
                  borderRadius: 8,
                  minWidth: 220,
                }}
              >
                <IconSearch size={16} />
                <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                  Find anyone…
                </Text>
                <Kbd size="xs">Ctrl K</Kbd>
              </Group>
            </UnstyledButton>
            <Group gap="xs" wrap="nowrap">
              <Tooltip label="Log an interaction (L)">
                <Button leftSection={<IconMessagePlus size={16} />} onClick={() => openLog()} size="sm">
                  Log
                </Button>
              </Tooltip>
              <ThemeToggle />
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="subtle" size="sm" aria-label="Account">
                    {session.user.name || session.user.email}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{session.workspace.name}</Menu.Label>
                  <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} />}>
                    Settings
                  </Menu.Item>
                  <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => signOut.mutate()}>
                    Sign out
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </header>
        <nav className={`app-navbar${navOpen ? ' open' : ''}`} aria-label="Main">
          {nav.map((item) => {
            const active = item.exact ? pathname === item.to : pathname.startsWith(item.to);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                leftSection={<item.icon size={18} />}
                active={active}
                onClick={close}
                aria-current={active ? 'page' : undefined}
              />
            );
          })}
        </nav>
        <main className="app-main">{children}</main>
      </div>
      <CommandPalette />
      <LogInteraction opened={log.opened} personId={log.personId} onClose={() => setLog({ opened: false })} />
    </LogContext.Provider>
  );
}
