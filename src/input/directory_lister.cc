#include "input/directory_lister.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace ceasewatch {
namespace {

namespace fs = std::filesystem;

void Walk(const fs::path& dir, std::set<fs::path>* seen,
          DirectoryListing* out) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (ec) {
    out->errors.push_back(
        {dir.generic_string(),
         Status::IOError("cannot read folder " + dir.generic_string() + ": " +
                         ec.message())});
    return;
  }
  if (!seen->insert(canonical).second) return;  // already walked

  std::vector<fs::path> subdirs;
  // Explicit increments with an error_code: nothing here may throw.
  fs::directory_iterator it(dir, ec);
  for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.filename().string().starts_with('.')) continue;
    std::error_code sec;
    const fs::file_status st = it->status(sec);  // follows symlinks
    if (sec) {
      // A dangling symlink or an entry we may not stat.
      out->errors.push_back(
          {p.generic_string(),
           Status::IOError("cannot read " + p.generic_string() + ": " +
                           sec.message())});
      continue;
    }
    if (fs::is_directory(st)) {
      subdirs.push_back(p);
    } else if (fs::is_regular_file(st)) {
      out->files.push_back(p.generic_string());
    }
  }
  if (ec) {
    out->errors.push_back(
        {dir.generic_string(),
         Status::IOError("cannot read folder " + dir.generic_string() + ": " +
                         ec.message())});
  }
  for (const fs::path& sub : subdirs) Walk(sub, seen, out);
}

}  // namespace

DirectoryListing ListFiles(const std::string& root) {
  DirectoryListing out;
  std::set<fs::path> seen;
  Walk(fs::path(root), &seen, &out);
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.errors.begin(), out.errors.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

}  // namespace ceasewatch
