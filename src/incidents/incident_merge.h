// What an incident says, built from its member reports: the first report
// opens it (type, window, places ...) and each later one is absorbed.
// Absorbing the members in the same order always gives the same incident,
// so an incident that lost a member is rebuilt by folding the rest.
#ifndef CEASEWATCH_INCIDENTS_INCIDENT_MERGE_H_
#define CEASEWATCH_INCIDENTS_INCIDENT_MERGE_H_

#include "ceasewatch/events.h"
#include "ceasewatch/incidents.h"

namespace ceasewatch {

// An incident of one report (id 0, no sources counted).
Incident IncidentFromReport(const EventReport& report);

// Adds a member report:
// - window: a better-sourced date (text > context > published) replaces
//   the incident's; an equally sourced one narrows it to the overlap, when
//   there is one;
// - places: the union, first seen first (at most kMaxIncidentPlaces);
// - party sides: the union over members of the incident's own type (a
//   member of a compatible type adds its sides only while none are known);
// - killed and injured: low = the lowest figure given, high = the highest
//   (MergeCounts);
// - background only while every member is history.
void AbsorbReport(const EventReport& report, Incident* incident);

// The range over two sources' figures: low the lower of the lows, high the
// higher of the highs; open-ended when the highest figure given is an
// open-ended one ("more than 100") that no closed figure reaches.
CountRange MergeCounts(const CountRange& a, const CountRange& b);

// How well sourced a window is: text 3, context 2, published 1, none 0.
int DateSourceRank(const std::string& date_source, const std::string& date);

inline constexpr size_t kMaxIncidentPlaces = 16;

}  // namespace ceasewatch

#endif  // CEASEWATCH_INCIDENTS_INCIDENT_MERGE_H_
