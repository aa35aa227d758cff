import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTicket } from '../../test/fixtures';
import { stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { Composer } from './Composer';
import { appendToDraft } from './drafts';

const ticket = makeTicket(7);

function renderComposer(onPickMacro: () => void, revision = 0) {
  stubNetwork({
    [`GET /tickets/${ticket.id}/copies`]: { copies: [], suggestions: [] },
    [`PUT /tickets/${ticket.id}/replying`]: { ticketId: ticket.id, agents: [] },
    [`DELETE /tickets/${ticket.id}/replying`]: null,
  });
  const props = {
    ticket,
    mode: 'reply' as const,
    onModeChange: vi.fn(),
    onClose: vi.fn(),
    others: [],
    autoFocus: false,
    onPickMacro,
  };
  const rendered = renderWithProviders(<Composer {...props} revision={revision} />);
  return {
    ...rendered,
    rerenderAt: (next: number) => rendered.rerender(<Composer {...props} revision={next} />),
  };
}

describe('Composer and macros', () => {
  beforeEach(() => {
    window.localStorage.clear();
    window.localStorage.setItem('steward.composer.editor.v1', 'markdown');
  });

  it('opens the macro picker with the bolt button and with Alt+M while writing', async () => {
    const onPickMacro = vi.fn();
    const { user } = renderComposer(onPickMacro);
    await user.click(screen.getByRole('button', { name: 'Apply a macro' }));
    expect(onPickMacro).toHaveBeenCalledTimes(1);
    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Dear Grace');
    await user.keyboard('{Alt>}m{/Alt}');
    expect(onPickMacro).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('Dear Grace');
  });

  it("shows a macro's text after what was already written, ready to edit", async () => {
    const { user, rerenderAt } = renderComposer(vi.fn());
    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Dear Grace,');
    appendToDraft(ticket.id, 'reply', 'your refund is on its way.');
    rerenderAt(1);
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue(
      'Dear Grace,\n\nyour refund is on its way.',
    );
  });
});
