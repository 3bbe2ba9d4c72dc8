#include "dates/relative_dates.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "shared_data.h"
#include <vector>

#include "dates/civil_day.h"

namespace ceasewatch {
namespace {

CivilDay Day(const char* iso) {
  CivilDay d;
  if (*iso) {
    EXPECT_TRUE(CivilDay::ParseIso(iso, &d)) << iso;
  }
  return d;
}

// Every resolved date as "[matched text] from..to precision[ future]
// [ clamped]", joined by " | "; "none" when there is none.
std::string Dump(const std::string& text, const char* published) {
  std::vector<ResolvedDate> ds = ResolveDates(text, Day(published));
  if (ds.empty()) return "none";
  std::string s;
  for (const ResolvedDate& d : ds) {
    if (!s.empty()) s += " | ";
    s += "[" + text.substr(d.begin, d.end - d.begin) + "] " + DescribeWindow(d);
  }
  return s;
}

struct Case {
  const char* text;
  const char* published;  // "" = unknown
  const char* want;
};

// 2022-03-27 is a Sunday; 2022-03-21 the Monday of its week.
constexpr char kSun[] = "2022-03-27";

TEST(ResolveDatesTest, SeedSentences) {
  const Case cases[] = {
      {"On June 15 last year Turkey and Azerbaijan", "2022-03-01",
       "[June 15 last year] 2021-06-15..2021-06-15 day"},
      {"was ratified by the parliaments of both countries in February this "
       "year.",
       "2022-03-01", "[February this year] 2022-02-01..2022-02-28 month"},
      {"On the night of September 13, the Armenian Ministry", "2022-09-14",
       "[the night of September 13] 2022-09-12..2022-09-13 day"},
      {"where an armed incident occurred two days ago.", "2022-03-07",
       "[two days ago] 2022-03-05..2022-03-05 day"},
      {"On March 7, the Ministry of Defense", "2022-03-31",
       "[March 7] 2022-03-07..2022-03-07 day"},
      {"On September 18, Armenian separatists infiltrated", "2023-12-30",
       "[September 18] 2023-09-18..2023-09-18 day"},
      {"30 December 2023 12:59 (UTC+04:00)", "",
       "[30 December 2023] 2023-12-30..2023-12-30 day"},
      {"since 27 September", "2022-10-05",
       "[since 27 September] 2022-09-27..2022-10-05 range"},
      {"in February-May, shooting exercises will be held", "2022-02-20",
       "[February-May] 2022-02-01..2022-02-20 range clamped"},
      {"in February-May, shooting exercises will be held", "2022-06-01",
       "[February-May] 2022-02-01..2022-05-31 range"},
      {"Russia on Saturday claimed that soldiers", kSun,
       "[Saturday] 2022-03-26..2022-03-26 day"},
      {"Russia and Azerbaijan on Sunday traded barbs", kSun,
       "[Sunday] 2022-03-27..2022-03-27 day"},
      {"Mar 27, 2022 \xE2\x80\xA2 4 hours ago \xE2\x80\xA2 1 minute read", kSun,
       "[Mar 27, 2022] 2022-03-27..2022-03-27 day | [4 hours ago] "
       "2022-03-27..2022-03-27 day"},
      {"i.e. until November 2025, with the possibility", "2023-12-30",
       "[until November 2025] 2025-11-01..2025-11-30 month future"},
      {"a two-month conflict with Armenia in late 2020 over", kSun,
       "[late 2020] 2020-09-01..2020-12-31 year"},
      {"who went missing in the early 1990s.", kSun,
       "[the early 1990s] 1990-01-01..1993-12-31 range"},
      {"In the war that broke out after that of 1992-1994, up to", "",
       "[1992-1994] 1992-01-01..1994-12-31 range"},
      {"mines laid over the past 3 years.", "2023-12-30",
       "[over the past 3 years] 2020-12-30..2023-12-30 range"},
      {"the alliance agreement signed this February was", kSun,
       "[this February] 2022-02-01..2022-02-28 month"},
      {"the war 10 November 2020A number", "",
       "[10 November 2020] 2020-11-10..2020-11-10 day"},
      {"Friday May 24 2024", "2023-12-30",
       "[Friday May 24 2024] 2024-05-24..2024-05-24 day future"},
      {"On February 4, separatists began digging. Two days later, the "
       "government",
       "2022-03-01",
       "[February 4] 2022-02-04..2022-02-04 day | [Two days later] "
       "2022-02-06..2022-02-06 day"},
      {"has been ongoing since the late 1980s.", "2022-09-14",
       "[since the late 1980s] 1987-01-01..2022-09-14 range"},
      {"anti-terrorist measures in September, Azernews", "2023-12-30",
       "[September] 2023-09-01..2023-09-30 month"},
      {"As the year 2025 approaches", "2022-03-31",
       "[2025] 2025-01-01..2025-12-31 year future"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(Dump(c.text, c.published), c.want)
        << c.text << " @ " << c.published;
}

TEST(ResolveDatesTest, RelativeForms) {
  const Case cases[] = {
      {"yesterday", kSun, "[yesterday] 2022-03-26..2022-03-26 day"},
      {"today", kSun, "[today] 2022-03-27..2022-03-27 day"},
      {"earlier today", kSun, "[earlier today] 2022-03-27..2022-03-27 day"},
      {"the day before yesterday", kSun,
       "[the day before yesterday] 2022-03-25..2022-03-25 day"},
      {"last night", kSun, "[last night] 2022-03-26..2022-03-27 day"},
      {"shelled overnight", kSun, "[overnight] 2022-03-26..2022-03-27 day"},
      {"tomorrow", kSun, "[tomorrow] 2022-03-28..2022-03-28 day future"},
      {"a day ago", kSun, "[a day ago] 2022-03-26..2022-03-26 day"},
      {"3 weeks ago", kSun, "[3 weeks ago] 2022-03-03..2022-03-09 week"},
      {"a few days ago", kSun, "[a few days ago] 2022-03-20..2022-03-25 week"},
      {"two months ago", kSun, "[two months ago] 2022-01-01..2022-01-31 month"},
      {"5 years ago", kSun, "[5 years ago] 2017-01-01..2017-12-31 year"},
      {"on Saturday", "2022-03-26", "[Saturday] 2022-03-26..2022-03-26 day"},
      {"last Sunday", kSun, "[last Sunday] 2022-03-20..2022-03-20 day"},
      {"on Wednesday", kSun, "[Wednesday] 2022-03-23..2022-03-23 day"},
      {"Saturday night", kSun, "[Saturday night] 2022-03-26..2022-03-27 day"},
      {"next Friday", kSun, "[next Friday] 2022-04-01..2022-04-01 day future"},
      {"since Thursday", kSun, "[since Thursday] 2022-03-24..2022-03-27 range"},
      {"last week", kSun, "[last week] 2022-03-14..2022-03-20 week"},
      {"this week", "2022-03-23",
       "[this week] 2022-03-21..2022-03-23 week clamped"},
      {"next week", kSun, "[next week] 2022-03-28..2022-04-03 week future"},
      {"last weekend", kSun, "[last weekend] 2022-03-19..2022-03-20 week"},
      {"last month", kSun, "[last month] 2022-02-01..2022-02-28 month"},
      {"earlier this month", kSun,
       "[earlier this month] 2022-03-01..2022-03-27 month"},
      {"last year", kSun, "[last year] 2021-01-01..2021-12-31 year"},
      {"late last year", kSun, "[late last year] 2021-09-01..2021-12-31 year"},
      {"this year", kSun, "[this year] 2022-01-01..2022-03-27 year clamped"},
      {"next year", kSun, "[next year] 2023-01-01..2023-12-31 year future"},
      {"in February", kSun, "[February] 2022-02-01..2022-02-28 month"},
      {"in February", "2022-01-10", "[February] 2021-02-01..2021-02-28 month"},
      {"in March", kSun, "[March] 2022-03-01..2022-03-27 month clamped"},
      {"last February", "2022-02-10",
       "[last February] 2021-02-01..2021-02-28 month"},
      {"in February last year", kSun,
       "[February last year] 2021-02-01..2021-02-28 month"},
      {"from February to May", "2022-06-10",
       "[from February to May] 2022-02-01..2022-05-31 range"},
      {"from November to February", "2022-03-10",
       "[from November to February] 2021-11-01..2022-02-28 range"},
      {"in recent weeks", kSun,
       "[in recent weeks] 2022-02-27..2022-03-27 range"},
      {"over the past few days", kSun,
       "[over the past few days] 2022-03-23..2022-03-27 range"},
      {"in the past 24 hours", kSun,
       "[in the past 24 hours] 2022-03-26..2022-03-27 range"},
      {"in the coming days", kSun,
       "[in the coming days] 2022-03-28..2022-04-03 range future"},
      {"since 2020", kSun, "[since 2020] 2020-01-01..2022-03-27 range"},
      {"mid-March", kSun, "[mid-March] 2022-03-11..2022-03-20 month"},
      {"at the end of March 2021", kSun,
       "[the end of March 2021] 2021-03-21..2021-03-31 month"},
      {"in early 2021", kSun, "[early 2021] 2021-01-01..2021-04-30 year"},
      {"in the summer of 2020", kSun,
       "[the summer of 2020] 2020-06-01..2020-08-31 year"},
      {"last summer", "2022-09-14",
       "[last summer] 2021-06-01..2021-08-31 year"},
      {"last winter", kSun, "[last winter] 2021-12-01..2022-02-28 year"},
      {"between 1992 and 1994", "",
       "[between 1992 and 1994] 1992-01-01..1994-12-31 range"},
      {"from 1991 to 1994, sparked", "",
       "[from 1991 to 1994] 1991-01-01..1994-12-31 range"},
      {"September 12-13, 2022", "",
       "[September 12-13, 2022] 2022-09-12..2022-09-13 range"},
      {"On the night of 12-13 September the", "2022-09-20",
       "[the night of 12-13 September] 2022-09-12..2022-09-13 day"},
      {"On the evening of September 13, the", "2022-09-20",
       "[the evening of September 13] 2022-09-13..2022-09-13 day"},
      {"in the 1990s", "", "[the 1990s] 1990-01-01..1999-12-31 range"},
      {"On March 26. The next day, Moscow", kSun,
       "[March 26] 2022-03-26..2022-03-26 day | [The next day] "
       "2022-03-27..2022-03-27 day"},
      {"over 10 A day later", kSun, "none"},  // no earlier day to count from
  };
  for (const Case& c : cases)
    EXPECT_EQ(Dump(c.text, c.published), c.want)
        << c.text << " @ " << c.published;
}

TEST(ResolveDatesTest, WithoutAPublicationDayOnlyStatedYearsResolve) {
  const Case cases[] = {
      {"On March 7", "", "none"},
      {"yesterday and two days ago and last week", "", "none"},
      {"since 2020", "", "none"},
      {"in February this year", "", "none"},
      {"On Saturday", "", "none"},
      {"in November 2020", "", "[November 2020] 2020-11-01..2020-11-30 month"},
      {"the late 1980s", "", "[the late 1980s] 1987-01-01..1989-12-31 range"},
      {"On 5 March 2022 they met. The next day, talks failed.", "",
       "[5 March 2022] 2022-03-05..2022-03-05 day | [The next day] "
       "2022-03-06..2022-03-06 day"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(Dump(c.text, c.published), c.want) << c.text;
}

TEST(ResolveDatesTest, IgnoresWhatIsNotADate) {
  const Case cases[] = {
      {"May God help us", kSun, "none"},
      {"they may march on the capital", kSun, "none"},
      {"with 2000 soldiers and 6,500 people", kSun, "none"},
      {"the fall of Shusha", kSun, "none"},
      {"a two-month war and 44 days of fighting", kSun, "none"},
      {"for 30 years and 15 months have passed", kSun, "none"},
      {"at 12:59 on the road", kSun, "none"},
      {"Saturdays are quiet; sat on the fence", kSun, "none"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(Dump(c.text, c.published), c.want) << c.text;
}

// Found by dates_fuzzer: a day range at the very end of the text made the
// range's year lookup read past the last token (caught by ASan; the input
// is also in fuzz/corpus/dates/ so every fuzz run replays it).
TEST(ResolveDatesTest, RangeAtTheEndOfTheText) {
  const Case cases[] = {
      {"on Dec 2-30", kSun, "[Dec 2-30] 2021-12-02..2021-12-30 range"},
      {"September 12-13", kSun,
       "[September 12-13] 2021-09-12..2021-09-13 range"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(Dump(c.text, c.published), c.want) << c.text;
}

// A real sample page from ../shared, or "" when ../shared is absent.
std::string ReadSeed(const std::string& name) {
  const std::string dir = testing::SharedDir();
  return dir.empty() ? "" : testing::ReadFile(dir + "/corpus/seeds/" + name);
}

// Whole seed pages: the contract holds, and the gold event days are found.
TEST(ResolveDatesTest, SeedPages) {
  struct Page {
    const char* file;
    const char* published;
    std::vector<std::string> want;  // substrings of Dump()
  };
  const Page pages[] = {
      {"000_f5f67fe135edf090.txt",
       "2022-02-20",
       {"[June 15 last year] 2021-06-15..2021-06-15 day",
        "[February this year] 2022-02-01..2022-02-20 month clamped",
        "[February 4] 2022-02-04..2022-02-04 day",
        "[Two days later] 2022-02-06..2022-02-06 day",
        "[February 16] 2022-02-16..2022-02-16 day",
        "[February-May] 2022-02-01..2022-02-20 range clamped",
        "[10 November 2020] 2020-11-10..2020-11-10 day"}},
      {"001_5a259469ce8bbc15.txt",
       "2022-03-07",
       {"[March 7] 2022-03-07..2022-03-07 day",
        "[two days ago] 2022-03-05..2022-03-05 day",
        "[2025] 2025-01-01..2025-12-31 year future"}},
      {"002_40bf29ce910d5a17.txt",
       "2022-09-14",
       {"[the night of September 13] 2022-09-12..2022-09-13 day",
        "[September 13] 2022-09-13..2022-09-13 day",
        "[1992-1994] 1992-01-01..1994-12-31 range",
        "[March 2022] 2022-03-01..2022-03-31 month"}},
      {"003_74ca31117742919c.txt",
       kSun,
       {"[Dec 25, 2019] 2019-12-25..2019-12-25 day",
        "[Saturday] 2022-03-26..2022-03-26 day",
        "[late 2020] 2020-09-01..2020-12-31 year",
        "[March 26] 2022-03-26..2022-03-26 day",
        "[this February] 2022-02-01..2022-02-28 month",
        "[February 22, 2022] 2022-02-22..2022-02-22 day",
        "[the early 1990s] 1990-01-01..1993-12-31 range"}},
      {"004_2845e4e534468d56.txt",
       "2023-12-30",
       {"[Friday May 24 2024] 2024-05-24..2024-05-24 day future",
        "[30 December 2023] 2023-12-30..2023-12-30 day",
        "[September] 2023-09-01..2023-09-30 month",
        "[until November 2025] 2025-11-01..2025-11-30 month future",
        "[September 18] 2023-09-18..2023-09-18 day",
        "[over the past 3 years] 2020-12-30..2023-12-30 range",
        "[September 19, 2023] 2023-09-19..2023-09-19 day"}},
  };
  if (testing::SharedDir().empty()) GTEST_SKIP() << "../shared not found";
  for (const Page& p : pages) {
    std::string text = ReadSeed(p.file);
    ASSERT_FALSE(text.empty()) << p.file;
    std::string dump = Dump(text, p.published);
    for (const std::string& w : p.want)
      EXPECT_NE(dump.find(w), std::string::npos)
          << p.file << ": " << w << "\nin: " << dump;
    CivilDay pub = Day(p.published);
    std::vector<ResolvedDate> ds = ResolveDates(text, pub);
    for (size_t k = 0; k < ds.size(); ++k) {
      const ResolvedDate& d = ds[k];
      EXPECT_TRUE(d.from.valid() && d.to.valid());
      EXPECT_LE(d.from, d.to);
      if (!d.future) {
        EXPECT_LE(d.to, pub) << p.file << " " << DescribeWindow(d);
      } else {
        EXPECT_GT(d.from, pub);
      }
      EXPECT_LT(d.begin, d.end);
      if (k) {
        EXPECT_LE(ds[k - 1].end, d.begin);
      }
    }
  }
}

}  // namespace
}  // namespace ceasewatch
