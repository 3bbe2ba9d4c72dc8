#include "input/content_type.h"

#include <gtest/gtest.h>

namespace ceasewatch {
namespace {

TEST(ContentTypeTest, Table) {
  struct Case {
    const char* in;
    const char* media_type;
    const char* charset;
  };
  const Case cases[] = {
      {"text/html", "text/html", ""},
      {"Text/HTML; Charset=Windows-1251", "text/html", "Windows-1251"},
      {"text/html;charset=\"utf-8\"", "text/html", "utf-8"},
      {"text/plain; format=flowed; charset = koi8-r ", "text/plain", "koi8-r"},
      {"text/html; charset='iso-8859-1'; q=1", "text/html", "iso-8859-1"},
      {"  application/xhtml+xml  ", "application/xhtml+xml", ""},
      {"", "", ""},
      {"text/html; charset=", "text/html", ""},
      {"text/html; charset=\"unterminated", "text/html", "unterminated"},
  };
  for (const Case& c : cases) {
    ContentType ct = ParseContentType(c.in);
    EXPECT_EQ(ct.media_type, c.media_type) << c.in;
    EXPECT_EQ(ct.charset, c.charset) << c.in;
  }
}

TEST(ContentTypeTest, FindCharsetParameter) {
  EXPECT_EQ(FindCharsetParameter("text/html; charset=windows-1251"),
            "windows-1251");
  EXPECT_EQ(FindCharsetParameter("charset=utf-8"), "utf-8");
  EXPECT_EQ(FindCharsetParameter("text/html"), "");
  EXPECT_EQ(FindCharsetParameter("xcharset; charset=big5"), "big5");
}

}  // namespace
}  // namespace ceasewatch
