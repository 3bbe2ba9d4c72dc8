#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "export/json_export.h"
#include "store/store.h"

namespace ceasewatch::cli {

CLI::App* AddExport(CLI::App& app, ExportArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "export", "Write the store's articles and events (doc/export.md).");
  cmd->add_option("--db", args->db, "SQLite store")->required();
  cmd->add_option("--format", args->format, "json (default)")
      ->check(CLI::IsMember({"json"}));
  cmd->add_option("-o,--output", args->output, "file (default: stdout)");
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
  std::unique_ptr<Store> store = OpenForReading(args.db);
  if (!store) return kExitStoreFailed;
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!args.output.empty() && args.output != "-") {
    file.open(args.output);
    if (!file) {
      std::cerr << "ceasewatch: cannot write " << args.output << "\n";
      return kExitUsage;
    }
    out = &file;
  }
  Status st = ExportJson(*store, *out);
  if (!st.ok()) {
    std::cerr << "ceasewatch: export failed: " << st.message() << "\n";
    return kExitStoreFailed;
  }
  return kExitOk;
}

}  // namespace ceasewatch::cli
