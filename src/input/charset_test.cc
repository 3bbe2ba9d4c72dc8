#include "input/charset.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/ustring.h>

#include <random>
#include <string>

namespace ceasewatch {
namespace {

using ::testing::HasSubstr;

TEST(IsValidUtf8Test, Table) {
  struct Case {
    std::string s;
    bool valid;
    size_t bad;
  };
  const Case cases[] = {
      {"", true, 0},
      {"plain ascii text, long enough for the 8-byte path", true, 0},
      {"caf\xC3\xA9", true, 0},
      {"\xE2\x82\xAC euro", true, 0},
      {"\xF0\x9F\x98\x80 emoji", true, 0},
      {"\xF4\x8F\xBF\xBF", true, 0},    // U+10FFFF
      {"\xEF\xBF\xBF", true, 0},        // U+FFFF
      {"abc\x80", false, 3},            // lone continuation
      {"abc\xC0\x80", false, 3},        // overlong NUL
      {"\xC1\xBF", false, 0},           // overlong
      {"ab\xE0\x80\x80", false, 2},     // overlong 3-byte
      {"\xED\xA0\x80", false, 0},       // surrogate
      {"x\xF0\x80\x80\x80", false, 1},  // overlong 4-byte
      {"\xF4\x90\x80\x80", false, 0},   // > U+10FFFF
      {"\xF5\x80\x80\x80", false, 0},
      {"\xFF", false, 0},
      {"caf\xC3", false, 3},  // truncated at end
      {"caf\xE2\x82", false, 3},
      {"caf\xC3(", false, 3},  // bad continuation
      {"\xE2\x82(x", false, 0},
      {std::string(13, 'a') + "\xFF", false, 13},  // after the fast path
      {std::string(16, 'a') + "\xC3\xA9" + std::string(9, 'b') + "\xC3", false,
       27},
  };
  for (const Case& c : cases) {
    size_t bad = 12345;
    EXPECT_EQ(IsValidUtf8(c.s, &bad), c.valid) << c.s;
    if (!c.valid) {
      EXPECT_EQ(bad, c.bad) << c.s;
    }
  }
  EXPECT_FALSE(IsValidUtf8("\x80", nullptr));
}

// Agrees with ICU's strict UTF-8 reader on random, mostly-UTF-8 strings.
TEST(IsValidUtf8Test, AgreesWithIcu) {
  std::mt19937 rng(42);
  const std::string pieces[] = {
      "a",    " ",      "\xC3\xA9",     "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
      "\x80", "\xC3",   "\xED\xA0\x80", "\xF4\x90",     "\xE0\x9F\x80",
      "\xFE", "bcdefgh"};
  for (int iter = 0; iter < 5000; ++iter) {
    std::string s;
    const int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) {
      // Mostly valid pieces.
      const size_t k = rng() % 10 < 8 ? rng() % 5 : rng() % std::size(pieces);
      s += pieces[k];
    }
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = 0;
    u_strFromUTF8(nullptr, 0, &len, s.data(), static_cast<int32_t>(s.size()),
                  &err);
    const bool icu_valid = err != U_INVALID_CHAR_FOUND;
    EXPECT_EQ(IsValidUtf8(s, nullptr), icu_valid) << s;
  }
}

struct DecodeCase {
  const char* name;
  std::string bytes;
  std::string declared;
  InputFormat format;
  Status::Code code;
  std::string want;  // the UTF-8 text, or a substring of the error
};

class DecodeTest : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(DecodeTest, Decodes) {
  const DecodeCase& c = GetParam();
  Result<std::string> got = DecodeToUtf8(c.bytes, c.declared, c.format);
  ASSERT_EQ(got.status().code(), c.code) << got.status().ToString();
  if (got.ok()) {
    EXPECT_EQ(*got, c.want);
  } else {
    EXPECT_THAT(got.status().message(), HasSubstr(c.want));
  }
}

const std::string kCyrillic1251 = "\xCF\xF0\xE8\xE2\xE5\xF2";  // Привет
const std::string kCyrillicUtf8 =
    "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82";

INSTANTIATE_TEST_SUITE_P(
    Charsets, DecodeTest,
    ::testing::Values(
        DecodeCase{"Utf8Unchanged", "<p>caf\xC3\xA9</p>", "",
                   InputFormat::kHtml, Status::Code::kOk, "<p>caf\xC3\xA9</p>"},
        DecodeCase{"Utf8BomStripped", "\xEF\xBB\xBFhello", "",
                   InputFormat::kText, Status::Code::kOk, "hello"},
        DecodeCase{"Utf16LeBom", std::string("\xFF\xFEh\0i\0\xAC\x20", 8), "",
                   InputFormat::kText, Status::Code::kOk, "hi\xE2\x82\xAC"},
        DecodeCase{"Utf16BeBom",
                   std::string("\xFE\xFF\0<\0p\0>\xD8\x3D\xDE\x00", 12),
                   "windows-1251", InputFormat::kHtml, Status::Code::kOk,
                   "<p>\xF0\x9F\x98\x80"},
        DecodeCase{"Utf16OddLength", std::string("\xFF\xFEh\0i", 5), "",
                   InputFormat::kText, Status::Code::kInvalidInput,
                   "truncated UTF-16LE sequence at byte 4"},
        DecodeCase{"Utf16UnpairedSurrogate",
                   std::string("\xFF\xFE"
                               "a\0\x00\xD8"
                               "b\0",
                               8),
                   "", InputFormat::kText, Status::Code::kInvalidInput,
                   "invalid UTF-16LE at byte 4"},
        DecodeCase{"MetaCharset1251",
                   "<html><head><meta charset=\"windows-1251\"></head><p>" +
                       kCyrillic1251,
                   "", InputFormat::kHtml, Status::Code::kOk,
                   "<html><head><meta charset=\"windows-1251\"></head><p>" +
                       kCyrillicUtf8},
        DecodeCase{"HttpEquivLatin1IsWindows1252",
                   "<meta http-equiv=\"Content-Type\" content=\"text/html; "
                   "charset=ISO-8859-1\">\x93"
                   "caf\xE9\x94",
                   "", InputFormat::kHtml, Status::Code::kOk,
                   "<meta http-equiv=\"Content-Type\" content=\"text/html; "
                   "charset=ISO-8859-1\">\xE2\x80\x9C"
                   "caf\xC3\xA9\xE2\x80\x9D"},
        DecodeCase{"DeclaredBeatsMeta",
                   "<meta charset=utf-8><p>" + kCyrillic1251, "windows-1251",
                   InputFormat::kHtml, Status::Code::kOk,
                   "<meta charset=utf-8><p>" + kCyrillicUtf8},
        DecodeCase{"DeclaredQuotedAndCased", kCyrillic1251, " \"CP1251\" ",
                   InputFormat::kText, Status::Code::kOk, kCyrillicUtf8},
        DecodeCase{"TextIgnoresMeta",
                   "<meta charset=\"windows-1251\">caf\xC3\xA9", "",
                   InputFormat::kText, Status::Code::kOk,
                   "<meta charset=\"windows-1251\">caf\xC3\xA9"},
        DecodeCase{"MetaUtf16MeansUtf8", "<meta charset=utf-16><p>\xC3\xA9", "",
                   InputFormat::kHtml, Status::Code::kOk,
                   "<meta charset=utf-16><p>\xC3\xA9"},
        DecodeCase{"Koi8r", "\xF0\xD2\xC9\xD7\xC5\xD4", "koi8-r",
                   InputFormat::kText, Status::Code::kOk, kCyrillicUtf8},
        DecodeCase{"Gb2312IsGbk", "\xD6\xD0\xCE\xC4", "gb2312",
                   InputFormat::kText, Status::Code::kOk,
                   "\xE4\xB8\xAD\xE6\x96\x87"},
        DecodeCase{"UnassignedBecomesReplacement", "a\xD2z", "windows-1253",
                   InputFormat::kText, Status::Code::kOk, "a\xEF\xBF\xBDz"},
        DecodeCase{"BrokenUtf8", "<p>caf\xC3(</p>", "", InputFormat::kHtml,
                   Status::Code::kInvalidInput, "invalid UTF-8 at byte 6"},
        DecodeCase{"BrokenUtf8DeclaredUtf8", "abc\xFF", "UTF-8",
                   InputFormat::kText, Status::Code::kInvalidInput,
                   "invalid UTF-8 at byte 3"},
        DecodeCase{"BrokenUtf8AfterBomCountsBom",
                   "\xEF\xBB\xBF"
                   "ab\x80",
                   "", InputFormat::kText, Status::Code::kInvalidInput,
                   "invalid UTF-8 at byte 5"},
        DecodeCase{"BrokenShiftJis", "ab\x81\x20", "shift_jis",
                   InputFormat::kText, Status::Code::kInvalidInput,
                   "invalid shift_jis at byte 2"},
        DecodeCase{"TruncatedShiftJis", "ab\x82", "shift_jis",
                   InputFormat::kText, Status::Code::kInvalidInput,
                   "truncated shift_jis sequence at byte 2"},
        DecodeCase{"UnknownCharsetOnNonUtf8", "caf\xE9", "x-no-such-charset",
                   InputFormat::kText, Status::Code::kUnsupported,
                   "unknown charset \"x-no-such-charset\""},
        DecodeCase{"UnknownCharsetOnUtf8IsKept", "plain words", "none",
                   InputFormat::kText, Status::Code::kOk, "plain words"},
        DecodeCase{"ImplausibleLabel", "caf\xE9", "utf-8,swaplfnl",
                   InputFormat::kText, Status::Code::kUnsupported,
                   "unknown charset"},
        DecodeCase{"Empty", "", "", InputFormat::kHtml, Status::Code::kOk, ""}),
    [](const ::testing::TestParamInfo<DecodeCase>& info) {
      return std::string(info.param.name);
    });

}  // namespace
}  // namespace ceasewatch
