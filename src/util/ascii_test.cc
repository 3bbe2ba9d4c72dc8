#include "util/ascii.h"

#include <gtest/gtest.h>

namespace ceasewatch {
namespace {

TEST(AsciiTest, Lowercase) {
  EXPECT_EQ(AsciiLowercase("Text/HTML; Charset=UTF-8"),
            "text/html; charset=utf-8");
  EXPECT_EQ(AsciiLowercase("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89");
}

TEST(AsciiTest, EqualsAndAffixes) {
  EXPECT_TRUE(EqualsIgnoreCase("Content-Length", "content-length"));
  EXPECT_FALSE(EqualsIgnoreCase("Content-Length", "content-lengt"));
  EXPECT_TRUE(StartsWithIgnoreCase("<!DOCTYPE html>", "<!doctype"));
  EXPECT_FALSE(StartsWithIgnoreCase("<!DOC", "<!doctype"));
  EXPECT_TRUE(EndsWithIgnoreCase("crawl.WARC.GZ", ".warc.gz"));
  EXPECT_FALSE(EndsWithIgnoreCase("gz", ".warc.gz"));
}

TEST(AsciiTest, FindIgnoreCase) {
  struct Case {
    std::string_view hay, needle;
    size_t from, want;
  };
  const Case cases[] = {
      {"<HEAD><META charset=x>", "<meta", 0, 6},
      {"<meta><META>", "<meta", 1, 6},
      {"abc", "abcd", 0, std::string_view::npos},
      {"abc", "", 1, 1},
      {"", "x", 0, std::string_view::npos},
      {"xxABab", "ab", 0, 2},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindIgnoreCase(c.hay, c.needle, c.from), c.want)
        << c.hay << " / " << c.needle;
  }
}

TEST(AsciiTest, Trim) {
  EXPECT_EQ(TrimAscii("  \t a b \r\n"), "a b");
  EXPECT_EQ(TrimAscii(" \n "), "");
  EXPECT_EQ(TrimAscii(""), "");
}

}  // namespace
}  // namespace ceasewatch
