#include "events/event_extractor.h"

#include <gtest/gtest.h>

#include "events/article_dates.h"
#include "events/sentence_events.h"

namespace ceasewatch {
namespace {

class EventExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto x = EventExtractor::Load(std::string(CW_SOURCE_DIR) +
                                  "/data/theatres/south-caucasus");
    ASSERT_TRUE(x.ok()) << x.status().ToString();
    extractor_ = x->release();
  }
  static void TearDownTestSuite() { delete extractor_; }

  std::vector<std::string> Dump(std::string_view text, const char* published) {
    CivilDay day;
    if (published) CivilDay::ParseIso(published, &day);
    MatchScratch scratch;
    std::vector<std::string> out;
    for (const EventReport& r :
         extractor_->Extract(text, day, "Test Wire", scratch))
      out.push_back(DumpReport(r));
    return out;
  }
  static EventExtractor* extractor_;
};
EventExtractor* EventExtractorTest::extractor_ = nullptr;

// Each case: text, publication day, and substrings every one of which must
// be in the dump of the event at that index (an empty list: no events).
struct Case {
  const char* name;
  const char* text;
  const char* published;
  std::vector<std::vector<std::string>> want;
};

TEST_F(EventExtractorTest, SentencesToEvents) {
  const Case cases[] = {
      {"acled style clash, actors by 'forces of <country>'",
       "On 7 September, military forces of Azerbaijan fired with small arms on "
       "the positions of the military forces of Armenia located near Paruyr "
       "Sevak, Ararat.",
       "2019-09-08",
       {{"type=armed_clash", "date=2019-09-07..2019-09-07", "Paruyr Sevak",
         "AZ:actor1", "AM:actor2", "claims=media:asserts"}}},
      {"heavy weapons make it shelling",
       "On 10 July, military forces of Azerbaijan fired with primarily heavy "
       "weapons, including small arms, on the positions of the military forces "
       "of Armenia located near Chinari, Tavush.",
       "2019-07-11",
       {{"type=shelling", "Shelling/artillery/missile attack", "Chinari"}}},
      {"passive voice: the shooter comes after 'by'",
       "On 5 May 2022, Armenian positions near Sotk were shelled by "
       "Azerbaijani "
       "forces.",
       "2022-05-06",
       {{"type=shelling", "date=2022-05-05..2022-05-05", "Sotk", "AZ:actor1",
         "AM:actor1"}}},
      {"casualties: killed and wounded in one sentence",
       "The Defense Ministry of Nagorno-Karabakh said Azerbaijani drones had "
       "killed three people and wounded another 15 near Farrukh on 26 March "
       "2022.",
       "2022-03-27",
       {{"type=air_drone_strike", "killed=3..3", "injured=15..15",
         "claims=NK:asserts", "Farrukh"}}},
      {"denial attaches to the event it denies",
       "On Sunday, the Russian defense ministry said that Azerbaijan had "
       "withdrawn its forces from the area near Farrukh.\n"
       "Azerbaijan, though, denied the Russian statement.",
       "2022-03-27",
       {{"type=withdrawal", "claims=RU:asserts,AZ:denies"}}},
      {"history: an agreement named by its signing is background",
       "Peacekeepers were sent under the trilateral statement signed by Baku, "
       "Moscow and Yerevan on November 10, 2020.",
       "2022-03-27",
       {{"type=agreement", "date=2020-11-10..2020-11-10", "background=1"}}},
      {"totals over a period are not incidents",
       "61 Azerbaijanis were killed and 253 were injured by mines over the "
       "past 3 years.",
       "2023-12-30",
       {}},
      {"a demand is not a deed",
       "Moscow called on Baku to withdraw its troops from Farrukh.",
       "2022-03-27",
       {}},
      {"a state is not an event",
       "A peacekeeping contingent is deployed along the line of contact.",
       "2022-03-27",
       {}},
      {"police intervention changes the protest's sub-event type",
       "On 19 August, demonstrators held a protest in Yerevan against the gold "
       "mine. Police detained 6 people during the protest.",
       "2019-08-20",
       {{"type=protest_blockade", "Protest with intervention", "Yerevan"}}},
      {"a page's date line never dates an event",
       "Friday May 24 2024\nOn 18 September 2023 a mine exploded on the road "
       "near Aghdam, killing two civilians.",
       "2023-12-30",
       {{"type=explosive_device", "date=2023-09-18..2023-09-18",
         "killed=2..2"}}},
      {"a weapon owned is not an attack",
       "According to the ministry, the formations had more than 100 tanks and "
       "missile systems in their arsenal.",
       "2023-12-30",
       {}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got = Dump(c.text, c.published);
    std::string all;
    for (const std::string& g : got) all += "\n  " + g;
    ASSERT_EQ(got.size(), c.want.size()) << c.name << all;
    for (size_t i = 0; i < got.size(); ++i)
      for (const std::string& w : c.want[i])
        EXPECT_NE(got[i].find(w), std::string::npos)
            << c.name << ": missing '" << w << "' in" << all;
  }
}

TEST(ArticleDatesTest, EstimatesTheWritingDayFromElapsedTime) {
  std::string text =
      "more than 15 months have passed since the end of the war on 10 "
      "November 2020, and nothing changed.";
  CivilDay reference;
  auto dates = ArticleDates(text, CivilDay{}, ResolveDates(text, CivilDay{}),
                            &reference);
  ASSERT_TRUE(reference.valid());
  EXPECT_EQ(reference.Iso(), "2022-03-10");
  std::string no_clue = "On February 4 trenches were dug.";
  ArticleDates(no_clue, CivilDay{}, ResolveDates(no_clue, CivilDay{}),
               &reference);
  EXPECT_FALSE(reference.valid());
}

// No day to resolve against: a date needing one lies somewhere in the
// pack's period, up to its latest possible day; a full date keeps its own.
TEST(ArticleDatesTest, WithoutAnyDayADateSpansThePacksPeriod) {
  const std::string text =
      "On March 7 the ministry said an incident occurred two days ago. "
      "The talks of 4 June 2021 failed.";
  CivilDay reference;
  const CivilDay from{2020, 1, 1}, to{2024, 12, 31};
  auto dates = ArticleDates(text, CivilDay{}, ResolveDates(text, CivilDay{}),
                            &reference, from, to);
  EXPECT_FALSE(reference.valid());
  ASSERT_EQ(dates.size(), 3u);
  EXPECT_EQ(DescribeWindow(dates[0]), "2020-01-01..2024-03-07 range");
  EXPECT_EQ(DescribeWindow(dates[1]), "2020-01-01..2024-12-29 range");
  EXPECT_EQ(DescribeWindow(dates[2]), "2021-06-04..2021-06-04 day");
  // Without a period nothing resolves that needs a day.
  auto bare = ArticleDates(text, CivilDay{}, ResolveDates(text, CivilDay{}),
                           &reference);
  EXPECT_EQ(bare.size(), 1u);
}

// A text longer than max_window_bytes is read window by window: each
// paragraph's report is found as in a text of its own, and its offsets
// point into the whole text.
TEST(EventExtractorWindowsTest, LongTextReadInWindows) {
  ExtractOptions options;
  options.max_window_bytes = 1024;
  auto x = EventExtractor::Load(
      std::string(CW_SOURCE_DIR) + "/data/theatres/south-caucasus", options);
  ASSERT_TRUE(x.ok()) << x.status().ToString();
  const std::string paragraph =
      "On 5 May 2022, Armenian positions near Sotk were shelled by "
      "Azerbaijani forces, the Armenian Defence Ministry said.";
  MatchScratch scratch;
  CivilDay day{2022, 5, 6};
  const auto alone = (*x)->Extract(paragraph, day, "Test Wire", scratch);
  ASSERT_EQ(alone.size(), 1u);
  std::string text;
  std::vector<size_t> starts;
  for (int i = 0; i < 40; ++i) {
    starts.push_back(text.size());
    text += paragraph + "\n\n";
  }
  ASSERT_GT(text.size(), 4 * options.max_window_bytes);
  const auto reports = (*x)->Extract(text, day, "Test Wire", scratch);
  // Merging does not cross a window: at least one report a window.
  ASSERT_GE(reports.size(), text.size() / options.max_window_bytes);
  uint32_t last = 0;
  for (const EventReport& r : reports) {
    EXPECT_GE(r.sentence_begin, last);  // text order
    last = r.sentence_begin;
    // The offsets name the same words as in the paragraph alone.
    EXPECT_NE(std::find(starts.begin(), starts.end(), r.sentence_begin),
              starts.end());
    const size_t at = r.sentence_begin;
    EXPECT_EQ(text.substr(r.cue_begin, r.cue_end - r.cue_begin),
              paragraph.substr(alone[0].cue_begin,
                               alone[0].cue_end - alone[0].cue_begin));
    EXPECT_EQ(r.cue_begin - at, alone[0].cue_begin);
    ASSERT_FALSE(r.places.empty());
    EXPECT_EQ(
        text.substr(r.places[0].begin, r.places[0].end - r.places[0].begin),
        "Sotk");
    EXPECT_EQ(r.type, alone[0].type);
    EXPECT_EQ(r.date, "2022-05-05");
  }
}

}  // namespace
}  // namespace ceasewatch
