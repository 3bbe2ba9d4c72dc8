#include "split/published_date.h"

#include <gtest/gtest.h>

namespace ceasewatch {
namespace {

std::string Infer(std::vector<std::string> paragraphs) {
  std::vector<Paragraph> ps;
  for (auto& p : paragraphs) ps.push_back({p, 0, 0});
  auto got = InferDayFromReportedEvents(ps);
  return got ? got->day.Iso() : "none";
}

struct Case {
  const char* why;
  std::vector<std::string> paragraphs;
  const char* want;
};

TEST(PublishedDateTest, InfersOnlyFromUndatedNewsDays) {
  const Case cases[] = {
      {"news day placed in the latest stated year",
       {"On the night of September 13, shelling began.",
        "The conflict escalated in March 2022."},
       "2022-09-13"},
      {"a day beside a stated year is history",
       {"It intensified in the summer of 2020. The war lasted until 9 "
        "November.",
        "Tension rose in March 2022. On September 13 fighting resumed."},
       "none"},
      {"no roll-over into the next year",
       {"On February 4, trenches were dug.", "The war ended 10 November 2020."},
       "none"},
      {"dates with a year alone never date the article",
       {"The statement of 10 November 2020 was signed in Moscow."},
       "none"},
      {"future events are not reported news",
       {"On September 13 the shelling began.",
        "On September 16 the leaders will meet.", "Unrest began in March 2022."},
       "2022-09-13"},
      {"a bare future year is not a stated month",
       {"On March 7, the ministry spoke.", "As the year 2025 approaches."},
       "none"},
  };
  for (const Case& c : cases) EXPECT_EQ(Infer(c.paragraphs), c.want) << c.why;
}

TEST(PublishedDateTest, NeighboursLendTheirStatedDateOnly) {
  std::vector<Article> arts(3);
  arts[0].title = "a";
  arts[1].title = "b";
  arts[1].published = "2022-03-27";
  arts[1].published_precision = "day";
  arts[2].title = "c";
  arts[2].published = "2022-01-01";
  arts[2].published_precision = "week";  // itself inferred: not lent
  InferFromNeighbours(&arts);
  EXPECT_EQ(arts[0].published, "2022-03-27");
  EXPECT_EQ(arts[0].published_precision, "week");
  EXPECT_NE(arts[0].published_reason.find("'b'"), std::string::npos);
  EXPECT_EQ(arts[2].published, "2022-01-01");
}

}  // namespace
}  // namespace ceasewatch
