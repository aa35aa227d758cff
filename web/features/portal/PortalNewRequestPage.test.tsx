import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PortalTicketDetail } from '../../../contracts/portal';
import { reply, replyError, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { PortalNewRequestPage } from './PortalNewRequestPage';

const receipt = {
  id: 7,
  filename: 'receipt.pdf',
  contentType: 'application/pdf',
  size: 2048,
  url: '/api/v1/attachments/7',
};

const created = (id: number): PortalTicketDetail => ({
  id,
  subject: 'Broken kettle',
  status: 'new',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  followUpOfId: null,
  messages: [],
});

function fileInput(container: HTMLElement): HTMLInputElement {
  return container.querySelector('input[type="file"]') as HTMLInputElement;
}

describe('PortalNewRequestPage', { timeout: 30_000 }, () => {
  it('sends the files picked with the new request', async () => {
    const net = stubNetwork({ 'POST /portal/attachments': reply(201, receipt) });
    net.on('POST /portal/tickets', reply(201, created(55)));
    const { user, container, location } = renderWithProviders(<PortalNewRequestPage />, {
      route: '/portal/requests/new',
    });
    await user.type(screen.getByLabelText(/^Subject/), 'Broken kettle');
    await user.type(screen.getByLabelText(/^How can we help/), 'It stopped working.');
    await user.upload(fileInput(container), new File(['%PDF'], 'receipt.pdf', { type: 'application/pdf' }));
    expect(await screen.findByRole('group', { name: 'Files to send' })).toHaveTextContent('receipt.pdf');

    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(location()).toBe('/portal/requests/55'));
    expect(net.callsTo('POST /portal/tickets')[0]!.body).toEqual({
      subject: 'Broken kettle',
      body: 'It stopped working.',
      attachmentIds: [7],
    });
  });

  it('says why a file was not attached, and a removed file is not sent', async () => {
    const net = stubNetwork({
      'POST /portal/attachments': replyError(
        415,
        'ATTACHMENT_TYPE_REFUSED',
        'Files like setup.exe can carry programs and are not accepted',
      ),
    });
    net.on('POST /portal/tickets', reply(201, created(56)));
    const { user, container } = renderWithProviders(<PortalNewRequestPage />, {
      route: '/portal/requests/new',
    });
    await user.upload(fileInput(container), new File(['MZ'], 'setup.exe', { type: 'application/pdf' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'setup.exe was not attached: Files like setup.exe',
    );

    net.on('POST /portal/attachments', reply(201, receipt));
    await user.upload(fileInput(container), new File(['%PDF'], 'receipt.pdf', { type: 'application/pdf' }));
    await user.click(await screen.findByRole('button', { name: 'Remove receipt.pdf' }));
    await user.type(screen.getByLabelText(/^Subject/), 'Kettle');
    await user.type(screen.getByLabelText(/^How can we help/), 'Broken.');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(net.callsTo('POST /portal/tickets')).toHaveLength(1));
    expect(net.callsTo('POST /portal/tickets')[0]!.body).toMatchObject({ attachmentIds: [] });
  });
});
