// The CLI's subcommands. Each Add* registers its options on `app` and
// returns the subcommand; each Run* runs it and returns the exit status:
//   0  everything asked for was done
//   1  some inputs were rejected (the rest were stored)
//   2  usage error
//   3  the store failed (nothing of the failing document was written)
#ifndef CEASEWATCH_CLI_COMMANDS_H_
#define CEASEWATCH_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "query/incident_filter.h"
#include "store/store.h"

namespace ceasewatch::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitStoreFailed = 3;

// Opens the store read-only for a query command; on failure prints why
// and returns null (exit with kExitStoreFailed).
std::unique_ptr<Store> OpenForReading(const std::string& db);

struct IngestArgs {
  std::string db;
  std::vector<std::string> inputs;
  size_t max_bytes = 50u * 1000 * 1000;
  bool quiet = false;
  std::string pack;  // theatre pack for event extraction (FindPackDir)
  bool no_events = false;
  int threads = 0;  // 0: one per core
};
CLI::App* AddIngest(CLI::App& app, IngestArgs* args);
int RunIngest(const IngestArgs& args);

// Reruns event extraction on every stored article (after the theatre pack
// or the extractor changed). Exit 0 when all were redone, 2 when the pack
// cannot be loaded, 3 when the store failed (earlier batches stay
// committed, the rest keep their reports).
struct ReextractArgs {
  std::string db;
  std::string pack;
  bool quiet = false;
};
CLI::App* AddReextract(CLI::App& app, ReextractArgs* args);
int RunReextract(const ReextractArgs& args);

// The incident filters every export takes (query/incident_filter.h), as
// flags: --since, --until, --type, --side, --place, --bbox, --limit,
// --offset.
struct FilterArgs {
  std::string since, until, bbox;
  std::vector<std::string> types, sides, places;
  std::string limit, offset;
};
void AddFilterOptions(CLI::App* cmd, FilterArgs* args);
// The filter the flags give; InvalidInput naming the flag otherwise.
Result<IncidentFilter> FilterOf(const FilterArgs& args);

struct ExportArgs {
  std::string db;
  std::string format = "json";  // json, acled-csv, geojson
  std::string output;           // "" or "-" for stdout
  FilterArgs filter;
};
CLI::App* AddExport(CLI::App& app, ExportArgs* args);
int RunExport(const ExportArgs& args);

struct ArticlesArgs {
  std::string db;
  int limit = 50;
};
CLI::App* AddArticles(CLI::App& app, ArticlesArgs* args);
int RunArticles(const ArticlesArgs& args);

// Each provision of the pack's agreements with the stored incidents that
// bear on it and every side's claims (doc/agreements.md). Exit 2 when the
// agreements cannot be read or none is selected, 3 when the store fails.
struct ProvisionsArgs {
  std::string db;
  std::string pack;       // FindPackDir
  std::string agreement;  // "" = all
  bool json = false;
};
CLI::App* AddProvisions(CLI::App& app, ProvisionsArgs* args);
int RunProvisions(const ProvisionsArgs& args);

// The theatre pack to use: --pack if given, else $CEASEWATCH_PACK, else
// data/theatres/south-caucasus found beside the binary (build/../data) or
// in the working directory.
std::string FindPackDir(const std::string& flag);

struct PlaceArgs {
  std::string name;
  std::string context;
  std::string pack;
  bool json = false;
  bool from_stdin = false;
  int limit = 5;
};
CLI::App* AddPlace(CLI::App& app, PlaceArgs* args);
int RunPlace(const PlaceArgs& args);

struct AnnotateArgs {
  std::string input;  // file or "-"
  std::string published;
  std::string pack;
  bool json = false;
  bool jsonl = false;  // input is JSON lines records (id, published, text)
};
CLI::App* AddAnnotate(CLI::App& app, AnnotateArgs* args);
int RunAnnotate(const AnnotateArgs& args);

// Incidents where the parties contradict each other (incidents/
// contradictions.h), each side's claim with its source and words.
struct ContradictionsArgs {
  std::string db;
  bool json = false;
};
CLI::App* AddContradictions(CLI::App& app, ContradictionsArgs* args);
int RunContradictions(const ContradictionsArgs& args);

// A period report (src/brief): incidents by type, place and side,
// casualties, contradictions and provisions, each line with its sources.
struct BriefArgs {
  std::string db;
  std::string since, until;
  std::string format = "md";  // md or html
  std::string pack;           // FindPackDir
  std::string output;
};
CLI::App* AddBrief(CLI::App& app, BriefArgs* args);
int RunBrief(const BriefArgs& args);

// The HTTP API and the dashboard (doc/api.md).
struct ServeArgs {
  std::string db;
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string token;  // "" = read-only
  std::string web;    // dashboard directory; "" = find web/dist
  std::string pack;
  int threads = 0;   // 0 = the server's default
  bool log = false;  // one line per request on stderr
};
CLI::App* AddServe(CLI::App& app, ServeArgs* args);
int RunServe(const ServeArgs& args);

}  // namespace ceasewatch::cli

#endif  // CEASEWATCH_CLI_COMMANDS_H_
