// libFuzzer target: SplitSentences and FindAttributions on arbitrary bytes.
// Checks the contracts in quotes/sentences.h and quotes/attribution.h:
//   sentences are non-empty, in order, without overlap, never cross a
//   newline, carry no leading or trailing whitespace, and leave out nothing
//   but whitespace (ASCII or U+00A0);
//   attributions are ordered by begin; every span lies in the text; the
//   content is non-empty and inside the statement; the target is empty
//   unless the stance is denies or disputes; kind and stance are in range
//   and the verb is set.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "quotes/attribution.h"
#include "quotes/sentences.h"

namespace {

using ceasewatch::fuzzing::Check;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// [b, e) holds only whitespace.
void CheckGap(std::string_view t, size_t b, size_t e) {
  for (size_t i = b; i < e;) {
    if (IsSpace(t[i])) {
      ++i;
    } else if (i + 1 < e && static_cast<uint8_t>(t[i]) == 0xC2 &&
               static_cast<uint8_t>(t[i + 1]) == 0xA0) {
      i += 2;
    } else {
      __builtin_trap();
    }
  }
}

void CheckSentences(std::string_view t) {
  const std::vector<ceasewatch::Span> spans = ceasewatch::SplitSentences(t);
  size_t prev = 0;
  for (const ceasewatch::Span& s : spans) {
    Check(s.begin < s.end && s.end <= t.size());
    Check(s.begin >= prev);
    CheckGap(t, prev, s.begin);
    std::string_view text = t.substr(s.begin, s.end - s.begin);
    Check(text.find('\n') == std::string_view::npos);
    Check(!IsSpace(text.front()) && !IsSpace(text.back()));
    prev = s.end;
  }
  CheckGap(t, prev, t.size());
}

void CheckAttributions(std::string_view t) {
  using ceasewatch::Attribution;
  const std::vector<Attribution> all = ceasewatch::FindAttributions(t);
  uint32_t prev = 0;
  for (const Attribution& a : all) {
    Check(a.begin >= prev);
    prev = a.begin;
    Check(a.begin <= a.end && a.end <= t.size());
    Check(a.content_begin < a.content_end);
    Check(a.begin <= a.content_begin && a.content_end <= a.end);
    Check(a.speaker_begin <= a.speaker_end && a.speaker_end <= t.size());
    Check(a.target_begin <= a.target_end && a.target_end <= t.size());
    Check(a.target_begin == a.target_end || a.stance == Attribution::kDenies ||
          a.stance == Attribution::kDisputes);
    Check(a.kind <= Attribution::kSourceReport);
    Check(a.stance <= Attribution::kConfirms);
    Check(!a.verb.empty());
    Check(!ceasewatch::DumpAttribution(t, a).empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckSentences(text);
  CheckAttributions(text);
  return 0;
}
