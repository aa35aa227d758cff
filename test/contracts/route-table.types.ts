/**
 * Type-level checks of the web client against the route table: `npx tsc --noEmit` fails when
 * a wrong call stops being an error. Nothing here runs.
 */
import { routes } from '../../contracts/api';
import { api } from '../../web/app/api';

export async function typedCalls(signal: AbortSignal): Promise<string[]> {
  const user = await api.call(routes.users.get, { params: { id: 1 }, signal });
  const page = await api.call(routes.users.list, { query: { q: 'ann', status: 'all', limit: 20 } });
  const template = await api.call(routes.mail.previewTemplate, {
    params: { key: 'ticket_received' },
    body: { subject: 'Hello', body: 'Body' },
  });
  await api.call(routes.auth.logout);
  await api.call(routes.tickets.attach, { params: { id: 3 }, file: new File(['x'], 'x.txt') });

  // @ts-expect-error a body the route does not take: the name must be a string
  await api.call(routes.teams.create, { body: { name: 42 } });
  // @ts-expect-error a body with a field the route does not know
  await api.call(routes.tickets.update, { params: { id: 1 }, body: { colour: 'red' } });
  // @ts-expect-error the path parameter :id is missing
  await api.call(routes.users.get, {});
  // @ts-expect-error no options at all: the path parameter :id is missing
  await api.call(routes.tickets.get);
  // @ts-expect-error the template key is one of the known templates
  await api.call(routes.mail.resetTemplate, { params: { key: 'no_such_template' } });
  // @ts-expect-error a query the route does not take
  await api.call(routes.users.list, { query: { colour: 'red' } });
  // @ts-expect-error a body on a route that takes none
  await api.call(routes.auth.logout, { body: { now: true } });
  // @ts-expect-error an upload needs its file
  await api.call(routes.tickets.attach, { params: { id: 3 } });

  // @ts-expect-error a link to a message's original mail needs the message too
  api.urlOf(routes.tickets.messageOriginal, { id: 1 });

  // @ts-expect-error a user has no such field
  const wrongField: string = user.colour;
  // @ts-expect-error a page's items are in data, not items
  const wrongPage = page.items;
  // @ts-expect-error the rendered mail has text and html, not body
  const wrongBody: string = template.body;

  return [user.email, page.data[0]?.name ?? '', template.html, wrongField, String(wrongPage), wrongBody];
}
