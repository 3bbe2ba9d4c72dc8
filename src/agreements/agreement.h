// Agreements and their provisions, as a theatre pack describes them
// (data/theatres/<pack>/agreements/*.json, doc/agreements.md): what each
// provision asks, who it binds, and which incidents bear on it (their
// types, where they happen, who acts, when). The pack's summaries are the
// project's own neutral paraphrase, never the agreement's text.
#ifndef CEASEWATCH_AGREEMENTS_AGREEMENT_H_
#define CEASEWATCH_AGREEMENTS_AGREEMENT_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ceasewatch {

// How an incident bears on a provision. Possible breach and implementation
// say only that the incident is of a kind that could breach or carry out
// the provision; whether it did is what the claims dispute.
enum class Relation {
  kPossibleBreach,
  kImplementation,
  kRelevant,
};

// "possible_breach", "implementation", "relevant" (the pack's spelling).
const char* RelationName(Relation relation);

// Kinds of place that are areas, not points: "country", "region",
// "district", "zone", "route", "border", "water". Their centre says little
// about where in them something happened.
bool IsAreaKind(std::string_view kind);

// A place or zone a provision names, resolved through places.tsv.
struct ProvisionPlace {
  std::string id;  // the pack's place id
  std::string name;
  double lat = 0;
  double lon = 0;
  // The pack's extent, or the agreement file's override.
  double radius_km = 0;
  std::string country;
  std::string admin1;
  std::string admin2;
  std::string kind;  // "district", "zone", "route", ...
};

// Which incidents bear on a provision, and how. Rules are tried in order;
// the first that matches decides the relation.
struct IncidentRule {
  std::vector<std::string> types;  // our event types
  // Sides of whoever acts in the incident; empty = anyone.
  std::vector<std::string> by;
  // Ids among the provision's places; empty = any of them.
  std::vector<std::string> place_ids;
  Relation relation = Relation::kRelevant;
};

struct Deadline {
  std::string day;   // ISO day
  std::string text;  // neutral words: "Kalbajar district by 15 November 2020"
  // Ids among the provision's places it concerns; empty = all of them.
  std::vector<std::string> place_ids;
};

struct Provision {
  int number = 0;  // as the agreement numbers it
  std::string id;  // slug, unique within the agreement
  std::string summary;
  std::vector<std::string> bound;  // sides: "AZ", "AM", "NK", "RU", ...
  // Where it applies; empty = anywhere.
  std::vector<ProvisionPlace> places;
  std::vector<IncidentRule> rules;
  std::vector<Deadline> deadlines;
  // Incidents beginning after this ISO day no longer bear on it ("" =
  // no end): a one-off act such as a handover.
  std::string until;
  std::string notes;
};

struct Agreement {
  std::string id;
  std::string title;                     // neutral
  std::string signed_day;                // ISO day
  std::string in_force;                  // ISO day
  std::vector<std::string> signatories;  // sides
  std::string notes;
  std::vector<Provision> provisions;  // in the agreement's order
  // The extent (radius_km) of every area place of the pack (IsAreaKind),
  // by id, so that linking can tell a large area from a small one.
  std::unordered_map<std::string, double> area_extents_km;
  std::string file;  // the file it was read from
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_AGREEMENTS_AGREEMENT_H_
