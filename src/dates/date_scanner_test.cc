#include "dates/date_scanner.h"

#include <gtest/gtest.h>

#include <string>

#include "dates/civil_day.h"

namespace ceasewatch {
namespace {

// Renders the first mention as "Y-M-D[ wd=N][ time]" with 0 for absent
// parts, plus the matched words, or "none".
std::string DumpFirst(const std::string& text) {
  std::vector<DateMention> ms = ScanDates(text);
  if (ms.empty()) return "none";
  const DateMention& m = ms[0];
  std::string s = std::to_string(m.year) + "-" + std::to_string(m.month) + "-" +
                  std::to_string(m.day);
  if (m.weekday >= 0) s += " wd=" + std::to_string(m.weekday);
  if (m.has_time) s += " time";
  s += " [" + text.substr(m.begin, m.end - m.begin) + "]";
  return s;
}

struct Case {
  const char* text;
  const char* want;
};

TEST(DateScannerTest, FindsTheFormsNewsUses) {
  const Case cases[] = {
      {"27 March 2022", "2022-3-27 [27 March 2022]"},
      {"Mar 27, 2022 \xE2\x80\xA2 4 hours ago", "2022-3-27 [Mar 27, 2022]"},
      {"March 27th, 2022", "2022-3-27 [March 27th, 2022]"},
      {"Friday May 24 2024", "2024-5-24 wd=4 [Friday May 24 2024]"},
      {"Friday, 24 May 2024", "2024-5-24 wd=4 [Friday, 24 May 2024]"},
      {"30 December 2023 12:59 (UTC+04:00)",
       "2023-12-30 time [30 December 2023]"},
      {"posted 2022-03-27T19:16:00Z", "2022-3-27 time [2022-03-27]"},
      {"on 27.03.2022 at noon", "2022-3-27 [27.03.2022]"},
      {"On 28 June the", "0-6-28 [28 June]"},
      {"On the night of September 13, the", "0-9-13 [September 13]"},
      {"the 13th of September", "0-9-13 [13th of September]"},
      {"escalated in March 2022. Then", "2022-3-0 [March 2022]"},
      {"Sept. 5, 2021", "2021-9-5 [Sept. 5, 2021]"},
      {"Dec 25, 2019", "2019-12-25 [Dec 25, 2019]"},
      {"war in 2020, when", "2020-0-0 [2020]"},
      {"the war 10 November 2020A number", "2020-11-10 [10 November 2020]"},
  };
  for (const Case& c : cases) EXPECT_EQ(DumpFirst(c.text), c.want) << c.text;
}

TEST(DateScannerTest, IgnoresWordsThatOnlyLookLikeMonths) {
  const char* texts[] = {
      "they may march on the capital",  // verbs, lower case
      "May God help us",                // no number beside it
      "49 soldiers and 6,500 people",   // plain numbers
      "at 12:59 on the road",           // a clock, not a date
  };
  for (const char* t : texts) EXPECT_EQ(DumpFirst(t), "none") << t;
}

TEST(DateScannerTest, AnImpossibleDayFallsBackToTheMonth) {
  EXPECT_EQ(DumpFirst("31 February 2022"), "2022-2-0 [February 2022]");
}

TEST(DateScannerTest, FindsEveryMentionInOrder) {
  std::vector<DateMention> ms =
      ScanDates("From 1992-1994 to 10 November 2020 and March 2022.");
  ASSERT_EQ(ms.size(), 4u);
  EXPECT_EQ(ms[0].year, 1992);
  EXPECT_EQ(ms[1].year, 1994);
  EXPECT_TRUE(ms[2].full());
  EXPECT_EQ(ms[3].month, 3);
  for (size_t i = 1; i < ms.size(); ++i) EXPECT_LE(ms[i - 1].end, ms[i].begin);
}

TEST(CivilDayTest, RoundTripsAndKnowsWeekdays) {
  CivilDay d{2022, 3, 27};
  EXPECT_EQ(CivilDay::FromDays(d.ToDays()), d);
  EXPECT_EQ(d.Weekday(), 6);  // a Sunday
  EXPECT_EQ(d.Iso(), "2022-03-27");
  EXPECT_EQ((CivilDay{5, 1, 2}).Iso(), "0005-01-02");
  EXPECT_EQ((CivilDay{9999, 12, 31}).Iso(), "9999-12-31");
  EXPECT_EQ(CivilDay::FromDays(d.ToDays() + 5).Iso(), "2022-04-01");
  CivilDay p;
  EXPECT_TRUE(CivilDay::ParseIso("2024-02-29T10:00", &p));
  EXPECT_FALSE(CivilDay::ParseIso("2023-02-29", &p));
  EXPECT_FALSE(CivilDay::ParseIso("20230229", &p));
}

}  // namespace
}  // namespace ceasewatch
