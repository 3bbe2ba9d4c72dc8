// libFuzzer target: FindNumbers and FindCasualties on the raw input.
// Checks: spans lie in the text (numbers in order, without overlap);
// intervals are 0 <= low <= high, never NaN; a casualty mention has at
// least one group and its interval is the sum of its groups'; aggregate
// exactly when a period phrase was found.
// Link: needs cw_numbers (fuzz/CMakeLists.txt links cw_pipeline only).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "numbers/casualties.h"
#include "numbers/numbers.h"

namespace {

using ceasewatch::fuzzing::Check;

void CheckInterval(double low, double high) {
  Check(!std::isnan(low) && !std::isnan(high));
  Check(low >= 0 && low <= high && !std::isinf(low));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ceasewatch;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  std::vector<NumberMention> ns = FindNumbers(text);
  for (size_t k = 0; k < ns.size(); ++k) {
    Check(ns[k].begin < ns[k].end && ns[k].end <= size);
    if (k) Check(ns[k - 1].end <= ns[k].begin);
    CheckInterval(ns[k].low, ns[k].high);
  }

  std::vector<CasualtyMention> cs = FindCasualties(text);
  for (size_t k = 0; k < cs.size(); ++k) {
    const CasualtyMention& m = cs[k];
    Check(m.begin < m.end && m.end <= size);
    if (k) Check(cs[k - 1].begin <= m.begin);
    CheckInterval(m.low, m.high);
    Check(!m.groups.empty());
    double low = 0, high = 0;
    for (const CasualtyGroup& g : m.groups) {
      CheckInterval(g.low, g.high);
      low += g.low;
      high += g.high;
    }
    Check(low == m.low && high == m.high);
    Check(m.aggregate == !m.period_text.empty());
  }
  return 0;
}
