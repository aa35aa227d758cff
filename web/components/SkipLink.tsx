import type { MouseEvent } from 'react';
import classes from './SkipLink.module.css';

/** The id of the element that holds a page's own content, the skip link's target. */
export const mainContentId = 'main-content';

/**
 * The first Tab stop of a page: "Skip to main content", shown only once focused. Moves the focus
 * to the main content without touching the address (the router would read a #hash as a new page).
 * The target needs `tabIndex={-1}` so it can take the focus.
 */
export function SkipLink({ target = mainContentId }: { target?: string }) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(target);
    if (!main) return;
    event.preventDefault();
    main.focus({ preventScroll: true });
    main.scrollIntoView({ block: 'start' });
  };
  return (
    <a href={`#${target}`} className={classes.link} onClick={skip}>
      Skip to main content
    </a>
  );
}
