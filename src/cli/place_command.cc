#include <cstdio>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "annotate/mention_json.h"
#include "cli/commands.h"
#include "gazetteer/gazetteer.h"

namespace ceasewatch::cli {
namespace {

void PrintCandidates(const std::string& query,
                     const std::vector<PlaceCandidate>& cands, int limit,
                     bool json) {
  if (json) {
    nlohmann::ordered_json out;
    out["query"] = query;
    out["candidates"] = nlohmann::ordered_json::array();
    for (int i = 0; i < limit && i < static_cast<int>(cands.size()); ++i)
      out["candidates"].push_back(PlaceCandidateJson(cands[i]));
    std::cout << out.dump(-1, ' ', false,
                          nlohmann::ordered_json::error_handler_t::replace)
              << "\n";
    return;
  }
  if (cands.empty()) {
    std::cout << query << ": no place of that name in the pack\n";
    return;
  }
  for (int i = 0; i < limit && i < static_cast<int>(cands.size()); ++i) {
    const Place& p = *cands[i].place;
    std::printf("%d. %-24s %8.4f %8.4f  %-2s  %-22s %-9s score %.2f  %s\n",
                i + 1, p.name.c_str(), p.lat, p.lon, p.country.c_str(),
                (p.admin2.empty() ? p.admin1 : p.admin2).c_str(),
                std::string(PlaceKindName(p.kind)).c_str(), cands[i].score,
                cands[i].reason.c_str());
  }
}

}  // namespace

CLI::App* AddPlace(CLI::App& app, PlaceArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "place",
      "Look a place name up in the theatre pack: candidates best first "
      "(name, lat, lon, country, admin unit, feature type, score).");
  cmd->add_option("name", args->name, "place name, any spelling or script");
  cmd->add_option("--context", args->context,
                  "text around the name (district, country, other places)");
  cmd->add_option("--pack", args->pack, "theatre pack folder");
  cmd->add_option("--limit", args->limit, "candidates shown (default 5)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--json", args->json, "one JSON object per query");
  cmd->add_flag("--stdin", args->from_stdin,
                "read one name per line from stdin (implies --json)");
  return cmd;
}

int RunPlace(const PlaceArgs& args) {
  if (args.name.empty() && !args.from_stdin) {
    std::cerr << "ceasewatch place: give a NAME or --stdin\n";
    return kExitUsage;
  }
  auto gazetteer = Gazetteer::Load(FindPackDir(args.pack));
  if (!gazetteer.ok()) {
    std::cerr << "ceasewatch: " << gazetteer.status().message() << "\n";
    return kExitUsage;
  }
  if (!args.from_stdin) {
    PrintCandidates(args.name, (*gazetteer)->Lookup(args.name, args.context),
                    args.limit, args.json);
    return kExitOk;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    PrintCandidates(line, (*gazetteer)->Lookup(line, args.context),
                    args.limit, /*json=*/true);
  }
  return kExitOk;
}

}  // namespace ceasewatch::cli
