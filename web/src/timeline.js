// The timeline: an SVG histogram of incidents by start day, binned by day,
// week or month depending on the span. Clicking a bar, or dragging across
// bars, calls onRange(since, until) with the ISO days the bars cover;
// undated incidents are counted beside it. Bars: data-testid="timeline-bar",
// data-since / data-until.
import { h, svg } from './dom.js';

const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const parse = (day) => Date.parse(`${day}T00:00:00Z`);

// The bin of a day: [start, end) in ms for the unit.
export function binOf(ms, unit) {
  const d = new Date(ms);
  if (unit === 'day') return [ms, ms + DAY];
  if (unit === 'week') { const start = ms - ((d.getUTCDay() + 6) % 7) * DAY; return [start, start + 7 * DAY]; }
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return [start, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)];
}

export function createTimeline(el, { onRange }) {
  let W = 900; const H = 90; const PAD = 18;
  const label = h('div', { class: 'timeline-label', testid: 'timeline-label' });
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline-svg', role: 'img' });
  el.replaceChildren(label, chart);
  let bins = [];
  let drag = null;

  function render(incidents, { since, until } = {}) {
    const days = incidents.filter((i) => i.date).map((i) => parse(i.date)).filter(Number.isFinite);
    const undated = incidents.length - days.length;
    chart.replaceChildren();
    W = Math.max(300, Math.round(el.clientWidth || 900));
    chart.setAttribute('viewBox', `0 0 ${W} ${H}`);
    bins = [];
    if (!days.length) { label.textContent = `No dated incidents${undated ? ` (${undated} undated)` : ''}`; return; }
    const lo = Math.min(...days); const hi = Math.max(...days);
    const span = (hi - lo) / DAY;
    const unit = span <= 120 ? 'day' : span <= 730 ? 'week' : 'month';
    const counts = new Map();
    for (const d of days) { const [s] = binOf(d, unit); counts.set(s, (counts.get(s) || 0) + 1); }
    for (let s = binOf(lo, unit)[0]; s <= hi;) { const [, e] = binOf(s, unit); bins.push({ s, e, n: counts.get(s) || 0 }); s = e; }
    const max = Math.max(...bins.map((b) => b.n));
    const bw = (W - 2) / bins.length;
    const sel = [since ? parse(since) : -Infinity, until ? parse(until) + DAY : Infinity];
    bins.forEach((b, i) => {
      const bh = b.n ? Math.max(2, ((H - PAD - 4) * b.n) / max) : 0;
      const inRange = b.e > sel[0] && b.s < sel[1];
      chart.append(svg('rect', { x: 1 + i * bw, y: 0, width: bw, height: H - PAD, class: 'timeline-hit', data: { index: i } }));
      if (b.n) {
        chart.append(svg('rect', {
          x: 1 + i * bw + (bw > 3 ? 0.5 : 0), y: H - PAD - bh, width: Math.max(1, bw - (bw > 3 ? 1 : 0)), height: bh,
          class: inRange ? 'timeline-bar' : 'timeline-bar outside', testid: 'timeline-bar',
          data: { index: i, since: iso(b.s), until: iso(b.e - DAY), count: b.n },
        }, svg('title', {}, `${iso(b.s)}${unit === 'day' ? '' : ` – ${iso(b.e - DAY)}`}: ${b.n} incident${b.n === 1 ? '' : 's'}`)));
      }
    });
    // Ticks where the year (or month, over a short span) changes, spaced apart.
    let lastTick = ''; let lastX = -Infinity;
    bins.forEach((b, i) => {
      const tick = span > 400 ? iso(b.s).slice(0, 4) : iso(b.s).slice(0, 7);
      const x = 1 + i * bw;
      if (tick !== lastTick && x - lastX >= 60) {
        chart.append(svg('text', { x: x + 1, y: H - 4, class: 'timeline-tick' }, tick));
        lastX = x;
      }
      lastTick = tick;
    });
    chart.append(svg('rect', { class: 'timeline-brush', x: 0, y: 0, width: 0, height: H - PAD }));
    label.textContent = `Incidents by ${unit}, ${iso(lo)} to ${iso(hi)}${undated ? ` · ${undated} undated` : ''} · click or drag to set the dates`;
  }

  // The bin under the pointer: the bar's (or its column's) own index when
  // the event is on one, else from the pointer's x.
  const indexAt = (evt) => {
    const own = evt.target?.getAttribute?.('data-index');
    if (own !== null && own !== undefined && bins[Number(own)]) return Number(own);
    const r = chart.getBoundingClientRect();
    const x = ((evt.clientX - r.left) / r.width) * W;
    return Math.max(0, Math.min(bins.length - 1, Math.floor(((x - 1) * bins.length) / (W - 2))));
  };
  const brush = () => chart.querySelector('.timeline-brush');
  chart.addEventListener('pointerdown', (evt) => {
    if (!bins.length) return;
    drag = { from: indexAt(evt), to: indexAt(evt) };
    chart.setPointerCapture(evt.pointerId);
  });
  chart.addEventListener('pointermove', (evt) => {
    if (!drag) return;
    drag.to = indexAt(evt);
    const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
    const bw = (W - 2) / bins.length;
    brush().setAttribute('x', String(1 + a * bw));
    brush().setAttribute('width', String((b - a + 1) * bw));
  });
  chart.addEventListener('pointerup', () => {
    if (!drag) return;
    const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
    drag = null;
    onRange(iso(bins[a].s), iso(bins[b].e - DAY));
  });
  return { render };
}
