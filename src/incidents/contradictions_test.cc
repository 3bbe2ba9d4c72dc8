#include "incidents/contradictions.h"

#include <gtest/gtest.h>

namespace ceasewatch {
namespace {

StoredEventReport Member(
    int64_t id, std::vector<std::pair<std::string, std::string>> claims,
    CountRange killed = {}) {
  StoredEventReport m;
  m.id = id;
  m.article_id = id * 10;
  m.report.type = "withdrawal";
  m.report.fatalities = killed;
  for (const auto& [side, stance] : claims) {
    EventClaim c;
    c.source_side = side;
    c.stance = stance;
    c.text = side + " " + stance;
    m.report.claims.push_back(c);
  }
  return m;
}

struct Case {
  const char* name;
  std::vector<StoredEventReport> members;
  std::vector<std::string> kinds;  // of the contradictions found, in order
};

class ContradictionsTest : public ::testing::TestWithParam<Case> {};

TEST_P(ContradictionsTest, FindsWhatPartiesDisagreeOn) {
  std::vector<std::string> kinds;
  for (const Contradiction& c : FindContradictions(GetParam().members))
    kinds.push_back(c.kind + ":" + c.first.claim.source_side + ">" +
                    c.second.claim.source_side);
  EXPECT_EQ(kinds, GetParam().kinds);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, ContradictionsTest,
    ::testing::Values(
        Case{"asserted_and_denied",
             {Member(1, {{"RU", "asserts"}}), Member(2, {{"AZ", "denies"}})},
             {"stance:RU>AZ"}},
        Case{"confirmed_and_disputed",
             {Member(1, {{"AM", "confirms"}, {"AZ", "disputes"}})},
             {"stance:AM>AZ"}},
        // The media are not a party; one side alone contradicts no one.
        Case{"media_denial",
             {Member(1, {{"RU", "asserts"}}), Member(2, {{"media", "denies"}})},
             {}},
        Case{"same_side",
             {Member(1, {{"AZ", "asserts"}, {"AZ", "denies"}})},
             {}},
        Case{"said_twice_counted_once",
             {Member(1, {{"RU", "asserts"}, {"AZ", "denies"}}),
              Member(2, {{"RU", "asserts"}, {"AZ", "denies"}})},
             {"stance:RU>AZ"}},
        Case{"figures_that_cannot_both_hold",
             {Member(1, {{"AM", "asserts"}}, {true, 49, 49}),
              Member(2, {{"AZ", "asserts"}}, {true, 10, 12})},
             {"fatalities:AZ>AM"}},
        Case{"overlapping_figures",
             {Member(1, {{"AM", "asserts"}}, {true, 45, 50}),
              Member(2, {{"AZ", "asserts"}}, {true, 49, 49})},
             {}},
        Case{"open_ended_figure_reaches",
             {Member(1, {{"AM", "asserts"}}, {true, 101, -1}),
              Member(2, {{"AZ", "asserts"}}, {true, 150, 150})},
             {}}),
    [](const ::testing::TestParamInfo<Case>& info) {
      return std::string(info.param.name);
    });

}  // namespace
}  // namespace ceasewatch
