import { render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { documentTitle, portalSite, usePageTitle } from './title';

function Page({ title, site }: { title: string | null; site?: string }) {
  usePageTitle(title, site);
  return null;
}

describe('usePageTitle', () => {
  afterEach(() => {
    document.title = '';
  });

  it('names the tab after the page, then the site', () => {
    render(<Page title="Ticket #123" />);
    expect(document.title).toBe('Ticket #123 · Steward');
  });

  it('follows the page when its name arrives or changes', () => {
    const { rerender } = render(<Page title={null} />);
    expect(document.title).toBe('Steward');
    rerender(<Page title="Grace Hopper" />);
    expect(document.title).toBe('Grace Hopper · Steward');
  });

  it('gives the site name back when the page goes, and the next page its own', () => {
    const { rerender, unmount } = render(<Page key="a" title="Customers" />);
    rerender(<Page key="b" title="Users" />);
    expect(document.title).toBe('Users · Steward');
    unmount();
    expect(document.title).toBe('Steward');
  });

  it("uses the customers' site name in the portal", () => {
    render(<Page title="New request" site={portalSite} />);
    expect(document.title).toBe('New request · Your requests');
  });
});

describe('documentTitle', () => {
  it('leaves out an empty or blank page name', () => {
    expect(documentTitle('')).toBe('Steward');
    expect(documentTitle('   ')).toBe('Steward');
    expect(documentTitle(undefined)).toBe('Steward');
    expect(documentTitle(' Inbox ')).toBe('Inbox · Steward');
  });
});
