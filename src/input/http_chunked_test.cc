#include "input/http_chunked.h"

#include <gtest/gtest.h>

namespace ceasewatch {
namespace {

TEST(HttpChunkedTest, Table) {
  struct Case {
    std::string_view in;
    Status::Code code;
    std::string_view out;
    std::string_view message;  // checked when not empty
  };
  using C = Status::Code;
  const Case cases[] = {
      {"5\r\nhello\r\n0\r\n\r\n", C::kOk, "hello", ""},
      {"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", C::kOk, "hello world", ""},
      {"A;name=val\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\n", C::kOk,
       "0123456789", ""},
      {"3\nabc\n0\n\n", C::kOk, "abc", ""},
      {"0\r\n\r\n", C::kOk, "", ""},
      {"5\r\nhel", C::kInvalidInput, "hel", "truncated chunked body at byte 6"},
      {"5\r\nhello", C::kInvalidInput, "hello",
       "truncated chunked body at byte 8"},
      {"5\r\nhello\r\n", C::kInvalidInput, "hello",
       "truncated chunked body at byte 10"},
      {"zz\r\nhello\r\n0\r\n\r\n", C::kInvalidInput, "",
       "malformed chunk size at byte 0"},
      {"2\r\nhello\r\n0\r\n\r\n", C::kInvalidInput, "he",
       "malformed chunk size at byte 5"},
      {"\r\n", C::kInvalidInput, "", "malformed chunk size at byte 0"},
      {"", C::kInvalidInput, "", "truncated chunked body at byte 0"},
      {"fffffffffffffffff\r\n", C::kInvalidInput, "",
       "malformed chunk size at byte 0"},
  };
  for (const Case& c : cases) {
    std::string out;
    Status st = DecodeChunked(c.in, &out);
    EXPECT_EQ(st.code(), c.code) << c.in;
    EXPECT_EQ(out, c.out) << c.in;
    if (!c.message.empty()) {
      EXPECT_EQ(st.message(), c.message) << c.in;
    }
  }
}

}  // namespace
}  // namespace ceasewatch
