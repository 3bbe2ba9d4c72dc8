// Locating ../shared (the real sample pages and gold annotations) from
// tests. They are not part of the repo: tests that need them skip cleanly
// when they are absent.
#ifndef CEASEWATCH_TESTS_SHARED_DATA_H_
#define CEASEWATCH_TESTS_SHARED_DATA_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ceasewatch::testing {

// $CEASEWATCH_SHARED, else ../shared beside the repo; "" when the chosen
// folder holds no corpus (tests then skip).
inline std::string SharedDir() {
  std::filesystem::path p =
      std::filesystem::path(CW_SOURCE_DIR).parent_path() / "shared";
  if (const char* env = std::getenv("CEASEWATCH_SHARED")) p = env;
  return std::filesystem::exists(p / "corpus") ? p.string() : "";
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace ceasewatch::testing

#endif  // CEASEWATCH_TESTS_SHARED_DATA_H_
