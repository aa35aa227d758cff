import { NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
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
  return [page.path, ...(page.alsoActiveOn ?? [])].some(
    (path) => pathname === path || pathname.startsWith(`${path}/`),
  );
}

interface AppNavbarProps {
  onNavigate: () => void;
  /** Icons only, with the names on hover: for pages that need the width. */
  compact?: boolean;
}

export function AppNavbar({ onNavigate, compact = false }: AppNavbarProps) {
  const me = useMe();
  const { pathname } = useLocation();
  const pages = pagesFor(me.role);
  const sections = (['main', 'admin', 'account'] as const)
    .map((section) => ({ section, pages: pages.filter((p) => p.section === section) }))
    .filter((s) => s.pages.length > 0);

  return (
    <ScrollArea component="nav" aria-label="Main" p={compact ? 8 : 'sm'} h="100%">
      <Stack gap="md">
        {sections.map(({ section, pages: sectionPages }) => (
          <Stack key={section} gap={2}>
            {sectionLabel(section, me.role) && !compact && (
              <Text fz="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
                {sectionLabel(section, me.role)}
              </Text>
            )}
            {sectionPages.map((page) => {
              const active = isActive(page, pathname);
              const link = (
                <NavLink
                  key={page.id}
                  component={Link}
                  to={page.path}
                  label={compact ? undefined : page.label}
                  aria-label={compact ? page.label : undefined}
                  leftSection={<page.icon size={compact ? 20 : 18} stroke={1.6} />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                  styles={
                    compact
                      ? { section: { marginInlineEnd: 0 }, root: { justifyContent: 'center' } }
                      : undefined
                  }
                />
              );
              return compact ? (
                <Tooltip key={page.id} label={page.label} position="right">
                  {link}
                </Tooltip>
              ) : (
                link
              );
            })}
          </Stack>
        ))}
      </Stack>
    </ScrollArea>
  );
}
