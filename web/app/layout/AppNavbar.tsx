import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../../contracts/common';
import { type AppPage, pagesFor } from '../pages';
import { useMe } from '../session';

function sectionLabel(section: AppPage['section'], role: Role): string | null {
  if (section === 'admin') return role === 'agent' ? 'Organisation' : 'Admin';
  if (section === 'account') return 'Account';
  return null;
}

function isActive(page: AppPage, pathname: string): boolean {
  if (page.path === '/') return pathname === '/';
  return pathname === page.path || pathname.startsWith(`${page.path}/`);
}

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const me = useMe();
  const { pathname } = useLocation();
  const pages = pagesFor(me.role);
  const sections = (['main', 'admin', 'account'] as const)
    .map((section) => ({ section, pages: pages.filter((p) => p.section === section) }))
    .filter((s) => s.pages.length > 0);

  return (
    <ScrollArea component="nav" aria-label="Main" p="sm" h="100%">
      <Stack gap="md">
        {sections.map(({ section, pages: sectionPages }) => (
          <Stack key={section} gap={2}>
            {sectionLabel(section, me.role) && (
              <Text fz="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
                {sectionLabel(section, me.role)}
              </Text>
            )}
            {sectionPages.map((page) => {
              const active = isActive(page, pathname);
              return (
                <NavLink
                  key={page.id}
                  component={Link}
                  to={page.path}
                  label={page.label}
                  leftSection={<page.icon size={18} stroke={1.6} />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              );
            })}
          </Stack>
        ))}
      </Stack>
    </ScrollArea>
  );
}
