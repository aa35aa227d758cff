import { expect, type Page, type TestInfo } from '@playwright/test';

export const phone = { width: 390, height: 844 };
export const laptop = { width: 1440, height: 900 };

/** An element that reaches past the sides of the window, as the test reports it. */
interface Overflow {
  element: string;
  left: number;
  right: number;
}

/**
 * Elements that stick out of the window sideways, or are wider than it. Content cut by an
 * ancestor that itself fits (a truncated line, a scrolled list) does not count, nor do hidden
 * and empty boxes, nor what is hidden from people on purpose (`aria-hidden`, e.g. a honeypot).
 */
function findOverflows(): Overflow[] {
  const width = window.innerWidth;
  const outside = (rect: DOMRect) => rect.left < -1 || rect.right > width + 1;
  const clippedByFittingAncestor = (element: Element): boolean => {
    for (
      let parent = element.parentElement;
      parent && parent !== document.body;
      parent = parent.parentElement
    ) {
      const style = getComputedStyle(parent);
      if (style.overflowX !== 'visible') return !outside(parent.getBoundingClientRect());
    }
    return false;
  };
  const nameOf = (element: Element): string => {
    const label = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
    const classes = [...element.classList].slice(0, 2).join('.');
    return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''} "${label}"`;
  };
  // The outermost offenders only: what is inside them sticks out with them.
  const offenders: Element[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const rect = element.getBoundingClientRect();
    if (rect.width < 2 || rect.height < 2 || !outside(rect)) continue;
    if (getComputedStyle(element).visibility === 'hidden' || element.closest('[aria-hidden="true"]'))
      continue;
    if (clippedByFittingAncestor(element)) continue;
    if (offenders.some((offender) => offender.contains(element))) continue;
    offenders.push(element);
  }
  return offenders.map((element) => {
    const rect = element.getBoundingClientRect();
    return { element: nameOf(element), left: Math.round(rect.left), right: Math.round(rect.right) };
  });
}

/**
 * The page scrolls only up and down: the document is no wider than the window, and no element
 * sticks out of it. Saves a screenshot of the page under the test's results, named `name`.
 */
export async function expectFitsWindow(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  // A drawer or menu still sliding in is not where it will rest: measure once nothing moves.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const overflows = await page.evaluate(findOverflows);
  expect.soft(overflows, `${name}: elements outside the ${widths.window} px window`).toEqual([]);
  expect.soft(widths.scroll, `${name}: the page is wider than the window`).toBeLessThanOrEqual(widths.window);
}
