#include "gazetteer/gazetteer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gazetteer/gazetteer_testing.h"
#include "gazetteer/name_fold.h"
#include "shared_data.h"
#include "util/geo.h"

namespace ceasewatch {
namespace {

class GazetteerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_ = testing::SharedGazetteer(testing::MiniPackDir());
    ASSERT_NE(g_, nullptr);
  }
  // The mention of `name` (its exact text) in `mentions`, or nullptr.
  static const PlaceMention* MentionOf(const std::vector<PlaceMention>& ms,
                                       const std::string& text,
                                       const std::string& name) {
    for (const PlaceMention& m : ms) {
      if (text.substr(m.begin, m.end - m.begin) == name) return &m;
    }
    return nullptr;
  }
  const Gazetteer* g_ = nullptr;
};

struct PlaceCase {
  const char* text;
  const char* mention;
  const char* want_id;
  int precision;
  const char* reason_has;  // in best.reason, or ""
};

TEST_F(GazetteerTest, ResolvesPlacesFromContext) {
  const PlaceCase cases[] = {
      // A bare name of a district and its town is the town; "direction of".
      {"On February 4, separatists began digging trenches under the umbrella "
       "of Russian peacekeepers in the direction of Agdam.",
       "Agdam", "cw:aghdam", 2, "city, pop 39451"},
      {"Azerbaijan reclaims Aghdam region.", "Aghdam", "cw:aghdam-district", 3,
       "'region' fits"},
      // "X region" names the district; "X village" the village.
      {"Farrukh village located in Karabakh's Khojaly region is under the "
       "army's control.",
       "Khojaly", "cw:khojaly-district", 3, "'region' fits"},
      {"Farrukh village located in Karabakh's Khojaly region is under the "
       "army's control.",
       "Farrukh", "cw:farrukh", 1, ""},
      {"Russian peacekeepers near the village of Farukh, also known as Parukh.",
       "Farukh", "cw:farrukh", 2, ""},
      // A water body named beside the town.
      {"the tourist resorts of Jermuk and Martuni on Lake Sevan were hit.",
       "Martuni", "wof:421169491", 1,
       "within water Lake Sevan named 4 bytes after"},
      {"the tourist resorts of Jermuk and Martuni on Lake Sevan were hit.",
       "Lake Sevan", "cw:lake-sevan", 2, ""},
      // The district named after the village.
      {"leaving the Sugovushan settlement of Tartar, the column went on.",
       "Sugovushan", "cw:sugovushan", 1, "named 15 bytes after"},
      {"Armenians of Heyvali village of Aghdara again blocked the cars.",
       "Aghdara", "cw:aghdara-district", 3, "'village' fits"},
      {"Armenians of Heyvali village of Aghdara again blocked the cars.",
       "Heyvali", "wof:1209381999", 1, ""},
      {"The column was stopped while passing through Aghdara.", "Aghdara",
       "wof:421204865", 1, ""},
      // Other places in the sentence.
      {"military transportation is observed on the Khankendi-Khalfali-Turshsu "
       "land road",
       "Khalfali", "cw:khalfali", 1, "from Khankendi named 1 bytes before"},
      // Other places in the text.
      {"Shelling was reported in Khankendi. Later that day Khalfali was hit.",
       "Khalfali", "cw:khalfali", 1, "nearest to Khankendi (7 km)"},
      // Lists share their cues; list members do not contain each other.
      {"sabotage on the border in the Dashkesan, Kalbajar and Lachin "
       "directions.",
       "Lachin", "cw:lachin", 2, ""},
      {"sabotage on the border in the Dashkesan, Kalbajar and Lachin "
       "directions.",
       "Kalbajar", "cw:kalbajar", 2, ""},
      {"Return of Kalbajar and Lachin regions.", "Kalbajar",
       "cw:kalbajar-district", 3, ""},
      {"Return of Kalbajar and Lachin regions.", "Lachin", "cw:lachin-district",
       3, ""},
      {"fire in the direction of the Armenian border settlements of Vardenis, "
       "Sotk and Goris",
       "Vardenis", "wof:421199215", 2,
       "'armenian border settlements' in the sentence"},
      {"fire in the direction of the Armenian border settlements of Vardenis, "
       "Sotk and Goris",
       "Goris", "wof:421199795", 2, ""},
      // "X, Province" (ACLED's style): the province contains the village.
      {"positions located near Aygedzor, Tavush, in 2 reported incidents.",
       "Aygedzor", "wof:1108783339", 2, "region Tavush named 2 bytes after"},
      {"positions located near Chinari, Tavush.", "Chinari", "wof:1108783291",
       2, ""},
      // Country cues.
      {"a protest in Tovuz, Azerbaijan", "Tovuz", "wof:421168733", 1,
       "country Azerbaijan named 2 bytes after"},
      {"the Azerbaijani town of Martuni", "Martuni", "cw:khojavend", 1,
       "'azerbaijani town' in the sentence"},
      {"Tovuz district", "Tovuz district", "cw:tovuz-district", 3, ""},
      {"the Lachin corridor is open", "Lachin corridor", "cw:lachin-corridor",
       2, ""},
      {"They live in Armenia.", "Armenia", "cw:armenia", 3, ""},
      {"Xankəndi", "Xankəndi", "wof:421193975", 1, "city, pop 53100"},
      {"Степанакерт", "Степанакерт", "wof:421193975", 1, ""},
  };
  for (const PlaceCase& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " / " + c.mention);
    const std::string text = c.text;
    const std::vector<PlaceMention> ms = g_->FindPlaces(text);
    const PlaceMention* m = MentionOf(ms, text, c.mention);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->best.place->id, c.want_id) << m->best.reason;
    EXPECT_EQ(m->geo_precision, c.precision) << m->precision_reason;
    EXPECT_NE(m->best.reason.find(c.reason_has), std::string::npos)
        << m->best.reason;
  }
}

TEST_F(GazetteerTest, KeepsRunnersUpAndScores) {
  const std::string text =
      "the tourist resorts of Jermuk and Martuni on Lake Sevan";
  const std::vector<PlaceMention> ms = g_->FindPlaces(text);
  const PlaceMention* m = MentionOf(ms, text, "Martuni");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->candidate_count, 3u);
  ASSERT_EQ(m->runners_up.size(), 2u);
  EXPECT_GT(m->best.score, m->runners_up[0].score);
  EXPECT_GE(m->runners_up[0].score, m->runners_up[1].score);
  EXPECT_GT(m->best.confidence, 0.5);
  EXPECT_LT(m->best.confidence, 1.0);
  double sum = m->best.confidence;
  for (const PlaceCandidate& c : m->runners_up) sum += c.confidence;
  EXPECT_NEAR(sum, 1.0, 1e-9);
  const PlaceMention* jermuk = MentionOf(ms, text, "Jermuk");
  ASSERT_NE(jermuk, nullptr);
  EXPECT_EQ(jermuk->candidate_count, 1u);
  EXPECT_TRUE(jermuk->runners_up.empty());
  EXPECT_DOUBLE_EQ(jermuk->best.confidence, 1.0);
}

TEST_F(GazetteerTest, SkipsCommonWordsAndNamesInsideActorWordings) {
  const char* texts[] = {
      "on top of the hill",       "the West Bank",
      "Top officials met",        "the Nagorno-Karabakh army fired",
      "the Artsakh Defense Army", "in lachin",
      "Azerbaijani positions",    "",
  };
  for (const char* t : texts) {
    EXPECT_TRUE(g_->FindPlaces(t).empty()) << t;
  }
  EXPECT_EQ(g_->FindPlaces("troops of Nagorno-Karabakh").size(), 1u);
}

TEST_F(GazetteerTest, LookupRanksEveryCandidate) {
  std::vector<PlaceCandidate> c = g_->Lookup("Martuni", "Gegharkunik");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].place->id, "wof:421169491");
  EXPECT_NE(c[0].reason.find("region Gegharkunik named in the context"),
            std::string::npos)
      << c[0].reason;
  c = g_->Lookup("martuni", "Karabakh");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].place->id, "cw:khojavend") << c[0].reason;
  c = g_->Lookup("Khojaly district");  // a name of the district only
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].place->id, "cw:khojaly-district");
  c = g_->Lookup("Khojaly rayon");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].place->id, "cw:khojaly-district");
  c = g_->Lookup("village of Khojaly");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].place->id, "cw:khojaly");
  c = g_->Lookup("Kelbadjar");  // not in the pack: same skeleton as Kelbajar
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].place->id, "cw:kalbajar");
  EXPECT_NE(c[0].reason.find("spelling close to"), std::string::npos);
  c = g_->Lookup("Khalfali", "Shusha");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].place->id, "cw:khalfali");
  EXPECT_TRUE(g_->Lookup("Atlantis").empty());
  EXPECT_TRUE(g_->Lookup("").empty());
  EXPECT_EQ(NameSkeleton("kelbajar"), NameSkeleton("kalbajar"));
  EXPECT_EQ(NameSkeleton("khankandi"), NameSkeleton("xankendi"));
}

struct ActorCase {
  const char* text;
  const char* mention;
  const char* want_id;
  const char* side;
};

TEST_F(GazetteerTest, FindsActorsByTheirWordings) {
  const ActorCase cases[] = {
      {"members of the illegal Armenian armed formations dug trenches",
       "illegal Armenian armed formations", "nk-forces", "NK"},
      {"“There has been no change,” the Azeri defense ministry said.",
       "Azeri defense ministry", "az-mod", "AZ"},
      {"Azerbaijan's Defense Ministry has refuted Moscow's version",
       "Azerbaijan's Defense Ministry", "az-mod", "AZ"},
      {"Moscow's peacekeepers", "Moscow", "ru-government", "RU"},
      {"the separatists", "separatists", "nk-forces", "NK"},
      {"the Artsakh Defense Army", "Artsakh Defense Army", "nk-forces", "NK"},
      {"the OSCE Minsk Group", "OSCE Minsk Group", "osce-minsk-group", "INTL"},
      {"Владимир Путин заявил", "Владимир Путин", "ru-putin", "RU"},
      // A shared wording: the country beside it, then the last mention.
      {"The Defense Ministry of Russia said", "Defense Ministry", "ru-mod",
       "RU"},
      {"the Armenian Defense Ministry reported shelling. The Defense Ministry "
       "added",
       "Defense Ministry", "am-mod", "AM"},
  };
  for (const ActorCase& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string text = c.text;
    const std::vector<ActorMention> ms = g_->FindActors(text);
    const ActorMention* found = nullptr;
    for (const ActorMention& m : ms) {
      if (text.substr(m.begin, m.end - m.begin) == c.mention) found = &m;
    }
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->actor->id, c.want_id) << found->reason;
    EXPECT_EQ(SideName(found->side), c.side);
  }
}

TEST_F(GazetteerTest, AmbiguousWordingsKeepAlternatives) {
  const std::vector<ActorMention> ms =
      g_->FindActors("The Ministry of Defense stressed the point.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].alternatives.size(), 2u);
  EXPECT_NE(ms[0].reason.find("ambiguous"), std::string::npos);
  const std::vector<ActorMention> later = g_->FindActors(
      "the Ministry of Defense of Azerbaijan issued a statement. The Ministry "
      "of Defense stressed the point.");
  ASSERT_EQ(later.size(), 2u);
  EXPECT_EQ(later[0].actor->id, "az-mod");
  EXPECT_TRUE(later[0].alternatives.empty());
  EXPECT_EQ(later[1].actor->id, "az-mod");
  EXPECT_NE(later[1].reason.find("as 'Ministry of Defense of Azerbaijan'"),
            std::string::npos)
      << later[1].reason;
}

TEST_F(GazetteerTest, PeopleHaveTheirRoleOnTheDay) {
  const std::string text = "Araik Arutunyan and David Babayan met in Brussels.";
  CivilDay in_office{2022, 2, 16}, after{2024, 1, 10};
  std::vector<ActorMention> ms = g_->FindActors(text, in_office);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].actor->id, "nk-harutyunyan");
  EXPECT_EQ(ms[0].role_status, RoleStatus::kInOffice);
  EXPECT_EQ(ms[0].role,
            "President of the self-declared Nagorno-Karabakh Republic");
  ASSERT_NE(ms[0].actor->parent_actor, nullptr);
  EXPECT_EQ(ms[0].actor->parent_actor->id, "nk-authorities");
  ms = g_->FindActors(text, after);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].role_status, RoleStatus::kNotInOffice);
  EXPECT_TRUE(ms[0].role.empty());
  ms = g_->FindActors(text);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].role_status, RoleStatus::kDateUnknown);
  ms = g_->FindActors("Foreign Minister Mevlut Cavusoglu said", {2023, 6, 3});
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].role_status, RoleStatus::kInOffice);
  ms = g_->FindActors("Cavusoglu said", {2023, 6, 5});
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].role_status, RoleStatus::kNotInOffice);
  ms = g_->FindActors("the separatists", in_office);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].role_status, RoleStatus::kNoRole);
}

TEST_F(GazetteerTest, BareSurnameAfterAnotherNameIsSomeoneElse) {
  EXPECT_TRUE(g_->FindActors("By Asim Aliyev").empty());
  const char* texts[] = {"President Aliyev said", "Ilham Aliyev said",
                         "Aliyev said", "said Aliyev.",
                         "İlham Əliyev bildirib"};
  for (const char* t : texts) {
    const std::vector<ActorMention> ms = g_->FindActors(t);
    ASSERT_EQ(ms.size(), 1u) << t;
    EXPECT_EQ(ms[0].actor->id, "az-president") << t;
  }
}

TEST_F(GazetteerTest, AnnotateEqualsTheTwoFinds) {
  const std::string text =
      "According to the Azerbaijani Ministry of Defense, the Armenian side "
      "fired on Tovuz. Ilham Aliyev visited Fuzuli region.";
  MatchScratch scratch;
  const Annotation a = g_->Annotate(text, {2020, 7, 13}, scratch);
  const std::vector<PlaceMention> p = g_->FindPlaces(text);
  const std::vector<ActorMention> q = g_->FindActors(text, {2020, 7, 13});
  ASSERT_EQ(a.places.size(), p.size());
  ASSERT_EQ(a.actors.size(), q.size());
  for (size_t i = 0; i < p.size(); ++i) {
    EXPECT_EQ(a.places[i].best.place, p[i].best.place);
  }
  for (size_t i = 0; i < q.size(); ++i)
    EXPECT_EQ(a.actors[i].actor, q[i].actor);
  EXPECT_EQ(p.size(), 2u);
  EXPECT_EQ(q.size(), 2u);
}

// The gold places of the five sample articles: each gold name (or alias)
// the text mentions resolves within the gold radius + 5 km. Runs on the
// test pack and, when built, on the real pack.
void CheckSeeds(const Gazetteer& g, size_t min_found) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared not found";
  const nlohmann::json gold = nlohmann::json::parse(
      testing::ReadFile(shared + "/eval/seeds.gold.json"));
  size_t found = 0, wrong = 0, missed = 0;
  for (const auto& ev : gold["events"]) {
    const std::string file = ev["file"];
    const std::string text =
        testing::ReadFile(shared + "/corpus/seeds/" + file);
    const std::vector<PlaceMention> ms = g.FindPlaces(text);
    const FoldedText folded = FoldForMatching(text);
    const std::vector<ActorMention> actors = g.FindActors(text);
    // Whether the name at folded offset `pos` is free text, not part of an
    // actor wording ("the so-called Artsakh Security Council").
    auto free_text = [&](size_t pos) {
      const size_t at = folded.offsets[pos + 1];
      for (const ActorMention& a : actors) {
        if (a.begin <= at && at < a.end) return false;
      }
      return true;
    };
    for (const auto& loc : ev["locations"]) {
      std::vector<std::string> names = {loc["name"]};
      if (loc.contains("aliases")) {
        for (const auto& a : loc["aliases"]) names.push_back(a);
      }
      for (const std::string& n : names) {
        const std::string want = " " + FoldName(n) + " ";
        bool mentioned = false;
        for (const PlaceMention& m : ms) {
          const std::string got =
              " " + FoldName(text.substr(m.begin, m.end - m.begin)) + " ";
          if (got.find(want) == std::string::npos) continue;
          const double km = GreatCircleKm(m.best.place->lat, m.best.place->lon,
                                          loc["lat"], loc["lon"]);
          ++found;
          mentioned = true;
          if (km > static_cast<double>(loc["radius_km"]) + 5) {
            ++wrong;
            ADD_FAILURE() << file << ": '" << n << "' at " << m.begin
                          << " resolved to " << m.best.place->id << " "
                          << m.best.place->name << ", " << km
                          << " km from gold; " << m.best.reason;
          }
        }
        for (size_t pos = folded.text.find(want);
             !mentioned && pos != std::string::npos;
             pos = folded.text.find(want, pos + 1)) {
          if (!free_text(pos)) continue;
          ++missed;
          ADD_FAILURE() << file << ": '" << n << "' is in the text at "
                        << folded.offsets[pos + 1]
                        << " but not found as a place";
          break;
        }
      }
    }
  }
  EXPECT_GE(found, min_found);
  EXPECT_EQ(wrong, 0u);
  EXPECT_EQ(missed, 0u);
  std::printf(
      "seed gold places: %zu mentions checked, %zu wrong, %zu "
      "missed\n",
      found, wrong, missed);
}

TEST_F(GazetteerTest, SeedGoldPlacesWithTheTestPack) { CheckSeeds(*g_, 130); }

TEST(RealPackTest, SeedGoldPlaces) {
  const std::string dir = testing::RealPackDir();
  if (dir.empty()) GTEST_SKIP() << "data/theatres/south-caucasus not built";
  const Gazetteer* g = testing::SharedGazetteer(dir);
  ASSERT_NE(g, nullptr) << "the real pack does not load";
  CheckSeeds(*g, 130);
}

TEST(RealPackTest, LoadsAndFindsTheSeedPlaces) {
  const std::string dir = testing::RealPackDir();
  if (dir.empty()) GTEST_SKIP() << "data/theatres/south-caucasus not built";
  Result<std::unique_ptr<TheatrePack>> pack = LoadTheatrePack(dir);
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  const Gazetteer* g = testing::SharedGazetteer(dir);
  ASSERT_NE(g, nullptr);
  const std::string text =
      "Armenians of Heyvali village of Aghdara blocked the road to Kalbajar. "
      "Shelling near Goris, Sotk and Jermuk. The village of Farrukh.";
  const std::vector<PlaceMention> ms = g->FindPlaces(text);
  EXPECT_GE(ms.size(), 6u);
}

}  // namespace
}  // namespace ceasewatch
