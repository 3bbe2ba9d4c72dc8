// The vocabulary the dashboard shows: event types (doc/export.md,
// ../shared/eval/README.md) with a marker colour each, and sides in a fixed
// order. Labels are descriptive and neutral; unknown values still display.

export const TYPES = [
  ['armed_clash', '#d62728'], ['territory_seized', '#8c1c13'],
  ['shelling', '#ff7f0e'], ['air_drone_strike', '#c49c00'], ['explosive_device', '#7f4f24'],
  ['attack_civilians', '#9467bd'], ['protest_blockade', '#17becf'], ['riot', '#e377c2'],
  ['fortification', '#8c564b'], ['military_movement', '#1f77b4'], ['withdrawal', '#6baed6'],
  ['military_exercise', '#393b79'], ['supply_disruption', '#bcbd22'], ['agreement', '#2ca02c'],
  ['detention', '#7f7f7f'], ['prisoner_release', '#74c476'],
];
const COLOURS = new Map(TYPES);
export const typeColour = (type) => COLOURS.get(type) || '#555555';
export const typeLabel = (type) => (type ? String(type).replaceAll('_', ' ') : 'unknown type');

// Party sides, then `media` (outlets, experts, the reporter's voice: a
// claim whose source has no side).
export const SIDES = ['AZ', 'AM', 'NK', 'RU', 'TR', 'INTL', 'OTHER', 'media'];
const SIDE_LABELS = {
  AZ: 'Azerbaijan', AM: 'Armenia', NK: 'Karabakh Armenian', RU: 'Russia', TR: 'Turkey',
  INTL: 'International', OTHER: 'Other', media: 'Media and others without a side',
};
export const sideLabel = (side) => (SIDE_LABELS[side] ? `${SIDE_LABELS[side]} (${side})` : String(side));
export const claimSide = (claim) => claim?.source?.side || claim?.side || 'media';

// Sorts side keys: known sides in SIDES order, then others alphabetically.
export function sortSides(sides) {
  const rank = (s) => (SIDES.includes(s) ? SIDES.indexOf(s) : SIDES.length);
  return [...sides].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
}
