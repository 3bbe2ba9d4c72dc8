// libFuzzer target: read a JSON-lines file. Checks that no exception
// escapes and that every document comes from one line of the input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ceasewatch/records.h"
#include "ceasewatch/status.h"
#include "fuzz_check.h"
#include "input/jsonl_reader.h"

namespace {

using ceasewatch::fuzzing::Check;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ceasewatch;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  JsonlReader reader(in, "fuzz.jsonl");
  RawDocument doc;
  Status error;
  while (reader.Next(&doc, &error)) {
    Check(reader.locator().starts_with("line "));
    if (!error.ok()) {
      Check(error.code() == Status::Code::kInvalidInput);
      Check(error.message().starts_with(reader.locator() + ": "));
      continue;
    }
    Check(!doc.bytes.empty());
    Check(doc.envelope.find('\n') == std::string::npos);
    Check(in.find(doc.envelope) != std::string_view::npos);
    Check(doc.format == InputFormat::kHtml || doc.format == InputFormat::kText);
  }
  return 0;
}
