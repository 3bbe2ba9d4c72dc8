#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "events/event_extractor.h"
#include "incidents/incident_fuser.h"
#include "pipeline/event_pass.h"
#include "store/store.h"

namespace ceasewatch::cli {

CLI::App* AddReextract(CLI::App& app, ReextractArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "reextract",
      "Rerun event extraction on every stored article, replacing its event "
      "reports (after the theatre pack or the program changed). Exit 0 when "
      "all were redone, 2 when the pack cannot be loaded, 3 when the store "
      "failed (batches before the failure stay done).");
  cmd->add_option("--db", args->db, "SQLite store")->required();
  cmd->add_option("--pack", args->pack,
                  "theatre pack (default: $CEASEWATCH_PACK, else "
                  "data/theatres/south-caucasus)");
  cmd->add_flag("-q,--quiet", args->quiet, "no summary line");
  return cmd;
}

int RunReextract(const ReextractArgs& args) {
  const std::string pack = FindPackDir(args.pack);
  auto extractor = EventExtractor::Load(pack);
  if (!extractor.ok()) {
    std::cerr << "ceasewatch: cannot load the theatre pack at " << pack << ": "
              << extractor.status().message() << "\n";
    return kExitUsage;
  }
  auto store = Store::Open(args.db);
  if (!store.ok()) {
    std::cerr << "ceasewatch: " << store.status().message() << "\n";
    return kExitStoreFailed;
  }
  MatchScratch scratch;
  ReextractStats stats;
  const bool tty = isatty(STDERR_FILENO);
  auto progress = [&](const ReextractStats& s) {
    if (tty)
      std::fprintf(stderr, "\r%lld articles, %lld event reports",
                   static_cast<long long>(s.articles),
                   static_cast<long long>(s.reports));
  };
  Status st = ReextractEvents(**store, ExtractWith(**extractor, scratch),
                              (*extractor)->version(), ReextractOptions{},
                              &stats, progress);
  if (tty) std::fprintf(stderr, "\r\033[K");
  // The replaced reports left their incidents stale: rebuild them and fuse
  // the new reports, in article order as an ingest would.
  FuseStats fused;
  if (st.ok()) {
    auto fuser = IncidentFuser::Load(pack);
    st = fuser.ok() ? (*fuser)->FusePending(**store, 256, &fused)
                    : fuser.status();
  }
  if (!args.quiet || !st.ok()) {
    std::printf(
        "reextracted %lld articles: %lld event reports (%s), %lld "
        "incidents\n",
        static_cast<long long>(stats.articles),
        static_cast<long long>(stats.reports), (*extractor)->version().c_str(),
        static_cast<long long>(fused.opened));
  }
  if (!st.ok()) {
    std::cerr << "ceasewatch: store failed after " << stats.articles
              << " articles; the rest keep their earlier reports: "
              << st.message() << "\n";
    return kExitStoreFailed;
  }
  return kExitOk;
}

}  // namespace ceasewatch::cli
