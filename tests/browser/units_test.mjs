// Unit tests of the dashboard's pure functions (node:test, no browser):
// byte-offset highlighting, ranges and windows as text, side order, the
// timeline's bins. Run: node --test tests/browser/units_test.mjs
import assert from 'node:assert/strict';
import test from 'node:test';
import { rangeText, windowText } from '../../web/src/dom.js';
import { splitAtBytes } from '../../web/src/reader.js';
import { binOf } from '../../web/src/timeline.js';
import { claimSide, sortSides, typeColour } from '../../web/src/vocab.js';

test('splitAtBytes cuts at UTF-8 byte offsets, not UTF-16 indexes', () => {
  // "Şuşa" is 6 bytes: Ş and ş take two each.
  const text = 'In Şuşa, “fire” was reported';
  const begin = Buffer.from('In Şuşa, ', 'utf8').length;
  const end = begin + Buffer.from('“fire”', 'utf8').length;
  assert.deepEqual(splitAtBytes(text, begin, end), ['In Şuşa, ', '“fire”', ' was reported']);
  assert.deepEqual(splitAtBytes(text, 0, 0), ['', '', text]);
  assert.equal(splitAtBytes(text, 5, 4), null);
  assert.equal(splitAtBytes(text, 0, Buffer.byteLength(text) + 1), null);
  assert.equal(splitAtBytes(text, -1, 3), null);
});

test('rangeText and windowText', () => {
  assert.equal(rangeText(null), null);
  assert.equal(rangeText({ low: 3, high: 3 }), '3');
  assert.equal(rangeText({ low: 2, high: 5 }), '2–5');
  assert.equal(rangeText({ low: 10, high: null }), 'at least 10');
  assert.equal(rangeText({ low: 0, high: 0 }), '0');
  assert.equal(windowText(null, null), 'undated');
  assert.equal(windowText('2022-09-12', '2022-09-12'), '2022-09-12');
  assert.equal(windowText('2022-09-12', '2022-09-13'), '2022-09-12 – 2022-09-13');
});

test('sides: parties in a fixed order, then media, then others; no side is media', () => {
  assert.deepEqual(sortSides(['media', 'RU', 'XX', 'AM', 'AZ', 'NK']), ['AZ', 'AM', 'NK', 'RU', 'media', 'XX']);
  assert.equal(claimSide({ source: { side: null } }), 'media');
  assert.equal(claimSide({ source: { side: 'AM' } }), 'AM');
  assert.equal(claimSide({ source: {}, side: 'RU' }), 'RU');
  assert.equal(typeColour('no_such_type'), '#555555');
  assert.notEqual(typeColour('shelling'), typeColour('armed_clash'));
});

test('timeline bins: days, weeks from Monday, calendar months', () => {
  const day = (s) => Date.parse(`${s}T00:00:00Z`);
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  assert.deepEqual(binOf(day('2022-09-13'), 'day').map(iso), ['2022-09-13', '2022-09-14']);
  // 2022-09-18 is a Sunday: its week began on Monday 12 September.
  assert.deepEqual(binOf(day('2022-09-18'), 'week').map(iso), ['2022-09-12', '2022-09-19']);
  assert.deepEqual(binOf(day('2022-09-12'), 'week').map(iso), ['2022-09-12', '2022-09-19']);
  assert.deepEqual(binOf(day('2020-02-29'), 'month').map(iso), ['2020-02-01', '2020-03-01']);
  assert.deepEqual(binOf(day('2022-12-31'), 'month').map(iso), ['2022-12-01', '2023-01-01']);
});
