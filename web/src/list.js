// The incident list beside the map: one row per incident (date, type,
// places, sides, outlets). Rows: data-testid="incident-row" data-incident;
// clicking one calls onSelect(id).
import { h, windowText } from './dom.js';
import { typeColour, typeLabel } from './vocab.js';

export function renderList(incidents, { selected, contested, onSelect }) {
  if (!incidents.length) return h('p', { class: 'muted', testid: 'no-incidents' }, 'No incident matches the filters.');
  return h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, ['When', 'Type', 'Where', 'Sides', 'Outlets'].map((t) => h('th', {}, t)))),
    h('tbody', {}, incidents.map((inc) => h('tr', {
      testid: 'incident-row', data: { incident: inc.id }, tabindex: 0,
      class: [inc.id === selected ? 'selected' : '', inc.background ? 'history' : ''].join(' ').trim() || null,
      onclick: () => onSelect(inc.id),
      onkeydown: (e) => { if (e.key === 'Enter') onSelect(inc.id); },
    },
    h('td', { class: 'nowrap' }, windowText(inc.date, inc.date_end)),
    h('td', {}, h('span', { class: 'swatch', style: `background:${typeColour(inc.type)}` }), typeLabel(inc.type),
      inc.background ? h('span', { class: 'muted' }, ' (history)') : null,
      contested.has(inc.id) ? h('span', { class: 'badge', title: 'sides give conflicting accounts' }, 'conflicting accounts') : null),
    h('td', {}, (inc.locations || []).map((l) => l.name).filter(Boolean).join('; ') || '—'),
    h('td', {}, (inc.sides || []).join(' ') || '—'),
    h('td', { class: 'num' }, String(inc.corroboration?.sources ?? ''))))));
}
