// The provisions view (/api/provisions, doc/agreements.md): per agreement
// and provision, the paraphrased summary, bound sides, deadlines, the
// linked incidents with how they bear on it (possible breach,
// implementation, relevant: a link decides nothing) and every side's
// claims about them side by side. Provisions: data-testid="provision".
import { h, windowText } from './dom.js';
import { claimColumns } from './claims.js';
import { typeLabel } from './vocab.js';

const RELATION = { possible_breach: 'possible breach', implementation: 'implementation', relevant: 'relevant' };

export function renderProvisions(data, { onIncident, onArticle }) {
  const agreements = data?.agreements || [];
  if (!agreements.length) return h('p', { class: 'muted' }, 'The theatre pack holds no agreement.');
  return h('div', { testid: 'provisions-list' },
    h('p', { class: 'note' }, 'An incident linked to a provision is one of a kind that bears on it, where and when it applies. '
      + 'A link does not say that a provision was breached or kept; the claims are what each source says.'),
    agreements.map((a) => h('section', { class: 'agreement', testid: 'agreement' },
      h('h2', {}, a.title),
      h('p', { class: 'muted' }, `Signed ${a.signed}, applies from ${a.in_force}; signatories ${(a.signatories || []).join(', ')}`),
      a.notes ? h('p', { class: 'small' }, a.notes) : null,
      (a.provisions || []).map((p) => provision(p, onIncident, onArticle)))));
}

function provision(p, onIncident, onArticle) {
  const c = p.counts || {};
  return h('details', { class: 'provision', testid: 'provision', data: { provision: p.id } },
    h('summary', {},
      h('strong', {}, `${p.number}. `), p.summary, ' ',
      h('span', { class: 'counts', testid: 'provision-counts' },
        `${c.incidents ?? 0} incident(s): ${c.possible_breach ?? 0} possible breach, ${c.implementation ?? 0} implementation, ${c.relevant ?? 0} relevant`)),
    h('p', { class: 'muted' }, `Binds ${(p.bound || []).join(', ') || '—'}`,
      (p.places || []).length ? ` · applies at ${(p.places).map((pl) => pl.name).join('; ')}` : ' · applies anywhere',
      p.until ? ` · until ${p.until}` : ''),
    (p.deadlines || []).length ? h('ul', {}, p.deadlines.map((d) => h('li', {}, `${d.day}: ${d.text}`))) : null,
    p.notes ? h('p', { class: 'small' }, p.notes) : null,
    (p.incidents || []).length ? h('table', { class: 'list' },
      h('thead', {}, h('tr', {}, ['Incident', 'When', 'Type', 'Bears as', 'Acting sides', 'Where'].map((t) => h('th', {}, t)))),
      h('tbody', {}, p.incidents.map((i) => h('tr', {},
        h('td', {}, h('button', { type: 'button', class: 'link', testid: 'provision-incident', onclick: () => onIncident(i.id) }, `#${i.id}`)),
        h('td', { class: 'nowrap' }, windowText(i.date, i.date_end)),
        h('td', {}, typeLabel(i.type)),
        h('td', {}, RELATION[i.relation] || i.relation,
          (i.deadlines || []).map((d) => h('span', { class: 'muted' }, ` (${d.timing} ${d.day})`))),
        h('td', {}, (i.accused || []).join(' ') || '—'),
        h('td', {}, (i.places || []).map((pl) => pl.name).join('; ') || '—'))))) : h('p', { class: 'muted' }, 'No incident in the store bears on it.'),
    (p.claims_by_side || []).length ? [h('h4', {}, 'What each side says about these incidents'),
      claimColumns(p.claims_by_side.flatMap((g) => g.claims.map((cl) => ({ ...cl, side: g.side }))), {
        onArticle,
        extra: (cl) => h('div', { class: 'muted small' }, `incident #${cl.incident}, ${RELATION[cl.relation] || cl.relation}`),
      })] : null);
}
