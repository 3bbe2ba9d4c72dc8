#include "incidents/incident_merge.h"

#include <algorithm>
#include <string>

namespace ceasewatch {
namespace {

void AddSides(const EventReport& r, Incident* incident) {
  for (const EventActor& a : r.actors) {
    if (!IsPartySide(a.side)) continue;
    auto& sides = incident->sides;
    auto it = std::lower_bound(sides.begin(), sides.end(), a.side);
    if (it == sides.end() || *it != a.side) sides.insert(it, a.side);
  }
}

void AddPlaces(const EventReport& r, Incident* incident) {
  for (const EventPlace& p : r.places) {
    if (incident->places.size() >= kMaxIncidentPlaces) return;
    bool known = false;
    for (const EventPlace& have : incident->places)
      known = known || SamePlace(have, p);
    if (known) continue;
    EventPlace kept = p;
    // The mention belongs to one article; the incident keeps the place.
    kept.mention.clear();
    kept.begin = kept.end = 0;
    incident->places.push_back(std::move(kept));
  }
}

void AbsorbWindow(const EventReport& r, Incident* incident) {
  if (r.date.empty()) return;
  const int have = DateSourceRank(incident->date_source, incident->date);
  const int offered = DateSourceRank(r.date_source, r.date);
  if (offered > have) {
    incident->date = r.date;
    incident->date_end = WindowEnd(r);
    incident->date_precision = r.date_precision;
    incident->date_source = r.date_source;
    return;
  }
  if (offered < have) return;
  // Equally sourced: narrow to the overlap. ISO days compare as strings.
  const std::string& r_end = WindowEnd(r);
  const std::string lo = std::max(incident->date, r.date);
  const std::string hi = std::min(incident->date_end, r_end);
  if (lo > hi) return;  // they disagree: keep what came first
  if (lo == incident->date && hi == incident->date_end) return;
  if (lo == r.date && hi == r_end) {
    incident->date_precision = r.date_precision;
  } else {
    incident->date_precision = lo == hi ? "day" : "range";
  }
  incident->date = lo;
  incident->date_end = hi;
}

}  // namespace

int DateSourceRank(const std::string& date_source, const std::string& date) {
  if (date.empty()) return 0;
  if (date_source == "text") return 3;
  if (date_source == "context") return 2;
  return 1;
}

CountRange MergeCounts(const CountRange& a, const CountRange& b) {
  if (!b.known) return a;
  if (!a.known) return b;
  CountRange out;
  out.known = true;
  out.low = std::min(a.low, b.low);
  // An open-ended figure's highest certain value is its low end.
  const double a_top = a.high < 0 ? a.low : a.high;
  const double b_top = b.high < 0 ? b.low : b.high;
  const double top = std::max(a_top, b_top);
  const bool closed_reaches =
      (a.high >= 0 && a.high >= top) || (b.high >= 0 && b.high >= top);
  out.high = closed_reaches ? top : -1;
  return out;
}

Incident IncidentFromReport(const EventReport& report) {
  Incident incident;
  incident.type = report.type;
  incident.acled_event_type = report.acled_event_type;
  incident.acled_sub_event_type = report.acled_sub_event_type;
  incident.background = report.background;
  AbsorbReport(report, &incident);
  return incident;
}

void AbsorbReport(const EventReport& report, Incident* incident) {
  AbsorbWindow(report, incident);
  AddPlaces(report, incident);
  // Roles belong to a type: a report telling a compatible type ("captured"
  // for "entered") may name parties the incident's own accounts do not.
  if (report.type == incident->type || incident->sides.empty())
    AddSides(report, incident);
  incident->fatalities = MergeCounts(incident->fatalities, report.fatalities);
  incident->injured = MergeCounts(incident->injured, report.injured);
  incident->background = incident->background && report.background;
  ++incident->reports;
}

}  // namespace ceasewatch
