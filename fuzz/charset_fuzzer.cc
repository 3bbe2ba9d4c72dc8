// libFuzzer target: DecodeToUtf8 with each format and a few declared
// charsets. The first input byte picks the format (bits 0-1) and the
// declared charset (bits 2-5); the rest is the payload.
// Checks: a success is valid UTF-8; valid UTF-8 with no BOM and no
// declared charset comes back unchanged; a failure names a byte offset.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ceasewatch/records.h"
#include "ceasewatch/status.h"
#include "fuzz_check.h"
#include "input/charset.h"

namespace {

using ceasewatch::fuzzing::Check;

constexpr ceasewatch::InputFormat kFormats[] = {
    ceasewatch::InputFormat::kHtml, ceasewatch::InputFormat::kText,
    ceasewatch::InputFormat::kJsonLines, ceasewatch::InputFormat::kUnknown};

constexpr const char* kCharsets[] = {"",
                                     "",
                                     "utf-8",
                                     "windows-1251",
                                     "iso-8859-1",
                                     "shift_jis",
                                     "euc-jp",
                                     "gb18030",
                                     "big5",
                                     "utf-16",
                                     "koi8-r",
                                     "utf-16be",
                                     "iso-2022-jp",
                                     "x-unknown",
                                     "euc-kr",
                                     "windows-1253"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ceasewatch;
  if (size == 0) return 0;
  const InputFormat format = kFormats[data[0] & 3];
  const std::string_view charset = kCharsets[(data[0] >> 2) & 15];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1),
                               size - 1);

  Result<std::string> out = DecodeToUtf8(bytes, charset, format);
  if (out.ok()) {
    Check(IsValidUtf8(*out, nullptr));
  } else {
    Check(out.status().code() == Status::Code::kInvalidInput ||
          out.status().code() == Status::Code::kUnsupported);
    if (out.status().code() == Status::Code::kInvalidInput) {
      Check(out.status().message().find(" at byte ") != std::string::npos);
    }
  }

  const bool bom = bytes.starts_with("\xEF\xBB\xBF") ||
                   bytes.starts_with("\xFF\xFE") ||
                   bytes.starts_with("\xFE\xFF");
  if (!bom && charset.empty() && format != InputFormat::kHtml &&
      IsValidUtf8(bytes, nullptr)) {
    Check(out.ok() && *out == bytes);
  }
  size_t bad = 0;
  if (!IsValidUtf8(bytes, &bad)) Check(bad < bytes.size());
  return 0;
}
