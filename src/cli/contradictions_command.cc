// `ceasewatch contradictions`: incidents where the parties contradict each
// other, each side's claim side by side with its source and words.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "export/contradictions_json.h"
#include "incidents/contradictions.h"
#include "store/store.h"

namespace ceasewatch::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string PlaceNames(const Incident& incident) {
  std::string out;
  for (const EventPlace& p : incident.places) {
    if (p.kind == "country") continue;
    if (!out.empty()) out += ", ";
    out += p.name;
  }
  return out.empty() ? "(no place)" : out;
}

std::string Window(const Incident& i) {
  if (i.date.empty()) return "undated";
  if (i.date_end.empty() || i.date_end == i.date) return i.date;
  return i.date + ".." + i.date_end;
}

std::string Figure(const CountRange& c) {
  if (!c.known) return "";
  std::string s = std::to_string(static_cast<long long>(c.low));
  if (c.high < 0) return s + "+";
  if (c.high != c.low)
    s += "-" + std::to_string(static_cast<long long>(c.high));
  return s;
}

void PrintClaim(const ClaimRef& r) {
  std::string figure = Figure(r.figure);
  std::printf("    %-5s %-9s %s%s%s: \"%s\" (article %lld)\n",
              r.claim.source_side.c_str(), r.claim.stance.c_str(),
              r.claim.source_name.c_str(), figure.empty() ? "" : ", killed ",
              figure.c_str(), r.claim.text.c_str(),
              static_cast<long long>(r.article_id));
}

}  // namespace

CLI::App* AddContradictions(CLI::App& app, ContradictionsArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "contradictions",
      "List incidents where the parties contradict each other: one side "
      "asserts what another denies or disputes, or their killed/injured "
      "figures cannot both be true.");
  cmd->add_option("--db", args->db, "SQLite store")->required();
  cmd->add_flag("--json", args->json, "one JSON array");
  return cmd;
}

int RunContradictions(const ContradictionsArgs& args) {
  std::unique_ptr<Store> store = OpenForReading(args.db);
  if (!store) return kExitStoreFailed;
  Json all = Json::array();
  int64_t shown = 0;
  Status st = store->ForEachIncident([&](const Incident& incident) {
    auto members = store->ReportsOfIncident(incident.id);
    if (!members.ok()) return members.status();
    std::vector<Contradiction> found = FindContradictions(*members);
    if (found.empty()) return Status::Ok();
    if (args.json) {
      for (const Contradiction& c : found)
        all.push_back(ContradictionJson(incident, c));
      return Status::Ok();
    }
    std::printf("incident %lld  %s  %s  %s  (%d reports, %d sources)\n",
                static_cast<long long>(incident.id), incident.type.c_str(),
                Window(incident).c_str(), PlaceNames(incident).c_str(),
                incident.reports, incident.sources);
    for (const Contradiction& c : found) {
      std::printf(
          "  %s\n",
          c.kind == "stance"
              ? "asserted by one side, rejected by another"
              : ("figures that cannot both be true (" + c.kind + ")").c_str());
      PrintClaim(c.first);
      PrintClaim(c.second);
    }
    ++shown;
    return Status::Ok();
  });
  if (!st.ok()) {
    std::cerr << "ceasewatch: " << st.message() << "\n";
    return kExitStoreFailed;
  }
  if (args.json) {
    std::cout << all.dump(1, ' ', false, Json::error_handler_t::replace)
              << "\n";
  } else if (shown == 0) {
    std::printf("no contradictions between parties\n");
  }
  return kExitOk;
}

}  // namespace ceasewatch::cli
