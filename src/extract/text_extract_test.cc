#include "extract/text_extract.h"

#include <gtest/gtest.h>

namespace ceasewatch {
namespace {

TEST(TextExtractTest, OneBlockPerNonBlankLineWithSpans) {
  Page page = ExtractText("Title here\r\n\n  First  para\xC2\xA0graph. \nLast");
  ASSERT_EQ(page.blocks.size(), 3u);
  EXPECT_EQ(page.blocks[0].text, "Title here");
  EXPECT_EQ(page.blocks[1].text, "First para graph.");
  EXPECT_EQ(page.blocks[2].text, "Last");
  for (const TextBlock& b : page.blocks) {
    std::string raw = page.body.substr(b.raw_begin, b.raw_end - b.raw_begin);
    EXPECT_EQ(FoldWhitespace(raw), b.text);
  }
}

TEST(TextExtractTest, FoldsUnicodeSpaces) {
  EXPECT_EQ(FoldWhitespace("\xE2\x80\x82 a\t\tb\xE3\x80\x80"), "a b");
  EXPECT_EQ(FoldWhitespace(""), "");
}

TEST(TextExtractTest, CountsBlankLines) {
  std::string body = "a\n\n\nb\nc";
  EXPECT_EQ(BlankLinesBetween(body, 1, 4), 2);
  EXPECT_EQ(BlankLinesBetween(body, 5, 6), 0);
}

TEST(TextExtractTest, EmptyAndBlankBodiesGiveNoBlocks) {
  EXPECT_TRUE(ExtractText("").blocks.empty());
  EXPECT_TRUE(ExtractText(" \n\t\n").blocks.empty());
}

}  // namespace
}  // namespace ceasewatch
