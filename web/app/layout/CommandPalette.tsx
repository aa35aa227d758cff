import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconAddressBook, IconSearch, IconTicket, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { UserAvatar } from '../../components/UserAvatar';
import { useSearch } from '../../features/tickets/tickets.queries';
import { useUserSearch } from '../../features/users/users.queries';
import { canOpenPage, pagesFor } from '../pages';
import { useMe } from '../session';

/** Ctrl/⌘-K: jump to a page, a ticket, a customer, or a person by name. */
export function CommandPalette() {
  const me = useMe();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const canSearchPeople = canOpenPage(me.role, 'users');
  const people = useUserSearch(debounced, canSearchPeople);
  const canSearchTickets = canOpenPage(me.role, 'inbox');
  const found = useSearch(debounced, canSearchTickets);

  const term = query.trim().toLowerCase();
  const pages = pagesFor(me.role).filter(
    (p) => !term || p.label.toLowerCase().includes(term) || p.description.toLowerCase().includes(term),
  );
  const peopleResults = canSearchPeople && term.length >= 2 ? (people.data?.data ?? []) : [];
  const ticketNumber = /^#?(\d{1,9})$/.exec(query.trim())?.[1];
  const ticketResults = canSearchTickets && term.length >= 2 ? (found.data?.tickets ?? []).slice(0, 6) : [];
  const customerResults =
    canSearchTickets && term.length >= 2 ? (found.data?.customers ?? []).slice(0, 6) : [];
  const nothing =
    pages.length === 0 &&
    peopleResults.length === 0 &&
    ticketResults.length === 0 &&
    customerResults.length === 0 &&
    !ticketNumber;

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} scrollable maxHeight={420}>
      <Spotlight.Search
        placeholder={canSearchTickets ? 'Jump to a page, ticket, customer or person…' : 'Jump to a page…'}
        leftSection={<IconSearch size={18} stroke={1.5} />}
        aria-label="Search pages, tickets, customers and people"
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
        {canSearchTickets && ticketNumber && (
          <Spotlight.ActionsGroup label="Ticket">
            <Spotlight.Action
              label={`Open ticket #${ticketNumber}`}
              leftSection={<IconTicket size={20} stroke={1.5} />}
              onClick={() => navigate(`/inbox/all/tickets/${ticketNumber}`)}
            />
          </Spotlight.ActionsGroup>
        )}
        {ticketResults.length > 0 && (
          <Spotlight.ActionsGroup label="Tickets">
            {ticketResults.map(({ ticket }) => (
              <Spotlight.Action
                key={ticket.id}
                label={`#${ticket.id} ${ticket.subject}`}
                description={ticket.requester.name}
                leftSection={<IconTicket size={20} stroke={1.5} />}
                onClick={() => navigate(`/inbox/all/tickets/${ticket.id}`)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {customerResults.length > 0 && (
          <Spotlight.ActionsGroup label="Customers">
            {customerResults.map((customer) => (
              <Spotlight.Action
                key={customer.id}
                label={customer.name}
                description={[customer.email, customer.organization].filter(Boolean).join(' · ')}
                leftSection={<IconAddressBook size={20} stroke={1.5} />}
                onClick={() => navigate(`/customers/${customer.id}`)}
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
        {nothing && (
          <Spotlight.Empty>
            {term.length >= 2 && (people.isFetching || found.isFetching) ? (
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
