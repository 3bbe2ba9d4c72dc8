#include "export/incident_text.h"

#include <algorithm>
#include <cmath>

namespace ceasewatch {
namespace {

std::string Whole(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15)
    return std::to_string(static_cast<long long>(v));
  return std::to_string(v);
}

}  // namespace

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string RangeText(const CountRange& c) {
  if (!c.known) return "";
  if (c.high < 0) return Whole(c.low) + "+";
  if (c.high == c.low) return Whole(c.low);
  return Whole(c.low) + "-" + Whole(c.high);
}

std::string TypeWords(const std::string& type) {
  std::string s = type;
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

std::string WindowText(const Incident& i) {
  if (i.date.empty()) return "undated";
  const std::string& end = WindowEnd(i);
  return end == i.date ? i.date : i.date + ".." + end;
}

std::string PlaceList(const Incident& incident) {
  std::vector<std::string> below, all;
  for (const EventPlace& p : incident.places) {
    if (std::find(all.begin(), all.end(), p.name) == all.end())
      all.push_back(p.name);
    if (p.kind != "country" &&
        std::find(below.begin(), below.end(), p.name) == below.end())
      below.push_back(p.name);
  }
  if (all.empty()) return "(no place)";
  return Join(below.empty() ? all : below, ", ");
}

std::vector<std::string> ActorNames(const std::vector<EventActor>& actors,
                                    const std::string& role) {
  std::vector<std::string> out;
  for (const EventActor& a : actors) {
    if (a.role != role || a.name.empty()) continue;
    if (std::find(out.begin(), out.end(), a.name) == out.end())
      out.push_back(a.name);
  }
  return out;
}

std::string ClaimSummary(const std::vector<StoredEventReport>& members) {
  std::vector<std::string> seen;
  for (const StoredEventReport& m : members) {
    for (const EventClaim& c : m.report.claims) {
      std::string s =
          (c.source_side.empty() ? "media" : c.source_side) + " " + c.stance;
      if (std::find(seen.begin(), seen.end(), s) == seen.end())
        seen.push_back(std::move(s));
    }
  }
  return Join(seen, ", ");
}

std::string IncidentNotes(const IncidentFacts& f) {
  const Incident& i = f.incident;
  std::string s = i.date.empty() ? "Undated: " : "On " + WindowText(i) + ": ";
  s += TypeWords(i.type);
  const std::string places = PlaceList(i);
  if (places != "(no place)") s += " at " + places;
  std::vector<std::string> a1 = ActorNames(f.actors, "actor1");
  std::vector<std::string> a2 = ActorNames(f.actors, "actor2");
  if (!a1.empty()) s += "; by " + Join(a1, ", ");
  if (!a2.empty()) s += "; against " + Join(a2, ", ");
  s += ".";
  if (i.fatalities.known) s += " Killed: " + RangeText(i.fatalities) + ".";
  if (i.injured.known) s += " Injured: " + RangeText(i.injured) + ".";
  const std::string claims = ClaimSummary(f.members);
  if (!claims.empty()) s += " Claims: " + claims + ".";
  if (i.background) s += " Mentioned as history.";
  s += " ceasewatch incident " + std::to_string(i.id) + ": " +
       std::to_string(f.members.size()) + " report" +
       (f.members.size() == 1 ? "" : "s") + " in " +
       std::to_string(f.articles.size()) + " article" +
       (f.articles.size() == 1 ? "" : "s") + ".";
  return s;
}

}  // namespace ceasewatch
