// The only door to the node: its public REST API, same origin, JSON.

/** GET a JSON route: resolves to { status, body } (body null when not JSON); rejects only when the node cannot be reached. */
export async function fetchJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  let body = null;
  if ((response.headers.get('content-type') || '').includes('json')) {
    try {
      body = await response.json();
    } catch (malformed) {
      body = null;
    }
  }
  return { status: response.status, body };
}
