// Full-text search over the articles (/api/search?q=): each hit's title,
// outlet, date and passage, the matched words (between '[' and ']' in the
// server's snippet) marked; a hit opens in the reader. Hits:
// data-testid="search-hit" data-article.
import { h } from './dom.js';

// "a [b] c" -> ['a ', <mark>b</mark>, ' c'], as text nodes.
function markSnippet(snippet) {
  return String(snippet || '').split(/(\[[^\]]*\])/).filter(Boolean)
    .map((part) => (part.startsWith('[') && part.endsWith(']') ? h('mark', {}, part.slice(1, -1)) : part));
}

export function renderSearch(answer, { onArticle }) {
  const hits = answer?.results || [];
  if (!hits.length) return h('p', { class: 'muted', testid: 'search-none' }, `No article matches “${answer?.q ?? ''}”.`);
  return h('ol', { class: 'search-hits', testid: 'search-hits' }, hits.map((a) => h('li', { testid: 'search-hit', data: { article: a.id } },
    h('button', { type: 'button', class: 'link', onclick: () => onArticle(a.id, null) }, a.title || `Article ${a.id}`),
    h('span', { class: 'muted small' }, ` ${[a.outlet, a.published].filter(Boolean).join(' · ')}`),
    h('div', { class: 'small' }, markSnippet(a.snippet)))));
}
