#include "split/article_splitter.h"

#include <gtest/gtest.h>

#include "clean/cleaner.h"
#include "extract/text_extract.h"

namespace ceasewatch {
namespace {

std::vector<Article> Split(const std::string& text, PageMeta meta = {},
                           bool single = false) {
  ChromeLexicon lexicon;
  Cleaner cleaner(lexicon);
  Page page = ExtractText(text);
  page.meta = meta;
  page.single_article = single;
  cleaner.Clean(&page, nullptr);
  return SplitArticles(page);
}

// "title | published | author | paragraphs" for each article.
std::string Dump(const std::vector<Article>& articles) {
  std::string out;
  for (const Article& a : articles)
    out += a.title + " | " + a.published + " | " + a.author + " | " +
           std::to_string(a.paragraphs.size()) + "\n";
  return out;
}

const char kP1[] =
    "Troops moved into new positions near the village overnight, the "
    "command said, and talks on a withdrawal were under way.";
const char kP2[] =
    "Residents said they heard gunfire before dawn and that several "
    "families left for the district centre by the morning.";

struct Case {
  const char* name;
  std::string page;
  std::string want;
};

TEST(ArticleSplitterTest, SplitsAndDatesPages) {
  const std::string p1 = kP1, p2 = kP2;
  const Case cases[] = {
      {"single article with dateline and byline",
       "Site\n\nTroops enter the zone near the village\n\n27 March 2022 "
       "19:16 (UTC+04:00)\nBy Vafa Name\n" +
           p1 + "\n" + p2,
       "Troops enter the zone near the village | 2022-03-27 | Vafa Name | "
       "2\n"},
      {"page-top today line is not the date",
       "Friday May 24 2024\nMinistry ponders the road question at length\n" +
           p1,
       "Ministry ponders the road question at length |  |  | 1\n"},
      {"forum thread: repeated title, post date ignored, two articles",
       "What's new\nFirst pasted article about the zone\nA Poster\nDec 25, "
       "2019\nFirst pasted article about the zone\n" +
           p1 +
           "\nSecond pasted article about the road\nPublishing date:\nMar 27, "
           "2022 \xE2\x80\xA2 4 hours ago\n" +
           p2 + "\nLast edited:\nA Poster\nDec 25, 2019\n",
       "First pasted article about the zone | 2022-03-27 |  | 1\n"
       "Second pasted article about the road | 2022-03-27 |  | 1\n"},
      {"subheading without metadata does not split",
       "Main title of the article here\n" + p1 +
           "\nA subheading in the middle\n" + p2,
       "Main title of the article here |  |  | 3\n"},
      {"page metadata gives the date",
       "Main title of the article here\n" + p1, "Main title of the article "
                                                "here | 2022-09-14 | Meta "
                                                "Author | 1\n"},
  };
  for (const Case& c : cases) {
    PageMeta meta;
    if (std::string(c.name) == "page metadata gives the date") {
      meta.published = "2022-09-14T08:15:00+04:00";
      meta.author = "Meta Author";
    }
    EXPECT_EQ(Dump(Split(c.page, meta)), c.want) << c.name;
  }
}

TEST(ArticleSplitterTest, ARecordIsNeverSplitAndKeepsItsTitle) {
  PageMeta meta;
  meta.title = "Record title";
  meta.published = "2023-06-15";
  std::string text = std::string("A short first line of a record\n") + kP1 +
                     "\nSecond pasted article about the road\nPublishing "
                     "date:\nMar 27, 2022\n" +
                     kP2;
  std::vector<Article> got = Split(text, meta, /*single=*/true);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].title, "Record title");
  EXPECT_EQ(got[0].published, "2023-06-15");
  EXPECT_EQ(got[0].paragraphs.front().text, "A short first line of a record");
}

TEST(ArticleSplitterTest, ParagraphSpansPointIntoTheBody) {
  ChromeLexicon lexicon;
  Cleaner cleaner(lexicon);
  Page page = ExtractText(std::string("A title for the span test\n\n") + kP1);
  cleaner.Clean(&page, nullptr);
  std::vector<Article> got = SplitArticles(page);
  ASSERT_EQ(got.size(), 1u);
  const Paragraph& p = got[0].paragraphs[0];
  EXPECT_EQ(page.body.substr(p.raw_begin, p.raw_end - p.raw_begin), kP1);
}

}  // namespace
}  // namespace ceasewatch
