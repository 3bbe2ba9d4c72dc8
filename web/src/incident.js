// The incident panel: what the fused reports say (type, window, places,
// parties, figures as ranges, sources), the claims of each side side by
// side, any contradiction between sides, and every member report with a
// link to its article. Root: data-testid="incident-detail" data-incident.
import { h, quote, rangeText, windowText } from './dom.js';
import { claimColumns } from './claims.js';
import { sideLabel, typeColour, typeLabel } from './vocab.js';

const fact = (term, ...value) => [h('dt', {}, term), h('dd', {}, ...value)];

export function renderIncident(inc, { contradictions = [], onArticle }) {
  const places = (inc.locations || []).map((l) =>
    [l.name, [l.admin1, l.country].filter(Boolean).join(', ')].filter(Boolean).join(' — '));
  const actors = (inc.actors || []).map((a) => `${a.name}${a.side ? ` (${a.side})` : ''}${a.role ? `, ${a.role}` : ''}`);
  const killed = rangeText(inc.fatalities); const injured = rangeText(inc.injured);
  const mine = contradictions.filter((c) => c.incident?.id === inc.id);
  return h('div', { class: 'incident', testid: 'incident-detail', data: { incident: inc.id } },
    h('h2', {}, h('span', { class: 'swatch', style: `background:${typeColour(inc.type)}` }),
      `${typeLabel(inc.type)}`, h('span', { class: 'muted' }, ` · incident ${inc.id}`)),
    inc.background ? h('p', { class: 'note', testid: 'background-note' }, 'Every report mentions this as history, not as news.') : null,
    h('dl', { class: 'facts' },
      inc.acled ? fact('ACLED', `${inc.acled.event_type} / ${inc.acled.sub_event_type}`) : null,
      fact('When', windowText(inc.date, inc.date_end),
        inc.date_precision ? h('span', { class: 'muted' }, ` (${inc.date_precision})`) : null,
        inc.date_text ? [' ', h('span', { class: 'muted' }, 'from '), quote(inc.date_text)] : null),
      fact('Where', places.length ? places.join('; ') : 'no place named'),
      fact('Sides', (inc.sides || []).length ? inc.sides.map(sideLabel).join(', ') : 'none named'),
      actors.length ? fact('Actors', actors.join('; ')) : null,
      fact('Killed', killed ? `${killed} (range over what the sources say)` : 'no figure given'),
      injured ? fact('Injured', `${injured} (range over what the sources say)`) : null,
      fact('Sources', `${inc.corroboration?.sources ?? '?'} outlet(s), ${inc.corroboration?.reports ?? (inc.reports || []).length} report(s)`)),
    mine.length ? h('section', { class: 'contradictions', testid: 'contradictions' },
      h('h3', {}, 'Accounts that conflict'),
      h('p', { class: 'muted small' }, 'What one side states, another denies or disputes, or their figures cannot both hold:'),
      mine.map((c) => h('p', { testid: 'contradiction', data: { kind: c.kind } },
        `${c.kind === 'stance' ? 'statements' : c.kind}: `,
        (c.claims || []).map((cl, i) => [i ? ' — ' : '',
          h('strong', {}, cl.side), ` (${cl.source}) ${cl.stance}`,
          cl.figure ? `, ${rangeText(cl.figure)} ${c.kind === 'injured' ? 'injured' : 'killed'}` : '']))))
      : null,
    h('h3', {}, 'What each side says'),
    claimColumns(inc.claims, { onArticle }),
    h('h3', {}, 'Reports'),
    h('ol', { class: 'reports', testid: 'reports' }, (inc.reports || []).map((r) => h('li', {},
      quote(r.sentence), ' ',
      h('button', {
        type: 'button', class: 'link', testid: 'report-article',
        onclick: () => onArticle(r.article, Number.isInteger(r.sentence_begin) ? { begin: r.sentence_begin, end: r.sentence_end } : null),
      }, `article ${r.article}`),
      r.background ? h('span', { class: 'muted' }, ' (history)') : null))));
}
