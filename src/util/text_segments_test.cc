#include "util/text_segments.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ceasewatch {
namespace {

// Each segment as "kind:text" (w word, n number, p punctuation with its
// ASCII stand-in), a '^' prefix when a line break precedes it.
std::string Dump(std::string_view text) {
  std::string out;
  for (const TextSegment& s : SegmentText(text)) {
    if (!out.empty()) out += ' ';
    if (s.line_start) out += '^';
    switch (s.kind) {
      case TextSegment::kWord:
        out += s.cap ? "W:" : "w:";
        out += text.substr(s.begin, s.end - s.begin);
        break;
      case TextSegment::kNumber:
        out += "n:";
        out += text.substr(s.begin, s.end - s.begin);
        break;
      case TextSegment::kPunct:
        out += "p:";
        out += s.punct;
        break;
    }
  }
  return out;
}

TEST(SegmentTextTest, Table) {
  struct Case {
    const char* text;
    const char* want;
  } cases[] = {
      {"", ""},
      {"two days ago", "^w:two w:days w:ago"},
      {"On 28 June,\n2022", "^W:On n:28 W:June p:, ^n:2022"},
      {"didn't", "^w:didn p:' w:t"},
      {"Ağdam shelled", "^W:Ağdam w:shelled"},
      {"Şuşa", "^w:Şuşa"},  // a non-ASCII capital is not `cap`
      {"1990s", "^n:1990 w:s"},
      {"a\xC2\xA0"
       "b",
       "^w:a w:b"},                        // no-break space
      {"X\xE2\x80\x94Y", "^W:X p:- W:Y"},  // em dash
      {"\xE2\x80\x9CYes\xE2\x80\x9D", "^p:\" W:Yes p:\""},
      {"  \t\r\n 7", "^n:7"},
  };
  for (const Case& c : cases) EXPECT_EQ(Dump(c.text), c.want) << c.text;
}

TEST(SegmentTextTest, OffsetsCoverTheBytes) {
  const std::string text = "Mortar fire near Farrukh \xE2\x80\x93 12 hurt.";
  for (const TextSegment& s : SegmentText(text)) {
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
  }
  const std::vector<TextSegment> segs = SegmentText(text);
  ASSERT_EQ(segs.size(), 8u);
  EXPECT_EQ(text.substr(segs[5].begin, segs[5].end - segs[5].begin), "12");
}

}  // namespace
}  // namespace ceasewatch
