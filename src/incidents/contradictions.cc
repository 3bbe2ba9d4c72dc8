#include "incidents/contradictions.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace ceasewatch {
namespace {

bool Asserts(const std::string& stance) {
  return stance == "asserts" || stance == "confirms";
}
bool Rejects(const std::string& stance) {
  return stance == "denies" || stance == "disputes";
}

std::vector<ClaimRef> PartyClaims(
    const std::vector<StoredEventReport>& members) {
  std::vector<ClaimRef> out;
  for (const StoredEventReport& m : members)
    for (const EventClaim& c : m.report.claims)
      if (IsPartySide(c.source_side))
        out.push_back({m.id, m.article_id, c, CountRange()});
  return out;
}

// The highest value a figure certainly allows; open-ended: unbounded.
double Top(const CountRange& c) { return c.high < 0 ? 1e18 : c.high; }

// The figures each party gives: the count of a report it asserts.
void AddFigureContradictions(const std::vector<StoredEventReport>& members,
                             bool fatalities, std::vector<Contradiction>* out) {
  std::vector<ClaimRef> figures;
  for (const StoredEventReport& m : members) {
    const CountRange& count =
        fatalities ? m.report.fatalities : m.report.injured;
    if (!count.known) continue;
    for (const EventClaim& c : m.report.claims) {
      if (!IsPartySide(c.source_side) || !Asserts(c.stance)) continue;
      figures.push_back({m.id, m.article_id, c, count});
      break;  // the report's first asserting party owns its figure
    }
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (const ClaimRef& a : figures) {
    for (const ClaimRef& b : figures) {
      if (a.claim.source_side == b.claim.source_side) continue;
      // Disjoint ranges: a's whole range below b's.
      if (!(Top(a.figure) < b.figure.low)) continue;
      if (!seen.insert({a.claim.source_side, b.claim.source_side}).second)
        continue;
      out->push_back({fatalities ? "fatalities" : "injured", a, b});
    }
  }
}

}  // namespace

std::vector<Contradiction> FindContradictions(
    const std::vector<StoredEventReport>& members) {
  std::vector<Contradiction> out;
  const std::vector<ClaimRef> claims = PartyClaims(members);
  std::set<std::tuple<std::string, std::string>> seen;
  for (const ClaimRef& yes : claims) {
    if (!Asserts(yes.claim.stance)) continue;
    for (const ClaimRef& no : claims) {
      if (!Rejects(no.claim.stance) ||
          no.claim.source_side == yes.claim.source_side)
        continue;
      if (!seen.insert({yes.claim.source_side, no.claim.source_side}).second)
        continue;
      out.push_back({"stance", yes, no});
    }
  }
  AddFigureContradictions(members, true, &out);
  AddFigureContradictions(members, false, &out);
  return out;
}

}  // namespace ceasewatch
