// Short neutral wordings of an incident's fields, shared by the ACLED
// notes, the GeoJSON properties and the brief. Built from fields only:
// never the articles' words.
#ifndef CEASEWATCH_EXPORT_INCIDENT_TEXT_H_
#define CEASEWATCH_EXPORT_INCIDENT_TEXT_H_

#include <string>
#include <vector>

#include "ceasewatch/events.h"
#include "ceasewatch/incidents.h"
#include "query/incident_facts.h"

namespace ceasewatch {

// "3", "2-5", "100+" (open-ended); "" when unknown.
std::string RangeText(const CountRange& c);
// "armed clash" for "armed_clash".
std::string TypeWords(const std::string& type);
// "2020-11-12", "2020-11-12..2020-11-14", "undated".
std::string WindowText(const Incident& incident);
// The names of the incident's places below country level (all of them
// when there is none), joined by ", "; "(no place)" when it has none.
std::string PlaceList(const Incident& incident);
// Names of `actors` with `role`, each once, in order.
std::vector<std::string> ActorNames(const std::vector<EventActor>& actors,
                                    const std::string& role);
// "AZ asserts, AM denies": each (side, stance) of the members' claims once.
std::string ClaimSummary(const std::vector<StoredEventReport>& members);
// A one-paragraph summary: when, what, where, who, tolls, claims and how
// many reports and articles carry it.
std::string IncidentNotes(const IncidentFacts& facts);
std::string Join(const std::vector<std::string>& items, const char* sep);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXPORT_INCIDENT_TEXT_H_
