// libFuzzer target: ExtractHtml on arbitrary bytes. Checks the invariants
// every caller relies on: no crash; no error other than kTooLarge (a parse
// tree over the memory budget); body returned unchanged; block spans within
// the body; block text non-empty and folded (no leading, trailing or double
// space, no newline); heading levels 1..6.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/html_extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  ceasewatch::HtmlOptions options;
  options.max_depth = 64 + static_cast<int>(size % 256);
  ceasewatch::Result<ceasewatch::Page> page =
      ceasewatch::ExtractHtml(input, options);
  if (!page.ok()) {
    // The only refusal allowed: a parse tree over the memory budget.
    if (page.status().code() != ceasewatch::Status::Code::kTooLarge) {
      std::abort();
    }
    return 0;
  }
  if (page->body != input) std::abort();
  for (const ceasewatch::TextBlock& b : page->blocks) {
    if (b.raw_begin > b.raw_end || b.raw_end > page->body.size()) {
      std::abort();
    }
    const std::string& t = b.text;
    if (t.empty() || t.front() == ' ' || t.back() == ' ') std::abort();
    if (t.find("  ") != std::string::npos) std::abort();
    if (t.find('\n') != std::string::npos) std::abort();
    if (b.hint == ceasewatch::BlockHint::kHeading &&
        (b.heading_level < 1 || b.heading_level > 6)) {
      std::abort();
    }
  }
  return 0;
}
