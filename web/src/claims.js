// Claims side by side: one column per side (AZ, AM, NK, RU, TR, INTL,
// OTHER, media), each claim with its source, stance and the source's own
// words as a quotation. The dashboard adds no words of its own about who
// is right. Columns: data-testid="claims-side" data-side=<side>; claims:
// data-testid="claim", quotes data-testid="claim-quote".
import { h, quote } from './dom.js';
import { claimSide, sideLabel, sortSides } from './vocab.js';

// claims: [{source: {name, side?, kind}, side?, stance, verb, text, article,
// begin?, end?, incident?, relation?}]. onArticle(articleId, span|null).
// extra(claim) may return nodes appended to a claim (e.g. its incident).
export function claimColumns(claims, { onArticle, extra } = {}) {
  const bySide = new Map();
  for (const c of claims || []) {
    const side = claimSide(c);
    if (!bySide.has(side)) bySide.set(side, []);
    bySide.get(side).push(c);
  }
  if (!bySide.size) return h('p', { class: 'muted', testid: 'no-claims' }, 'No attributed statements.');
  return h('div', { class: 'claims', testid: 'claims' },
    sortSides(bySide.keys()).map((side) => h('section', { class: 'claims-col', testid: 'claims-side', data: { side } },
      h('h4', {}, sideLabel(side)),
      bySide.get(side).map((c) => claimCard(c, onArticle, extra)))));
}

function claimCard(c, onArticle, extra) {
  const span = Number.isInteger(c.begin) && Number.isInteger(c.end) ? { begin: c.begin, end: c.end } : null;
  return h('article', { class: 'claim', testid: 'claim', data: { stance: c.stance || '' } },
    h('div', { class: 'claim-source' },
      h('span', { class: 'claim-source-name', testid: 'claim-source' }, c.source?.name || 'unnamed source'),
      c.source?.kind ? h('span', { class: 'muted' }, ` (${c.source.kind})`) : null),
    h('div', { class: 'claim-stance' },
      h('span', { class: `stance stance-${c.stance}`, testid: 'claim-stance' }, c.stance || 'states'),
      c.verb ? h('span', { class: 'muted' }, ` · “${c.verb}”`) : null),
    h('blockquote', {}, quote(c.text, 'claim-quote')),
    extra ? extra(c) : null,
    Number.isInteger(c.article) && onArticle
      ? h('button', { type: 'button', class: 'link', testid: 'claim-article', onclick: () => onArticle(c.article, span) },
        `read in article ${c.article}`)
      : null);
}
