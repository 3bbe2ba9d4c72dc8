// `ceasewatch export`: the store's incidents as JSON (doc/export.md), an
// ACLED-style CSV or GeoJSON, selected by the filters every format takes.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "export/acled_csv.h"
#include "export/geojson_export.h"
#include "export/json_export.h"
#include "query/query_db.h"
#include "store/store.h"

namespace ceasewatch::cli {

void AddFilterOptions(CLI::App* cmd, FilterArgs* args) {
  cmd->add_option("--since", args->since,
                  "incidents whose window ends on or after this day "
                  "(YYYY-MM-DD)");
  cmd->add_option("--until", args->until,
                  "incidents whose window begins on or before this day");
  cmd->add_option("--type", args->types,
                  "only these types (comma-separated or repeated: "
                  "shelling,armed_clash)");
  cmd->add_option("--side", args->sides,
                  "only incidents involving these sides (AZ, AM, NK, RU, TR, "
                  "INTL, OTHER)");
  cmd->add_option("--place", args->places,
                  "only incidents at a place of this name, admin1, admin2, "
                  "country code or pack id");
  cmd->add_option("--bbox", args->bbox,
                  "only incidents with a place in minlon,minlat,maxlon,maxlat");
  cmd->add_option("--limit", args->limit, "at most this many incidents");
  cmd->add_option("--offset", args->offset, "skip this many incidents first");
}

Result<IncidentFilter> FilterOf(const FilterArgs& args) {
  IncidentFilter filter;
  const FilterParseOptions options;
  auto set = [&](const char* name, const std::string& value) {
    if (value.empty()) return Status::Ok();
    Status st = SetFilterParam(name, value, options, &filter);
    if (st.ok()) return st;
    return Status::InvalidInput("--" + st.message());
  };
  CW_RETURN_IF_ERROR(set("since", args.since));
  CW_RETURN_IF_ERROR(set("until", args.until));
  for (const std::string& t : args.types) CW_RETURN_IF_ERROR(set("type", t));
  for (const std::string& s : args.sides) CW_RETURN_IF_ERROR(set("side", s));
  for (const std::string& p : args.places) CW_RETURN_IF_ERROR(set("place", p));
  CW_RETURN_IF_ERROR(set("bbox", args.bbox));
  CW_RETURN_IF_ERROR(set("limit", args.limit));
  CW_RETURN_IF_ERROR(set("offset", args.offset));
  Status st = CheckFilter(filter);
  if (!st.ok()) return Status::InvalidInput("--" + st.message());
  return filter;
}

CLI::App* AddExport(CLI::App& app, ExportArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write the store's incidents (and, as JSON, their articles): json "
      "(doc/export.md), acled-csv (ACLED's columns) or geojson (points).");
  cmd->add_option("--db", args->db, "SQLite store")->required();
  cmd->add_option("--format", args->format,
                  "json (default), acled-csv or geojson")
      ->check(CLI::IsMember({"json", "acled-csv", "geojson"}));
  cmd->add_option("-o,--output", args->output, "file (default: stdout)");
  AddFilterOptions(cmd, &args->filter);
  return cmd;
}

std::unique_ptr<Store> OpenForReading(const std::string& db) {
  StoreOptions options;
  options.read_only = true;
  auto store = Store::Open(db, options);
  if (!store.ok()) {
    std::cerr << "ceasewatch: " << store.status().message() << "\n";
    return nullptr;
  }
  return std::move(*store);
}

int RunExport(const ExportArgs& args) {
  Result<IncidentFilter> filter = FilterOf(args.filter);
  if (!filter.ok()) {
    std::cerr << "ceasewatch: " << filter.status().message() << "\n";
    return kExitUsage;
  }
  std::unique_ptr<Store> store = OpenForReading(args.db);
  if (!store) return kExitStoreFailed;
  auto query = QueryDb::Open(args.db);
  if (!query.ok()) {
    std::cerr << "ceasewatch: " << query.status().message() << "\n";
    return kExitStoreFailed;
  }
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!args.output.empty() && args.output != "-") {
    file.open(args.output, std::ios::binary);
    if (!file) {
      std::cerr << "ceasewatch: cannot write " << args.output << "\n";
      return kExitUsage;
    }
    out = &file;
  }
  const bool everything =
      filter->SelectsAll() && filter->limit == 0 && filter->offset == 0;
  Status st;
  if (args.format == "json" && everything) {
    // Also writes reports fused into no incident (a store without fusion).
    st = ExportJson(*store, *out);
  } else {
    auto page = (*query)->FindIncidents(*filter);
    if (!page.ok()) {
      st = page.status();
    } else if (args.format == "json") {
      auto articles = (*query)->ArticlesOfIncidents(page->ids);
      st = articles.ok()
               ? ExportJsonSelected(*store, page->ids, *articles, *out)
               : articles.status();
    } else if (args.format == "acled-csv") {
      st = ExportAcledCsv(*store, **query, page->ids, *out);
    } else {
      st = ExportGeoJson(*store, **query, page->ids, *out);
    }
  }
  if (!st.ok()) {
    std::cerr << "ceasewatch: export failed: " << st.message() << "\n";
    return kExitStoreFailed;
  }
  return kExitOk;
}

}  // namespace ceasewatch::cli
