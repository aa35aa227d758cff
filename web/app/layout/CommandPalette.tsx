import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconSearch, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { UserAvatar } from '../../components/UserAvatar';
import { useUserSearch } from '../../features/users/users.queries';
import { canOpenPage, pagesFor } from '../pages';
import { useMe } from '../session';

/** Ctrl/⌘-K: jump to a page, or to a person by name. */
export function CommandPalette() {
  const me = useMe();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const canSearchPeople = canOpenPage(me.role, 'users');
  const people = useUserSearch(debounced, canSearchPeople);

  const term = query.trim().toLowerCase();
  const pages = pagesFor(me.role).filter(
    (p) => !term || p.label.toLowerCase().includes(term) || p.description.toLowerCase().includes(term),
  );
  const peopleResults = canSearchPeople && term.length >= 2 ? (people.data?.data ?? []) : [];

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} scrollable maxHeight={420}>
      <Spotlight.Search
        placeholder={canSearchPeople ? 'Jump to a page or a person…' : 'Jump to a page…'}
        leftSection={<IconSearch size={18} stroke={1.5} />}
        aria-label="Search pages and people"
      />
      <Spotlight.ActionsList>
        {pages.length > 0 && (
          <Spotlight.ActionsGroup label="Pages">
            {pages.map((page) => (
              <Spotlight.Action
                key={page.id}
                label={page.label}
                description={page.description}
                leftSection={<page.icon size={20} stroke={1.5} />}
                onClick={() => navigate(page.path)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {peopleResults.length > 0 && (
          <Spotlight.ActionsGroup label="People">
            {peopleResults.map((user) => (
              <Spotlight.Action
                key={user.id}
                label={user.name}
                description={user.email}
                leftSection={<UserAvatar name={user.name} initials={user.initials} size="sm" />}
                onClick={() => navigate(`/admin/users/${user.id}`)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {pages.length === 0 && peopleResults.length === 0 && (
          <Spotlight.Empty>
            {canSearchPeople && term.length >= 2 && people.isFetching ? (
              'Searching…'
            ) : (
              <>
                <IconUser size={16} style={{ verticalAlign: 'middle' }} /> Nothing matches “{query.trim()}”
              </>
            )}
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
