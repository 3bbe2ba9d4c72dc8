// Test helpers for src/gazetteer: the bundled test pack, the real pack
// when it has been built, and one shared Gazetteer per pack and process.
#ifndef CEASEWATCH_GAZETTEER_GAZETTEER_TESTING_H_
#define CEASEWATCH_GAZETTEER_GAZETTEER_TESTING_H_

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "gazetteer/gazetteer.h"

namespace ceasewatch::testing {

// src/gazetteer/testdata/mini: a hand-made pack in the real format.
inline std::string MiniPackDir() {
  return std::string(CW_SOURCE_DIR) + "/src/gazetteer/testdata/mini";
}

// data/theatres/south-caucasus when its pack.json exists, else "".
inline std::string RealPackDir() {
  const std::string dir =
      std::string(CW_SOURCE_DIR) + "/data/theatres/south-caucasus";
  return std::filesystem::exists(dir + "/pack.json") ? dir : "";
}

// A Gazetteer over `dir`, loaded once per process (nullptr and a test
// failure if it does not load). The compiled names are cached in the
// system temp directory, never in the source tree.
inline const Gazetteer* SharedGazetteer(const std::string& dir) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Gazetteer>> loaded;
  std::lock_guard<std::mutex> lock(mu);
  auto it = loaded.find(dir);
  if (it != loaded.end()) return it->second.get();
  GazetteerOptions options;
  options.matcher.cache_dir =
      (std::filesystem::temp_directory_path() / "ceasewatch-gazetteer-test")
          .string();
  Result<std::unique_ptr<Gazetteer>> g = Gazetteer::Load(dir, options);
  if (!g.ok()) return nullptr;
  return (loaded[dir] = std::move(*g)).get();
}

}  // namespace ceasewatch::testing

#endif  // CEASEWATCH_GAZETTEER_GAZETTEER_TESTING_H_
