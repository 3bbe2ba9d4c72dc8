#include "annotate/annotator.h"

#include <gtest/gtest.h>

#include "annotate/mention_json.h"

namespace ceasewatch {
namespace {

const char kPack[] = CW_SOURCE_DIR "/data/theatres/south-caucasus";

class AnnotatorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto a = Annotator::Load(kPack);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    annotator_ = a->release();
  }
  static void TearDownTestSuite() { delete annotator_; }
  TextAnnotation Annotate(std::string_view text, CivilDay day) {
    return annotator_->Annotate(text, day, scratch_);
  }
  static Annotator* annotator_;
  MatchScratch scratch_;
};
Annotator* AnnotatorTest::annotator_ = nullptr;

// Written for this test, in the shape of a wire report.
const char kReport[] =
    "The defence ministry of Nagorno-Karabakh said on Saturday that drones "
    "had killed three people and wounded another 15 near the village of "
    "Farukh, also known as Parukh. \xE2\x80\x9CThe information about a "
    "withdrawal does not reflect the truth,\xE2\x80\x9D the Azeri defense "
    "ministry said.";

TEST_F(AnnotatorTest, FindsEveryKindOfMentionWithOffsets) {
  TextAnnotation a = Annotate(kReport, CivilDay{2022, 3, 27});
  ASSERT_FALSE(a.places.empty());
  EXPECT_EQ(a.places[0].best.place->name, "Farrukh");
  EXPECT_NEAR(a.places[0].best.place->lat, 40.02, 0.05);
  std::string_view text = kReport;
  EXPECT_EQ(text.substr(a.places[0].begin, a.places[0].end - a.places[0].begin),
            "Farukh");
  bool nk = false, az = false;
  for (const ActorMention& m : a.actors) {
    nk |= m.side == Side::kNK;
    az |= m.side == Side::kAZ;
  }
  EXPECT_TRUE(nk);
  EXPECT_TRUE(az);
  ASSERT_FALSE(a.dates.empty());
  EXPECT_EQ(a.dates[0].from.Iso(), "2022-03-26");  // the Saturday before
  double killed = -1, injured = -1;
  for (const CasualtyMention& c : a.casualties) {
    if (c.kind == CasualtyMention::kKilled) killed = c.low;
    if (c.kind == CasualtyMention::kInjured) injured = c.low;
  }
  EXPECT_EQ(killed, 3);
  EXPECT_EQ(injured, 15);
  bool denial = false;
  for (const Attribution& q : a.quotes)
    denial |= q.stance == Attribution::kDenies ||
              q.stance == Attribution::kDisputes;
  EXPECT_TRUE(denial);
}

TEST_F(AnnotatorTest, YearsInsideDatesAreNotCounts) {
  TextAnnotation a = Annotate("The war lasted from 1991 to 1994.", CivilDay{});
  EXPECT_TRUE(a.numbers.empty());
  ASSERT_EQ(a.dates.size(), 1u);
}

TEST_F(AnnotatorTest, JsonListsMentionsInTextOrderWithTheirWords) {
  TextAnnotation a = Annotate(kReport, CivilDay{2022, 3, 27});
  nlohmann::ordered_json j = MentionsJson(a, kReport);
  ASSERT_TRUE(j.is_array());
  size_t last = 0;
  std::string_view text = kReport;
  for (const auto& m : j) {
    size_t b = m["begin"], e = m["end"];
    EXPECT_GE(b, last);
    last = b;
    EXPECT_EQ(m["text"].get<std::string>(), text.substr(b, e - b));
  }
}

TEST_F(AnnotatorTest, UnknownPublicationDayLeavesRelativeDatesOut) {
  TextAnnotation a = Annotate("It happened two days ago.", CivilDay{});
  EXPECT_TRUE(a.dates.empty());
}

}  // namespace
}  // namespace ceasewatch
