// libFuzzer target: gunzip (when the input is gzip), then read WARC records.
// Checks that reading ends, never throws, and that documents are sane.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ceasewatch/records.h"
#include "ceasewatch/status.h"
#include "fuzz_check.h"
#include "input/gzip.h"
#include "input/warc_reader.h"

namespace {

constexpr size_t kMaxOut = size_t{1} << 24;

using ceasewatch::fuzzing::Check;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ceasewatch;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string plain;
  if (IsGzip(in)) {
    Status st = Gunzip(in, kMaxOut, &plain);
    Check(plain.size() <= kMaxOut);
    Check(st.ok() || !st.message().empty());
    in = plain;
  }
  WarcReader reader(in, "fuzz.warc.gz", kMaxOut);
  RawDocument doc;
  Status error;
  size_t steps = 0;
  while (reader.Next(&doc, &error)) {
    Check(++steps <= in.size() + 1);  // each step consumes input
    Check(reader.locator().starts_with("record "));
    if (!error.ok()) {
      Check(error.message().starts_with(reader.locator() + " at byte "));
      continue;
    }
    Check(doc.format == InputFormat::kHtml || doc.format == InputFormat::kText);
    Check(!doc.bytes.empty() && doc.bytes.size() <= kMaxOut);
    Check(doc.locator == reader.locator());
  }
  return 0;
}
