// Client of the `ceasewatch serve` JSON API (doc/dashboard.md). Every call
// resolves to parsed JSON or rejects with an Error whose message is the
// server's {"error": ...} text (or the HTTP status). Same origin only.

async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) query.set(k, v);
  const qs = query.toString();
  const res = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch { /* not JSON: reported below */ }
  if (!res.ok) {
    const err = new Error(body && body.error ? String(body.error) : `HTTP ${res.status} for ${path}`);
    err.status = res.status;
    throw err;
  }
  if (body === null) throw new Error(`${path}: the answer is not JSON`);
  return body;
}

// The filter keys the API understands; `filters` may hold others.
const FILTER_KEYS = ['since', 'until', 'type', 'side', 'place', 'bbox'];
const pick = (filters) => Object.fromEntries(FILTER_KEYS.map((k) => [k, filters[k]]));

export const MAX_LIMIT = 1000;

export const api = {
  // One page: {total, limit, offset, incidents}.
  incidents: (filters, limit = MAX_LIMIT, offset = 0) =>
    getJSON('/api/incidents', { ...pick(filters), limit, offset }),
  // Up to `cap` incidents over several pages: {total, incidents}.
  async allIncidents(filters, cap = 5 * MAX_LIMIT) {
    const first = await api.incidents(filters, MAX_LIMIT, 0);
    const incidents = [...first.incidents];
    while (incidents.length < Math.min(first.total, cap)) {
      const page = await api.incidents(filters, MAX_LIMIT, incidents.length);
      if (!page.incidents.length) break;
      incidents.push(...page.incidents);
    }
    return { total: first.total, incidents };
  },
  incident: (id) => getJSON(`/api/incidents/${encodeURIComponent(id)}`),
  article: (id) => getJSON(`/api/articles/${encodeURIComponent(id)}`),
  contradictions: () => getJSON('/api/contradictions'),
  search: (q, limit = 20) => getJSON('/api/search', { q, limit }),
  provisions: () => getJSON('/api/provisions'),
  // Optional endpoint: null when the server has none.
  types: () => getJSON('/api/types').catch(() => null),
};
