#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "cli/commands.h"

namespace ceasewatch::cli {

std::string FindPackDir(const std::string& flag) {
  namespace fs = std::filesystem;
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("CEASEWATCH_PACK")) return env;
  const fs::path rel = fs::path("data") / "theatres" / "south-caucasus";
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty();
         dir = dir.parent_path()) {
      if (fs::exists(dir / rel / "pack.json")) return (dir / rel).string();
      if (dir == dir.root_path()) break;
    }
  }
  return rel.string();
}

}  // namespace ceasewatch::cli
