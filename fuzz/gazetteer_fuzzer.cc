// libFuzzer target: name folding and the gazetteer over arbitrary bytes.
// The gazetteer is the bundled test pack, src/gazetteer/testdata/mini (or
// $CEASEWATCH_GAZETTEER_PACK), loaded once; its compiled names are not
// cached on disk.
// Checks: folding never grows past its bounds and its offsets point into
// the input, in order; FoldName is idempotent; every mention lies inside
// the input, in order, without overlap, with a place and a precision of
// 1 to 3; actors have an actor; Lookup's candidates are ranked.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "gazetteer/gazetteer.h"
#include "gazetteer/name_fold.h"

namespace {

using ceasewatch::fuzzing::Check;

const ceasewatch::Gazetteer* Shared() {
  static const ceasewatch::Gazetteer* g = [] {
    std::string dir;
    if (const char* env = std::getenv("CEASEWATCH_GAZETTEER_PACK")) {
      dir = env;
    } else {
      const std::string here = __FILE__;  // .../fuzz/gazetteer_fuzzer.cc
      dir = here.substr(0, here.rfind('/')) + "/../src/gazetteer/testdata/mini";
    }
    ceasewatch::GazetteerOptions options;
    options.matcher.cache_dir = "-";
    auto loaded = ceasewatch::Gazetteer::Load(dir, options);
    Check(loaded.ok());
    return loaded->release();  // lives for the process
  }();
  return g;
}

void CheckFolded(const ceasewatch::FoldedText& f, std::string_view in) {
  Check(f.offsets.size() == f.text.size() + 1);
  Check(f.offsets.back() == in.size());
  for (size_t i = 0; i < f.text.size(); ++i) {
    Check(f.offsets[i] <= in.size());
    if (i > 0) Check(f.offsets[i - 1] <= f.offsets[i]);
  }
  if (!f.text.empty()) {
    Check(f.OriginalEnd(in, f.text.size()) <= in.size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ceasewatch;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const FoldedText plain = FoldWithOffsets(text);
  CheckFolded(plain, text);
  const std::string folded = FoldName(text);
  Check(folded == plain.text);
  Check(FoldName(folded) == folded);
  Check(folded.empty() || (folded.front() != ' ' && folded.back() != ' '));
  const FoldedText matching = FoldForMatching(text);
  CheckFolded(matching, text);
  Check(!matching.text.empty() && matching.text.front() == ' ' &&
        matching.text.back() == ' ');
  Check(matching.text.find("  ") == std::string::npos);

  const Gazetteer* g = Shared();
  const Annotation a = g->Annotate(text, {2022, 3, 27});
  size_t last_end = 0;
  for (const PlaceMention& m : a.places) {
    Check(m.begin < m.end && m.end <= size && m.begin >= last_end);
    last_end = m.end;
    Check(m.best.place != nullptr);
    Check(m.geo_precision >= 1 && m.geo_precision <= 3);
    Check(m.runners_up.size() <= 3 &&
          m.runners_up.size() + 1 <= m.candidate_count);
    for (const PlaceCandidate& c : m.runners_up) {
      Check(c.place != nullptr && c.score <= m.best.score);
    }
  }
  last_end = 0;
  for (const ActorMention& m : a.actors) {
    Check(m.begin < m.end && m.end <= size && m.begin >= last_end);
    last_end = m.end;
    Check(m.actor != nullptr);
  }
  const std::string_view name = text.substr(0, std::min<size_t>(size, 40));
  const std::vector<PlaceCandidate> c = g->Lookup(name, text);
  for (size_t i = 1; i < c.size(); ++i) Check(c[i].score <= c[i - 1].score);
  return 0;
}
