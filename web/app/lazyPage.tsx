import { type ComponentType, lazy, Suspense } from 'react';
import { LoadingState } from '../components/LoadingState';

interface LazyPageOptions {
  /**
   * A page people open first, signed out (sign-in, the contact form): it makes do with the
   * styles loaded with the app (styles-first.ts). Every other page brings all of them.
   */
  firstPage?: boolean;
}

/**
 * A page whose code is loaded when it is first opened (the bundle is split by route), with a
 * spinner meanwhile. `name` is the page's named export. A chunk that fails to load throws to the
 * route's error element.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
  { firstPage = false }: LazyPageOptions = {},
): ComponentType & { preload: () => Promise<unknown> } {
  const preload = () => Promise.all([load(), firstPage ? null : import('./styles-all')]);
  const Page = lazy(async (): Promise<{ default: ComponentType }> => {
    const [module] = await preload();
    return { default: module[name] };
  });
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page when the router module loads, never during a render
  function LazyPage() {
    return (
      <Suspense fallback={<LoadingState variant="page" label="Loading page" />}>
        <Page />
      </Suspense>
    );
  }
  LazyPage.displayName = name;
  /** Starts loading the page's code before it is shown. */
  LazyPage.preload = preload;
  return LazyPage;
}
