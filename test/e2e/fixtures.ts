import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  type ConsoleMessage,
  expect,
  type WebError,
} from '@playwright/test';

export { expect };

/** A console error or uncaught page error, as the failure lists it. */
interface BrowserError {
  kind: 'console' | 'page';
  text: string;
  where: string;
}

interface ConsoleFixtures {
  /**
   * Lets console errors whose text matches `pattern` pass in this test only: for a test that
   * causes one on purpose (a 4xx it asks for). Everything else fails the test.
   */
  allowConsoleError: (pattern: RegExp) => void;
}

interface ConsoleWatch {
  errors: BrowserError[];
  allowed: RegExp[];
  watch: (context: BrowserContext) => void;
}

function fromConsole(message: ConsoleMessage): BrowserError {
  const { url, lineNumber } = message.location();
  return { kind: 'console', text: message.text(), where: url ? `${url}:${lineNumber}` : '' };
}

function fromPage(error: WebError): BrowserError {
  const thrown = error.error();
  return { kind: 'page', text: thrown.stack ?? thrown.message, where: error.page()?.url() ?? '' };
}

function listErrors(errors: BrowserError[]): string {
  return errors.map((e) => `  [${e.kind}] ${e.text}${e.where ? ` (${e.where})` : ''}`).join('\n');
}

/**
 * `test` for every browser spec: a test fails when any page it opened logs a console error or
 * throws, in the default context and in every context the test makes with `browser.newContext()`
 * or `browser.newPage()`. A test that expects an error says so with `allowConsoleError(/…/)`.
 */
export const test = base.extend<ConsoleFixtures & { consoleWatch: ConsoleWatch }>({
  consoleWatch: [
    async ({ browser }, use, testInfo) => {
      const watched = new WeakSet<BrowserContext>();
      const state: ConsoleWatch = {
        errors: [],
        allowed: [],
        watch: (context) => {
          if (watched.has(context)) return;
          watched.add(context);
          context.on('console', (message) => {
            if (message.type() === 'error') state.errors.push(fromConsole(message));
          });
          context.on('weberror', (error) => state.errors.push(fromPage(error)));
        },
      };
      // Contexts a test makes itself (several people at once) are watched too, for this test only.
      const newContext = browser.newContext;
      browser.newContext = async function watchedContext(this: Browser, options?: BrowserContextOptions) {
        const context = await newContext.call(this, options);
        state.watch(context);
        return context;
      };
      try {
        await use(state);
      } finally {
        browser.newContext = newContext;
      }
      const unexpected = state.errors.filter((e) => !state.allowed.some((pattern) => pattern.test(e.text)));
      if (unexpected.length === 0) return;
      // A test that failed already says why: the errors go beside that, not over it.
      if (testInfo.status !== testInfo.expectedStatus) {
        testInfo.annotations.push({ type: 'browser errors', description: listErrors(unexpected) });
        return;
      }
      throw new Error(`The browser reported ${unexpected.length} error(s):\n${listErrors(unexpected)}`);
    },
    { auto: true },
  ],
  context: async ({ context, consoleWatch }, use) => {
    consoleWatch.watch(context);
    await use(context);
  },
  allowConsoleError: async ({ consoleWatch }, use) => {
    await use((pattern) => consoleWatch.allowed.push(pattern));
  },
});
