// `ceasewatch brief`: a period report (src/brief, doc/brief.md).
#include <fstream>
#include <iostream>

#include "agreements/agreement_loader.h"
#include "brief/brief.h"
#include "brief/brief_render.h"
#include "cli/commands.h"
#include "query/query_db.h"

namespace ceasewatch::cli {

CLI::App* AddBrief(CLI::App& app, BriefArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "brief",
      "A period report: incidents by type, place and side, casualties as "
      "ranges, contradictions and provisions, each line with its sources "
      "(doc/brief.md).");
  cmd->add_option("--db", args->db, "SQLite store")->required();
  cmd->add_option("--since", args->since, "first day (YYYY-MM-DD)")->required();
  cmd->add_option("--until", args->until, "last day (YYYY-MM-DD)")->required();
  cmd->add_option("--format", args->format, "md (default) or html")
      ->check(CLI::IsMember({"md", "html"}));
  cmd->add_option("--pack", args->pack,
                  "theatre pack with the agreements (default: as ingest)");
  cmd->add_option("-o,--output", args->output, "file (default: stdout)");
  return cmd;
}

int RunBrief(const BriefArgs& args) {
  std::unique_ptr<Store> store = OpenForReading(args.db);
  if (!store) return kExitStoreFailed;
  auto query = QueryDb::Open(args.db);
  if (!query.ok()) {
    std::cerr << "ceasewatch: " << query.status().message() << "\n";
    return kExitStoreFailed;
  }
  // Without agreements the brief still has every other section.
  std::vector<Agreement> agreements;
  const std::string pack = FindPackDir(args.pack);
  auto loaded = LoadAgreements(pack);
  if (loaded.ok()) {
    agreements = std::move(*loaded);
  } else if (!args.pack.empty()) {
    std::cerr << "ceasewatch: " << loaded.status().message() << "\n";
    return kExitUsage;
  } else {
    std::cerr << "ceasewatch: warning: no agreements ("
              << loaded.status().message() << "); provisions left out\n";
  }
  BriefOptions options{args.since, args.until};
  auto brief = BuildBrief(*store, **query, agreements, options);
  if (!brief.ok()) {
    std::cerr << "ceasewatch: " << brief.status().message() << "\n";
    return brief.status().code() == Status::Code::kInvalidInput
               ? kExitUsage
               : kExitStoreFailed;
  }
  const std::string text =
      args.format == "html" ? BriefHtml(*brief) : BriefMarkdown(*brief);
  if (args.output.empty() || args.output == "-") {
    std::cout << text;
    return std::cout ? kExitOk : kExitStoreFailed;
  }
  std::ofstream file(args.output, std::ios::binary);
  file << text;
  if (!file) {
    std::cerr << "ceasewatch: cannot write " << args.output << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace ceasewatch::cli
