// libFuzzer target: read a JSON-lines file (plain or gzip) a line at a
// time through JsonlFileReader, with a small line limit so that lines over
// it, lines across buffer refills and cut gzip streams all occur. Checks
// that every record is one line of the (decompressed) input, errors carry
// their locator, and the reader ends.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ceasewatch/records.h"
#include "ceasewatch/status.h"
#include "fuzz_check.h"
#include "input/jsonl_file_reader.h"

namespace {

using ceasewatch::fuzzing::Check;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ceasewatch;
  // The first byte picks the line limit (1..256 bytes).
  if (size < 1) return 0;
  const size_t max_line = 1 + data[0];
  const std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  const int fd = memfd_create("jsonl", 0);
  if (fd < 0) return 0;
  for (size_t done = 0; done < in.size();) {
    ssize_t n = write(fd, in.data() + done, in.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  auto reader = JsonlFileReader::Open(path, max_line, 64);
  if (reader.ok()) {
    Check((*reader)->head().size() <= 64);
    RawDocument doc;
    Status error;
    while ((*reader)->Next(&doc, &error)) {
      Check((*reader)->locator().starts_with("line "));
      if (!error.ok()) {
        Check(error.message().starts_with((*reader)->locator() + ": "));
        continue;
      }
      Check(!doc.bytes.empty());
      Check(doc.envelope.size() <= max_line);
      Check(doc.envelope.find('\n') == std::string::npos);
    }
  }
  close(fd);
  return 0;
}
