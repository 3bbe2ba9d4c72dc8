// The article reader: title, outlet, date, original address (a link only
// for http(s) addresses, opened by the user's choice) and the cleaned text
// with the byte span [begin, end) of a claim or sentence highlighted.
// Offsets are UTF-8 byte offsets into `text` (doc/export.md).
import { h } from './dom.js';

// Splits text at UTF-8 byte offsets; null when they do not fit the text.
export function splitAtBytes(text, begin, end) {
  const bytes = new TextEncoder().encode(text);
  if (!(begin >= 0 && end >= begin && end <= bytes.length)) return null;
  const dec = new TextDecoder();
  return [dec.decode(bytes.subarray(0, begin)), dec.decode(bytes.subarray(begin, end)), dec.decode(bytes.subarray(end))];
}

const safeUrl = (url) => (typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null);

export function renderArticle(a, span) {
  const text = a.text || '';
  const parts = span ? splitAtBytes(text, span.begin, span.end) : null;
  const mark = parts ? h('mark', { testid: 'reader-highlight' }, parts[1]) : null;
  const url = safeUrl(a.url);
  const node = h('div', { class: 'article', testid: 'reader-article', data: { article: a.id } },
    h('h3', {}, a.title || `Article ${a.id}`),
    h('p', { class: 'muted' }, [a.outlet, a.published, a.author].filter(Boolean).join(' · ') || 'no outlet or date stated'),
    url ? h('p', { class: 'muted small' }, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url))
      : a.url ? h('p', { class: 'muted small' }, a.url) : null,
    a.duplicate_of ? h('p', { class: 'note' }, `Near-copy of article ${a.duplicate_of}.`) : null,
    h('div', { class: 'article-text' }, parts ? [parts[0], mark, parts[2]] : text));
  return { node, mark };
}
