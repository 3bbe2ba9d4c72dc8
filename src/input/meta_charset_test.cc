#include "input/meta_charset.h"

#include <gtest/gtest.h>

#include <string>

namespace ceasewatch {
namespace {

TEST(MetaCharsetTest, Table) {
  struct Case {
    std::string html;
    std::string want;
  };
  const Case cases[] = {
      {"<meta charset=\"windows-1251\">", "windows-1251"},
      {"<META CHARSET=koi8-r>", "koi8-r"},
      {"<meta charset='utf-8'/>", "utf-8"},
      {"<head><meta http-equiv=\"Content-Type\" "
       "content=\"text/html; charset=ISO-8859-1\"></head>",
       "ISO-8859-1"},
      {"<meta content=\"text/html; charset=gb2312\" "
       "http-equiv=content-type>",
       "gb2312"},
      // Without http-equiv, content is not a charset declaration.
      {"<meta name=description content=\"charset=big5\">", ""},
      // Commented-out declarations do not count.
      {"<!-- <meta charset=\"koi8-r\"> --><meta charset=\"utf-8\">", "utf-8"},
      // '>' inside a quoted attribute does not end the tag.
      {"<a title=\"<meta charset=koi8-r>\">x</a><meta charset=big5>", "big5"},
      {"<?xml version=\"1.0\" encoding=\"windows-1250\"?><html>",
       "windows-1250"},
      {"  <?xml version='1.0' encoding='iso-8859-2' ?>", "iso-8859-2"},
      {"<metadata charset=x>", ""},
      {"<meta name=x><meta charset=euc-jp>", "euc-jp"},
      {"<p>no declaration</p>", ""},
      {"", ""},
      {"<meta charset=", ""},
      {"<meta charset=\"unterminated", "unterminated"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SniffHtmlCharset(c.html), c.want) << c.html;
  }
}

TEST(MetaCharsetTest, OnlyFirst4KB) {
  std::string html = "<html><head>" + std::string(5000, ' ') +
                     "<meta charset=\"windows-1251\">";
  EXPECT_EQ(SniffHtmlCharset(html), "");
  html = "<html><head>" + std::string(3000, ' ') +
         "<meta charset=\"windows-1251\">";
  EXPECT_EQ(SniffHtmlCharset(html), "windows-1251");
}

}  // namespace
}  // namespace ceasewatch
