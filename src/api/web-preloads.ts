// The first requests a page of the web app makes, named to the browser with the page itself
// (a Link header), so it asks for them while it is still loading and running the app's script
// instead of after: on This week that wait was the session request, then the page's own, one
// after the other. Only for a visitor the cookie signs in; anyone else would get 401s.

/**
 * Exactly the URLs the page asks for (src/web/api/hooks.ts): a preload is used only when the
 * page's own fetch names the same address. The browser test of This week checks they still match
 * (test/web/first-ten-minutes.test.ts: each is asked once).
 */
const PAGE_REQUESTS: Record<string, string[]> = {
  '/': ['/api/v1/session', '/api/v1/focus', '/api/v1/nurture', '/api/v1/plans?open=true'],
};

/** The Link header for a page's path, or null when the page has none to name. */
export function preloadLinks(url: string): string | null {
  const requests = PAGE_REQUESTS[url.split('?')[0]!];
  return requests ? requests.map((r) => `<${r}>; rel=preload; as=fetch; crossorigin`).join(', ') : null;
}
