#include "input/header_fields.h"

#include <gtest/gtest.h>

namespace ceasewatch {
namespace {

TEST(HeaderFieldsTest, ParsesUntilEmptyLine) {
  const std::string data =
      "WARC-Type: response\r\n"
      "content-length:  12 \r\n"
      "X-Long: first\r\n"
      "\t second\r\n"
      "\r\n"
      "body";
  std::vector<HeaderField> fields;
  size_t end = 0;
  ASSERT_EQ(ParseHeaderFields(data, &fields, &end), HeaderParse::kOk);
  EXPECT_EQ(data.substr(end), "body");
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(*FindHeader(fields, "Content-Length"), "12");
  EXPECT_EQ(*FindHeader(fields, "x-long"), "first second");
  EXPECT_EQ(FindHeader(fields, "WARC-Date"), nullptr);
}

TEST(HeaderFieldsTest, Table) {
  struct Case {
    const char* data;
    HeaderParse want;
    size_t end;
  };
  const Case cases[] = {
      {"A: 1\n\nrest", HeaderParse::kOk, 6},
      {"\r\n", HeaderParse::kOk, 2},
      {"A: 1\r\nB: 2", HeaderParse::kTruncated, 10},
      {"", HeaderParse::kTruncated, 0},
      {"A: 1\r\nno colon here\r\n\r\n", HeaderParse::kMalformed, 6},
      {" leading continuation\r\n\r\n", HeaderParse::kMalformed, 0},
      {": empty name\r\n\r\n", HeaderParse::kMalformed, 0},
      {"Bad Name: x\r\n\r\n", HeaderParse::kOk, 15},
      {"Bad :x\r\n\r\n", HeaderParse::kMalformed, 0},
  };
  for (const Case& c : cases) {
    std::vector<HeaderField> fields;
    size_t end = 99;
    EXPECT_EQ(ParseHeaderFields(c.data, &fields, &end), c.want) << c.data;
    EXPECT_EQ(end, c.end) << c.data;
  }
}

}  // namespace
}  // namespace ceasewatch
