#include "clean/cleaner.h"

#include <gtest/gtest.h>

#include "clean/line_shape.h"
#include "extract/text_extract.h"

namespace ceasewatch {
namespace {

// Cleans `text` and returns the lines with "X " for chrome, "  " for content.
std::string CleanDump(const std::string& text,
                      const SiteLineCounts* site = nullptr) {
  ChromeLexicon lexicon;
  Cleaner cleaner(lexicon);
  Page page = ExtractText(text);
  cleaner.Clean(&page, site);
  std::string out;
  for (const TextBlock& b : page.blocks)
    out += (b.chrome.empty() ? "  " : "X ") + b.text + "\n";
  return out;
}

const char kPara[] =
    "The ministry said on Tuesday that the convoy had been stopped near the "
    "village and that talks with residents were continuing through the day.";

TEST(CleanerTest, RepeatedShortLinesApartAreChromeAdjacentCopiesAreNot) {
  std::string page = std::string("Site Name\nA Member Name\nJan 1, 2020\n") +
                     kPara + "\nA Member Name\nJan 1, 2020\nSite Name\n";
  EXPECT_EQ(CleanDump(page),
            "X Site Name\nX A Member Name\nX Jan 1, 2020\n  " +
                std::string(kPara) +
                "\nX A Member Name\nX Jan 1, 2020\nX Site Name\n");
  EXPECT_EQ(CleanDump("Asim Name\nAsim Name\n" + std::string(kPara)),
            "  Asim Name\nX Asim Name\n  " + std::string(kPara) + "\n");
}

TEST(CleanerTest, RepeatedHeadlinesAreLeftToTheSplitter) {
  std::string headline = "Ministry reports shelling near the border";
  std::string dump =
      CleanDump(headline + "\n" + kPara + "\n" + headline + "\n" + kPara);
  EXPECT_EQ(dump.find("X " + headline), std::string::npos);
}

TEST(CleanerTest, EverythingAfterTheCommentPromptIsChrome) {
  std::string dump = CleanDump(std::string(kPara) +
                               "\nLeave a Reply\nSome related headline "
                               "here\nAnother teaser line\n");
  EXPECT_EQ(dump, "  " + std::string(kPara) +
                      "\nX Leave a Reply\nX Some related headline here\nX "
                      "Another teaser line\n");
}

TEST(CleanerTest, AnEndMarkerFollowedByRealProseCutsOnlyItself) {
  const std::string para = std::string(kPara) + " " + kPara;
  std::string page = para + "\nFollow us on Twitter\n" + para + " One.\n" +
                     para + " Two.\n";
  std::string dump = CleanDump(page);
  EXPECT_NE(dump.find("X Follow us on Twitter"), std::string::npos);
  EXPECT_NE(dump.find("  " + para + " Two."), std::string::npos);
}

TEST(CleanerTest, DatelinesBylinesAndBreadcrumbsAreMarked) {
  std::string dump = CleanDump(
      "Home \xC2\xBB World \xC2\xBB A title\nMar 27, 2022 \xE2\x80\xA2 4 hours "
      "ago\nBy Vafa Name\n" +
      std::string(kPara));
  EXPECT_EQ(dump.substr(0, dump.find(kPara)),
            "X Home \xC2\xBB World \xC2\xBB A title\nX Mar 27, 2022 \xE2\x80\xA2 "
            "4 hours ago\nX By Vafa Name\n  ");
}

TEST(CleanerTest, LinesRecurringAcrossTheSiteAreChrome) {
  SiteLineCounts site;
  for (int i = 0; i < 10; ++i)
    site.AddDocument(std::vector<uint64_t>{LineHash("Radio Example Live")});
  std::string dump = CleanDump("Radio Example Live\n" + std::string(kPara),
                               &site);
  EXPECT_EQ(dump.substr(0, 21), "X Radio Example Live\n");
  // A site seen too rarely is not judged.
  SiteLineCounts young;
  young.AddDocument(std::vector<uint64_t>{LineHash("Radio Example Live")});
  EXPECT_EQ(CleanDump("Radio Example Live\n" + std::string(kPara), &young)
                .substr(0, 2),
            "  ");
}

struct ShapeCase {
  const char* line;
  bool headline, name, dateline;
};

TEST(LineShapeTest, TellsHeadlinesNamesAndDatelines) {
  const ShapeCase cases[] = {
      {"Weak RF. Why Azerbaijan is shooting Armenia", true, false, false},
      {"\xE2\x80\x9CSilent Russia\xE2\x80\x9D: Armenians block the road", true,
       false, false},
      {"The convoy was stopped.", false, false, false},
      {"Asim Aliyev", false, true, false},
      {"Abdul Rehman Majeed", false, true, false},
      {"Point 1:", false, false, false},
      {"30 December 2023 12:59 (UTC+04:00)", false, false, true},
      {"Friday May 24 2024", false, false, true},
      {"Mar 27, 2022 \xE2\x80\xA2 5 hours ago \xE2\x80\xA2 1 minute read "
       "\xE2\x80\xA2 Join the conversation",
       false, false, true},
      {"On 27 March 2022 the ministry said troops had moved", true, false,
       false},
      {"Noemi Vesperin, Staff reporter 14 June 2023 15:57", false, false,
       true},
      {"Asim Name | 30 December 2023", false, false, true},
      {"Ceasefire Talks Resume on 27 March 2022", true, false, false},
  };
  for (const ShapeCase& c : cases) {
    DateMention d;
    EXPECT_EQ(LooksLikeHeadline(c.line), c.headline) << c.line;
    EXPECT_EQ(LooksLikeName(c.line), c.name) << c.line;
    EXPECT_EQ(IsDateline(c.line, &d), c.dateline) << c.line;
  }
}

}  // namespace
}  // namespace ceasewatch
