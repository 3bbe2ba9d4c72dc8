// `ceasewatch provisions`: each provision of the pack's agreements with the
// stored incidents that bear on it and every side's claims about them
// (doc/agreements.md).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "agreements/agreement_loader.h"
#include "agreements/incident_views.h"
#include "agreements/links_json.h"
#include "agreements/provision_links.h"
#include "cli/commands.h"
#include "export/provisions_json.h"

namespace ceasewatch::cli {
namespace {

// Cuts `s` to at most `width` bytes without splitting a UTF-8 character.
std::string ClipText(const std::string& s, size_t width) {
  if (s.size() <= width) return s;
  size_t n = width - 3;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "...";
}

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// `text` in lines of at most `width` bytes (words are not split), each
// after `indent`.
void PrintWrapped(const std::string& text, const std::string& indent,
                  size_t width) {
  std::string line;
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(' ', start);
    if (space == std::string::npos) space = text.size();
    const std::string word = text.substr(start, space - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      std::printf("%s%s\n", indent.c_str(), line.c_str());
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = space + 1;
  }
  if (!line.empty()) std::printf("%s%s\n", indent.c_str(), line.c_str());
}

std::string Window(const Incident& i) {
  if (i.date_end.empty() || i.date_end == i.date) return i.date;
  return i.date + ".." + i.date_end;
}

std::string Spaced(const char* relation_name) {
  std::string s = relation_name;
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  return s;
}

void PrintLinks(const Agreement& a, const std::vector<ProvisionLinks>& all) {
  std::printf("%s: %s\n", a.id.c_str(), a.title.c_str());
  std::printf("signed %s, in force %s; signatories %s\n", a.signed_day.c_str(),
              a.in_force.c_str(), Join(a.signatories, ", ").c_str());
  for (const ProvisionLinks& links : all) {
    const Provision& p = *links.provision;
    std::printf("\n%d. %s  [bound: %s]\n", p.number, p.id.c_str(),
                Join(p.bound, ", ").c_str());
    PrintWrapped(p.summary, "   ", 76);
    for (const Deadline& d : p.deadlines) {
      std::printf("   deadline %s: %s\n", d.day.c_str(), d.text.c_str());
    }
    if (links.incidents.empty()) {
      std::printf("   no linked incidents\n");
      continue;
    }
    std::printf("   incidents (%zu):\n", links.incidents.size());
    for (const LinkedIncident& link : links.incidents) {
      const Incident& i = link.view->incident;
      std::vector<std::string> places;
      for (const EventPlace& place : i.places) places.push_back(place.name);
      std::string timing;
      for (const DeadlineTiming& t : link.deadlines) {
        timing += "  " + t.timing + " " + t.deadline->day;
      }
      std::printf("     #%-5lld %-22s %-18s %-15s accused %-7s %s%s\n",
                  static_cast<long long>(i.id), Window(i).c_str(),
                  i.type.c_str(), Spaced(RelationName(link.relation)).c_str(),
                  link.accused.empty() ? "-" : Join(link.accused, ",").c_str(),
                  ClipText(Join(places, ", "), 60).c_str(), timing.c_str());
    }
    if (links.claims_by_side.empty()) continue;
    std::printf("   claims by side:\n");
    for (const SideClaims& side : links.claims_by_side) {
      for (const ProvisionClaim& pc : side.claims) {
        const EventClaim& c = pc.claim->claim;
        std::printf("     %-5s %s (%s) \"%s\" [#%lld]\n", side.side.c_str(),
                    c.source_name.c_str(), c.stance.c_str(),
                    ClipText(c.text, 160).c_str(),
                    static_cast<long long>(
                        links.incidents[pc.incident].view->incident.id));
      }
    }
  }
}

}  // namespace

CLI::App* AddProvisions(CLI::App& app, ProvisionsArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "provisions",
      "Each provision of the pack's agreements with the incidents that bear "
      "on it and every side's claims (doc/agreements.md).");
  cmd->add_option("--db", args->db, "SQLite store")->required();
  cmd->add_option("--pack", args->pack, "theatre pack directory");
  cmd->add_option("--agreement", args->agreement, "only this agreement (id)");
  cmd->add_flag("--json", args->json, "JSON (doc/agreements.md)");
  return cmd;
}

int RunProvisions(const ProvisionsArgs& args) {
  const std::string pack_dir = FindPackDir(args.pack);
  Result<std::vector<Agreement>> loaded = LoadAgreements(pack_dir);
  if (!loaded.ok()) {
    std::cerr << "ceasewatch: " << loaded.status().message() << "\n";
    return kExitUsage;
  }
  std::vector<Agreement> agreements;
  for (Agreement& a : *loaded) {
    if (args.agreement.empty() || a.id == args.agreement) {
      agreements.push_back(std::move(a));
    }
  }
  if (agreements.empty()) {
    std::cerr << "ceasewatch: "
              << (args.agreement.empty()
                      ? "no agreements in " + pack_dir + "/agreements"
                      : "no agreement \"" + args.agreement + "\" in " +
                            pack_dir + "/agreements")
              << "\n";
    return kExitUsage;
  }
  std::unique_ptr<Store> store = OpenForReading(args.db);
  if (!store) return kExitStoreFailed;
  if (args.json) {
    Result<nlohmann::json> out = ProvisionsJson(*store, agreements);
    if (!out.ok()) {
      std::cerr << "ceasewatch: " << out.status().message() << "\n";
      return kExitStoreFailed;
    }
    // Claim words come from stored text; a stray invalid byte is replaced
    // rather than failing the whole answer.
    std::cout << out->dump(2, ' ', false,
                           nlohmann::json::error_handler_t::replace)
              << "\n";
    return kExitOk;
  }
  IncidentViewOptions options;
  options.ends_on_or_after = agreements[0].in_force;
  for (const Agreement& a : agreements) {
    options.ends_on_or_after = std::min(options.ends_on_or_after, a.in_force);
  }
  Result<std::vector<IncidentView>> views = ReadIncidentViews(*store, options);
  if (!views.ok()) {
    std::cerr << "ceasewatch: " << views.status().message() << "\n";
    return kExitStoreFailed;
  }
  for (size_t k = 0; k < agreements.size(); ++k) {
    if (k > 0) std::printf("\n");
    PrintLinks(agreements[k], LinkIncidents(agreements[k], *views));
  }
  return kExitOk;
}

}  // namespace ceasewatch::cli
