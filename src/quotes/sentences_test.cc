#include "quotes/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace ceasewatch {
namespace {

// The sentences of `text` joined with " | ".
std::string Split(std::string_view text) {
  std::string out;
  for (Span s : SplitSentences(text)) {
    if (!out.empty()) out += " | ";
    out += text.substr(s.begin, s.size());
  }
  return out;
}

struct Case {
  const char* text;
  const char* want;
};

class SplitSentencesTest : public ::testing::TestWithParam<Case> {};

TEST_P(SplitSentencesTest, Splits) {
  EXPECT_EQ(Split(GetParam().text), GetParam().want) << GetParam().text;
}

const Case kCases[] = {
    // Plain terminators.
    {"The convoy stopped. Troops left!  Why? Nobody knows.",
     "The convoy stopped. | Troops left! | Why? | Nobody knows."},
    {"", ""},
    {"   ", ""},
    {"No terminator at all", "No terminator at all"},
    // Titles and initials.
    {"Mr. Holm met Gen. Arlo Vance. Dr. Ines K. Varga said so.",
     "Mr. Holm met Gen. Arlo Vance. | Dr. Ines K. Varga said so."},
    {"Lt. Col. Brandt arrived. He left.",
     "Lt. Col. Brandt arrived. | He left."},
    // Dotted acronyms: a break only before a sentence-opening word.
    {"The U.S. envoy came. The U.N. Secretary spoke.",
     "The U.S. envoy came. | The U.N. Secretary spoke."},
    {"Aid came from the U.S. The talks went on.",
     "Aid came from the U.S. | The talks went on."},
    {"Take e.g. Northvale. It is calm.", "Take e.g. Northvale. | It is calm."},
    // Month abbreviations and "No." before a number.
    {"On Jan. 12 the post fell. It was No. 4 on the list.",
     "On Jan. 12 the post fell. | It was No. 4 on the list."},
    {"It happened in Sept. 2021 near the river.",
     "It happened in Sept. 2021 near the river."},
    // Decimals, domains and numbers.
    {"Casualties rose 6.5 percent, Example.net said. 3,000 fled.",
     "Casualties rose 6.5 percent, Example.net said. | 3,000 fled."},
    {"The war ended in 2020. Talks began.",
     "The war ended in 2020. | Talks began."},
    // Quotes closing after the terminator.
    {"\"The post is ours.\" The army agreed.",
     "\"The post is ours.\" | The army agreed."},
    {"“The report is false.” Officials in Northvale agreed.",
     "“The report is false.” | Officials in Northvale agreed."},
    {"“Is it over?” he asked. “No.”", "“Is it over?” he asked. | “No.”"},
    {"It ended.” , the ministry said.", "It ended.” , the ministry said."},
    {"“We hold the line.” “We will not leave.”",
     "“We hold the line.” | “We will not leave.”"},
    {"(They left.) Others stayed.", "(They left.) | Others stayed."},
    // Ellipses.
    {"We waited... Then the shelling began.",
     "We waited... | Then the shelling began."},
    {"We waited … Then it began.", "We waited … | Then it began."},
    {"We waited… Then it began.", "We waited… | Then it began."},
    {"We waited... and waited.", "We waited... and waited."},
    // Lower-case continuation.
    {"The approx. figure is low.", "The approx. figure is low."},
    {"Etc. and so on.", "Etc. and so on."},
    // Newlines are hard breaks.
    {"Headline without stop\nBody one. Body two.\n\nLast",
     "Headline without stop | Body one. | Body two. | Last"},
    {"line one\r\nline two", "line one | line two"},
    // A piece with no letters joins its neighbour.
    {"The work stopped. “.", "The work stopped. “."},
    {"... . Then", "... . Then"},
    // Non-ASCII openers.
    {"It ended. İlham spoke. «Yes», he said.",
     "It ended. | İlham spoke. | «Yes», he said."},
    {"It ended.\xC2\xA0The end.", "It ended. | The end."},
};

INSTANTIATE_TEST_SUITE_P(Table, SplitSentencesTest,
                         ::testing::ValuesIn(kCases));

TEST(SplitSentences, SpansAreTrimmedOrderedAndCoverAllText) {
  const std::string text =
      "  Mr. Holm said: “It ended. We left.” Then rain.\n\n"
      "\t“Why?” he asked…  \nNo. 5 stands. U.S. troops came.  ";
  std::vector<Span> spans = SplitSentences(text);
  uint32_t prev_end = 0;
  std::string covered(text.size(), ' ');
  for (Span s : spans) {
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
    EXPECT_GE(s.begin, prev_end);
    EXPECT_NE(text[s.begin], ' ');
    EXPECT_NE(text[s.end - 1], ' ');
    EXPECT_EQ(text.substr(s.begin, s.size()).find('\n'), std::string::npos);
    for (uint32_t i = s.begin; i < s.end; ++i) covered[i] = 'x';
    prev_end = s.end;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ' && text[i] != '\n' && text[i] != '\t') {
      EXPECT_EQ(covered[i], 'x') << "byte " << i << " in no sentence";
    }
  }
}

// A line without a sentence end (a flattened table, a pasted log) comes
// back in pieces no longer than kMaxSentenceBytes, cut between words, with
// every word kept; a run without any space is cut between characters.
TEST(SplitSentences, OverlongRunsAreCutBetweenWords) {
  std::string words;
  while (words.size() < 3 * kMaxSentenceBytes) words += "shelling near Sotk ";
  std::string glued(2 * kMaxSentenceBytes + 7, 'x');
  glued.replace(kMaxSentenceBytes - 1, 2, "\xC3\xA7");  // a 2-byte char
  for (const std::string* text : {&words, &glued}) {
    const bool spaced = text == &words;
    std::vector<Span> got = SplitSentences(*text);
    ASSERT_GE(got.size(), 3u);
    size_t kept = 0;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_LE(got[i].size(), kMaxSentenceBytes);
      if (i > 0) {
        EXPECT_GE(got[i].begin, got[i - 1].end);
      }
      // Never inside a UTF-8 character, never inside a word.
      EXPECT_NE(static_cast<uint8_t>((*text)[got[i].begin]) & 0xC0, 0x80u);
      if (spaced && got[i].begin > 0) {
        EXPECT_EQ((*text)[got[i].begin - 1], ' ');
      }
      kept += got[i].size();
    }
    if (!spaced) {
      EXPECT_EQ(kept, text->size());
    }
  }
}

}  // namespace
}  // namespace ceasewatch
