// libFuzzer target: ScanDates and ResolveDates. The first four input bytes
// give the publication day (byte 0 == 0, or an impossible day: unknown);
// the rest is the text.
// Checks: spans lie in the text, in order, without overlap; every window is
// valid with from <= to; with a known day, a future window starts after it
// and any other ends on or before it; without one, nothing is future or
// clamped, and only anchored forms ("the next day") are relative.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "dates/civil_day.h"
#include "dates/date_scanner.h"
#include "dates/relative_dates.h"
#include "fuzz_check.h"

namespace {

using ceasewatch::fuzzing::Check;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ceasewatch;
  if (size < 4) return 0;
  CivilDay published;
  if (data[0] != 0) {
    published.year = (data[1] | data[2] << 8) % 10000;
    published.month = data[3] % 13;
    published.day = data[0] % 32;
  }
  const bool known = published.valid();
  const std::string_view text(reinterpret_cast<const char*>(data + 4),
                              size - 4);

  std::vector<DateMention> ms = ScanDates(text);
  for (size_t k = 0; k < ms.size(); ++k) {
    Check(ms[k].begin < ms[k].end && ms[k].end <= text.size());
    if (k) Check(ms[k - 1].end <= ms[k].begin);
    Check(ms[k].month >= 0 && ms[k].month <= 12);
    Check(ms[k].day >= 0 && ms[k].day <= 31);
  }

  std::vector<ResolvedDate> ds = ResolveDates(text, published);
  for (size_t k = 0; k < ds.size(); ++k) {
    const ResolvedDate& d = ds[k];
    Check(d.begin < d.end && d.end <= text.size());
    if (k) Check(ds[k - 1].end <= d.begin);
    Check(d.from.valid() && d.to.valid() && d.from <= d.to);
    Check(!d.rule.empty());
    if (known) {
      if (d.future) {
        Check(d.from > published && !d.clamped);
      } else {
        Check(d.to <= published);
      }
    } else {
      // Only "a day later" and the like, counted from an absolute date.
      Check(!d.future && !d.clamped && (!d.relative || d.rule == "anchor"));
    }
  }
  return 0;
}
