// Listing the files under a folder, for the input walker.
#ifndef CEASEWATCH_INPUT_DIRECTORY_LISTER_H_
#define CEASEWATCH_INPUT_DIRECTORY_LISTER_H_

#include <string>
#include <utility>
#include <vector>

#include "ceasewatch/status.h"

namespace ceasewatch {

struct DirectoryListing {
  // Every regular file below the folder (symlinks followed), as the folder
  // path given joined with the relative path, sorted by that string.
  std::vector<std::string> files;
  // Folders or entries that could not be read, with why.
  std::vector<std::pair<std::string, Status>> errors;
};

// Walks `root` recursively. Names starting with '.' (files and folders)
// are skipped. A folder reached twice (a symlink loop, or two links to one
// folder) is listed once, so the walk always ends. Fifos, sockets and
// devices are skipped.
DirectoryListing ListFiles(const std::string& root);

}  // namespace ceasewatch

#endif  // CEASEWATCH_INPUT_DIRECTORY_LISTER_H_
