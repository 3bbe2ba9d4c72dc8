// The map: Armenia and Azerbaijan boundaries from the bundled GeoJSON (no
// tile server, no network) and one circle marker per incident location,
// coloured by type. Markers carry data-testid="incident-marker" and
// data-incident=<id>; clicking one calls onSelect(id).
import L from 'leaflet';
import { h, windowText } from './dom.js';
import { TYPES, typeColour, typeLabel } from './vocab.js';

// A control whose content is a DOM node (Leaflet's own attribution control
// writes HTML strings; this one only ever holds text nodes).
const NodeControl = L.Control.extend({
  onAdd() { return this.options.node; },
});

export function createMap(el, { onSelect }) {
  const map = L.map(el, { attributionControl: false, zoomSnap: 0.25, minZoom: 5, maxZoom: 13 });
  map.setView([40.2, 46.5], 7);
  const attribution = h('div', { class: 'map-attribution', testid: 'map-attribution' }, 'Leaflet');
  new NodeControl({ position: 'bottomright', node: attribution }).addTo(map);
  const legend = h('div', { class: 'legend', testid: 'legend' });
  new NodeControl({ position: 'topright', node: legend }).addTo(map);
  const markers = L.featureGroup().addTo(map);
  let selected = null;

  function setBoundaries(geojson) {
    const layer = L.geoJSON(geojson, {
      interactive: true,
      style: (f) => (f.properties.placetype === 'country'
        ? { color: '#444', weight: 2, fill: false }
        : { color: '#999', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: 1 }),
      onEachFeature: (f, l) => {
        if (f.properties.placetype !== 'country') l.bindTooltip(h('span', {}, f.properties.name || ''), { sticky: true });
      },
    });
    layer.addTo(map);
    // Country outlines on top of the filled regions, incidents above both.
    layer.eachLayer((l) => { if (l.feature.properties.placetype === 'country') l.bringToFront(); });
    markers.eachLayer((m) => m.bringToFront());
    map.fitBounds(layer.getBounds(), { padding: [10, 10] });
    attribution.replaceChildren(document.createTextNode(`Leaflet | ${geojson.attribution || "Who's On First (CC-BY 4.0)"}`));
  }

  function setIncidents(incidents) {
    markers.clearLayers();
    const present = new Set();
    for (const inc of incidents) {
      for (const loc of inc.locations || []) {
        if (typeof loc.lat !== 'number' || typeof loc.lon !== 'number') continue;
        present.add(inc.type);
        const colour = typeColour(inc.type);
        const m = L.circleMarker([loc.lat, loc.lon], {
          radius: 5 + Math.min(5, inc.corroboration?.sources || 1),
          color: inc.background ? '#666' : '#222', weight: inc.id === selected ? 3 : 1,
          dashArray: inc.background ? '3 3' : null,
          fillColor: colour, fillOpacity: inc.background ? 0.35 : 0.85,
        });
        m.bindTooltip(h('span', {}, `${typeLabel(inc.type)} · ${windowText(inc.date, inc.date_end)} · ${loc.name || ''}${loc.kind && loc.kind !== 'village' && loc.kind !== 'town' ? ` (${loc.kind}: marker at its centre)` : ''}`));
        m.on('click', () => onSelect(inc.id));
        m.addTo(markers);
        const path = m.getElement();
        path.setAttribute('data-testid', 'incident-marker');
        path.setAttribute('data-incident', String(inc.id));
        path.setAttribute('data-type', inc.type || '');
      }
    }
    renderLegend(present);
  }

  function renderLegend(present) {
    const rows = TYPES.filter(([t]) => present.has(t)).map(([t]) => t);
    for (const t of present) if (!rows.includes(t)) rows.push(t);
    legend.replaceChildren(
      h('div', { class: 'legend-title' }, 'Incident type'),
      ...rows.map((t) => h('div', { class: 'legend-row', testid: 'legend-row', data: { type: t } },
        h('span', { class: 'swatch', style: `background:${typeColour(t)}` }), typeLabel(t))),
      h('div', { class: 'legend-row' }, h('span', { class: 'swatch swatch-background' }), 'mentioned as history'),
    );
    if (!rows.length) legend.append(h('div', { class: 'legend-row' }, 'no placed incidents'));
  }

  function select(id) {
    selected = id;
    markers.eachLayer((m) => {
      const el = m.getElement();
      const on = el && el.getAttribute('data-incident') === String(id);
      m.setStyle({ weight: on ? 3 : 1 });
      if (on) m.bringToFront();
    });
  }

  // The view as the API's bbox: "minlon,minlat,maxlon,maxlat".
  const bbox = () => {
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(4)).join(',');
  };
  const onMove = (f) => map.on('moveend', f);
  const fitBbox = (text) => {
    const [w, s, e, n] = String(text).split(',').map(Number);
    if ([w, s, e, n].every(Number.isFinite)) map.fitBounds([[s, w], [n, e]]);
  };

  return { map, setBoundaries, setIncidents, select, bbox, fitBbox, onMove, invalidate: () => map.invalidateSize() };
}
