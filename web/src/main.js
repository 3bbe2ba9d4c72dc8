// The dashboard's entry point: reads the filters from the URL hash, asks
// the API, and wires the map, timeline, list, incident panel, reader and
// provisions view together. State lives in the hash
// (#since=..&until=..&type=..&side=..&place=..&bbox=..&incident=..&view=provisions)
// so a view can be bookmarked and the back button works.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { createMap } from './map.js';
import { createTimeline } from './timeline.js';
import { renderList } from './list.js';
import { renderIncident } from './incident.js';
import { renderArticle } from './reader.js';
import { renderProvisions } from './provisions.js';
import { renderSearch } from './search.js';
import { SIDES, TYPES, sideLabel, typeLabel } from './vocab.js';

const FILTERS = ['since', 'until', 'type', 'side', 'place']; // form fields
// `bbox` is a filter too: set from the map's view while "only the map's view" is on.
const $ = (id) => document.getElementById(id);
const els = {
  form: $('filters'), status: $('status'), error: $('error'), list: $('list'),
  incident: $('incident'), reader: $('reader'), provisions: $('provisions'),
  incidentsView: $('incidents-view'), provisionsView: $('provisions-view'),
  tabIncidents: $('tab-incidents'), tabProvisions: $('tab-provisions'),
  searchForm: $('search-form'), searchResults: $('search-results'),
};
const state = { incidents: [], contested: new Set(), contradictions: [], provisions: null, selected: null, query: '' };

const readHash = () => new URLSearchParams(location.hash.slice(1));
function writeHash(update) {
  const p = readHash();
  for (const [k, v] of Object.entries(update)) { if (v === '' || v === null || v === undefined) p.delete(k); else p.set(k, v); }
  const next = `#${p.toString()}`;
  if (next !== location.hash) location.hash = next; else route();
}
const filtersFrom = (p) => Object.fromEntries([...FILTERS, 'bbox'].map((k) => [k, p.get(k) || '']));

function showError(err) {
  replace(els.error, err ? `Error: ${err.message || err}` : '');
  els.error.hidden = !err;
}

const map = createMap($('map'), { onSelect: (id) => writeHash({ incident: id }) });
const timeline = createTimeline($('timeline'), { onRange: (since, until) => writeHash({ since, until, incident: '' }) });

function fillSelects(types, sides) {
  const typeSel = els.form.elements.type; const sideSel = els.form.elements.side;
  typeSel.replaceChildren(h('option', { value: '' }, 'all types'), ...types.map((t) => h('option', { value: t }, typeLabel(t))));
  sideSel.replaceChildren(h('option', { value: '' }, 'all sides'), ...sides.map((s) => h('option', { value: s }, sideLabel(s))));
}

// The place names (and regions) of the incidents loaded, offered while
// typing a place: the API matches a place exactly.
function fillPlaceNames(incidents) {
  const names = new Set();
  for (const inc of incidents) for (const l of inc.locations || []) for (const n of [l.name, l.admin1, l.admin2]) if (n) names.add(n);
  $('place-names').replaceChildren(...[...names].sort().map((n) => h('option', { value: n })));
}

// Types and sides from /api/types when the server offers it, else the
// project's vocabulary.
async function loadVocabulary() {
  const v = await api.types();
  const names = (list) => (Array.isArray(list) ? list.map((x) => (typeof x === 'string' ? x : x?.type || x?.side || x?.name)).filter(Boolean) : null);
  fillSelects(names(v?.types) || TYPES.map(([t]) => t), names(v?.sides) || SIDES.filter((s) => s !== 'media'));
}

async function loadIncidents(filters) {
  const key = JSON.stringify(filters);
  if (key === state.query) return;
  state.query = key;
  replace(els.status, 'Loading…');
  const anyDay = { ...filters, since: '', until: '' }; // for the timeline
  const [shown, all] = await Promise.all([
    api.allIncidents(filters),
    filters.since || filters.until ? api.allIncidents(anyDay) : null,
  ]);
  if (key !== state.query) return; // a newer query is on its way
  state.incidents = shown.incidents;
  map.setIncidents(shown.incidents);
  timeline.render((all || shown).incidents, filters);
  fillPlaceNames((all || shown).incidents);
  replace(els.list, renderList(shown.incidents, { selected: state.selected, contested: state.contested, onSelect: (id) => writeHash({ incident: id }) }));
  replace(els.status, `${shown.incidents.length} of ${shown.total} incident(s)`);
  els.status.setAttribute('data-total', String(shown.total));
  els.status.setAttribute('data-loaded', String(shown.incidents.length));
}

async function showIncident(id) {
  state.selected = id;
  map.select(id);
  for (const row of els.list.querySelectorAll('[data-testid="incident-row"]')) row.classList.toggle('selected', row.dataset.incident === String(id));
  if (!id) { replace(els.incident, h('p', { class: 'muted' }, 'Select an incident on the map, the list or the timeline.')); return; }
  replace(els.incident, 'Loading…');
  const inc = await api.incident(id);
  if (state.selected !== id) return;
  replace(els.incident, renderIncident(inc, { contradictions: state.contradictions, onArticle: showArticle }));
}

async function showArticle(id, span) {
  replace(els.reader, 'Loading…');
  els.reader.hidden = false;
  try {
    const a = await api.article(id);
    const { node, mark } = renderArticle(a, span);
    replace(els.reader, h('button', { type: 'button', class: 'close', testid: 'reader-close', onclick: () => { els.reader.hidden = true; } }, 'close'), node);
    if (mark) mark.scrollIntoView({ block: 'center' });
  } catch (err) { replace(els.reader, `Article ${id}: ${err.message}`); }
}

async function showProvisions() {
  if (!state.provisions) {
    replace(els.provisions, 'Loading…');
    state.provisions = await api.provisions();
  }
  replace(els.provisions, renderProvisions(state.provisions, {
    onIncident: (id) => writeHash({ view: '', incident: id }), onArticle: showArticle,
  }));
}

async function route() {
  const p = readHash();
  const filters = filtersFrom(p);
  for (const k of FILTERS) if (els.form.elements[k].value !== filters[k]) els.form.elements[k].value = filters[k];
  els.form.elements.inview.checked = Boolean(filters.bbox);
  const provisions = p.get('view') === 'provisions';
  els.incidentsView.hidden = provisions; els.provisionsView.hidden = !provisions;
  els.tabIncidents.setAttribute('aria-selected', String(!provisions));
  els.tabProvisions.setAttribute('aria-selected', String(provisions));
  try {
    showError(null);
    if (provisions) { await showProvisions(); return; }
    map.invalidate();
    await loadIncidents(filters);
    const id = Number.parseInt(p.get('incident') || '', 10);
    if ((Number.isInteger(id) ? id : null) !== state.selected || !els.incident.firstChild) await showIncident(Number.isInteger(id) ? id : null);
  } catch (err) { showError(err); state.query = ''; }
}

els.form.addEventListener('submit', (e) => {
  e.preventDefault();
  const values = Object.fromEntries(FILTERS.map((k) => [k, els.form.elements[k].value.trim()]));
  writeHash({ ...values, bbox: els.form.elements.inview.checked ? map.bbox() : '', incident: '' });
});
els.form.elements.inview.addEventListener('change', (e) => writeHash({ bbox: e.target.checked ? map.bbox() : '' }));
map.onMove(() => { if (els.form.elements.inview.checked) writeHash({ bbox: map.bbox() }); });
els.form.addEventListener('reset', (e) => {
  e.preventDefault();
  writeHash(Object.fromEntries([...FILTERS, 'bbox', 'incident'].map((k) => [k, ''])));
});
els.searchForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  const q = els.searchForm.elements.q.value.trim();
  if (!q) { replace(els.searchResults); return; }
  replace(els.searchResults, 'Searching…');
  try { replace(els.searchResults, renderSearch(await api.search(q), { onArticle: showArticle })); }
  catch (err) { replace(els.searchResults, `Search: ${err.message}`); }
});
els.tabIncidents.addEventListener('click', () => writeHash({ view: '' }));
els.tabProvisions.addEventListener('click', () => writeHash({ view: 'provisions' }));
window.addEventListener('hashchange', route);

async function start() {
  try {
    const [boundaries, contradictions] = await Promise.all([
      fetch('boundaries.geojson').then((r) => { if (!r.ok) throw new Error(`boundaries.geojson: HTTP ${r.status}`); return r.json(); }),
      api.contradictions().catch(() => []),
      loadVocabulary(),
    ]);
    map.setBoundaries(boundaries);
    if (readHash().get('bbox')) map.fitBbox(readHash().get('bbox'));
    state.contradictions = Array.isArray(contradictions) ? contradictions : contradictions?.contradictions || [];
    state.contested = new Set(state.contradictions.map((c) => c.incident?.id));
  } catch (err) { showError(err); }
  await route();
  document.body.setAttribute('data-ready', 'true');
}
start();
