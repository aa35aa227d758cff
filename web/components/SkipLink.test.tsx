import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mainContentId, SkipLink } from './SkipLink';

function Layout() {
  return (
    <>
      <SkipLink />
      <header>
        <button type="button">Menu</button>
        <a href="/inbox">Inbox</a>
      </header>
      <main id={mainContentId} tabIndex={-1}>
        <button type="button">First in the page</button>
      </main>
    </>
  );
}

describe('SkipLink', () => {
  it('is the first Tab stop and moves the focus past the header to the main content', async () => {
    const user = userEvent.setup();
    render(<Layout />);
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveFocus();
    expect(skip).toHaveAttribute('href', `#${mainContentId}`);

    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'First in the page' })).toHaveFocus();
  });

  it('leaves the address alone: the router would take a #hash for a new page', async () => {
    const user = userEvent.setup();
    render(<Layout />);
    const before = window.location.href;
    await user.click(screen.getByRole('link', { name: 'Skip to main content' }));
    expect(window.location.href).toBe(before);
    expect(screen.getByRole('main')).toHaveFocus();
  });
});
