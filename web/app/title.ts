import { useEffect } from 'react';

/** What the browser tab, history and bookmarks call a page before it has a name of its own. */
export const appName = 'Steward';

/** The customers' side: the portal and its sign-in pages, named by what it holds ("Help center" once it holds articles too). */
export const portalSite = 'Your requests';

/** "Inbox · Steward": the page's name first, so tabs and screen readers tell pages apart. */
export function documentTitle(page: string | null | undefined, site: string = appName): string {
  const name = page?.trim();
  return name ? `${name} · ${site}` : site;
}

/**
 * Names the browser tab after the page ("Ticket #123 · Steward"). Call it once per page, in the
 * page's own component (not in a child of it as well: a parent's effect runs after its child's
 * and would win). `site` is the place the page belongs to, e.g. the customers' help center.
 * While the page has no name yet (loading), the tab keeps the site's.
 */
export function usePageTitle(page: string | null | undefined, site: string = appName): void {
  const title = documentTitle(page, site);
  useEffect(() => {
    document.title = title;
  }, [title]);
  // Back to the bare site name when the page goes, so the next one never shows a stale name.
  useEffect(
    () => () => {
      document.title = site;
    },
    [site],
  );
}
