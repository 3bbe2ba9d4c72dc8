#include "agreements/agreement_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace ceasewatch {
namespace {

namespace fs = std::filesystem;

std::unordered_map<std::string, ProvisionPlace> TestPlaces() {
  ProvisionPlace corridor{"cw:corridor", "Corridor",      39.65,    46.5,   20,
                          "AZ",          "East Zangezur", "Lachin", "route"};
  ProvisionPlace district{"wof:1", "Aghdam",   40.05,    46.98,     29.7,
                          "AZ",    "Karabakh", "Aghdam", "district"};
  return {{corridor.id, corridor}, {district.id, district}};
}

AgreementContext TestContext(
    const std::unordered_map<std::string, ProvisionPlace>* places) {
  AgreementContext c;
  c.places = places;
  c.event_types = {"armed_clash", "withdrawal", "prisoner_release"};
  return c;
}

// A valid agreement; tests break one thing in it.
constexpr char kGood[] = R"({
  "id": "a1", "title": "An agreement", "signed": "2020-11-09",
  "in_force": "2020-11-10", "signatories": ["AZ", "AM", "RU"],
  "provisions": [
    {"number": 1, "id": "ceasefire", "summary": "Stop firing.",
     "bound": ["AZ", "AM"],
     "places": [{"id": "cw:corridor", "radius_km": 5}, {"id": "wof:1"}],
     "deadlines": [{"day": "2020-11-20", "text": "by 20 November",
                    "places": ["wof:1"]}],
     "incidents": [{"types": ["armed_clash"], "as": "possible_breach"},
                   {"types": ["withdrawal"], "by": ["AM"],
                    "places": ["wof:1"], "as": "implementation"}]},
    {"number": 2, "id": "prisoners", "summary": "Exchange prisoners.",
     "bound": ["AZ", "AM"], "until": "2021-12-31",
     "incidents": [{"types": ["prisoner_release"], "as": "implementation"}]}
  ]})";

std::string Replace(std::string s, const std::string& from,
                    const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(ParseAgreementTest, ReadsEveryField) {
  auto places = TestPlaces();
  Result<Agreement> a = ParseAgreement("x.json", kGood, TestContext(&places));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->id, "a1");
  EXPECT_EQ(a->signed_day, "2020-11-09");
  EXPECT_EQ(a->in_force, "2020-11-10");
  EXPECT_EQ(a->signatories, (std::vector<std::string>{"AZ", "AM", "RU"}));
  ASSERT_EQ(a->provisions.size(), 2u);
  const Provision& p = a->provisions[0];
  EXPECT_EQ(p.number, 1);
  EXPECT_EQ(p.bound, (std::vector<std::string>{"AZ", "AM"}));
  ASSERT_EQ(p.places.size(), 2u);
  EXPECT_EQ(p.places[0].name, "Corridor");
  EXPECT_DOUBLE_EQ(p.places[0].radius_km, 5);  // the override
  EXPECT_DOUBLE_EQ(p.places[1].radius_km, 29.7);
  EXPECT_EQ(p.places[1].admin2, "Aghdam");
  ASSERT_EQ(p.deadlines.size(), 1u);
  EXPECT_EQ(p.deadlines[0].place_ids, std::vector<std::string>{"wof:1"});
  ASSERT_EQ(p.rules.size(), 2u);
  EXPECT_EQ(p.rules[0].relation, Relation::kPossibleBreach);
  EXPECT_EQ(p.rules[1].relation, Relation::kImplementation);
  EXPECT_EQ(p.rules[1].by, std::vector<std::string>{"AM"});
  EXPECT_TRUE(a->provisions[1].places.empty());
  EXPECT_EQ(a->provisions[1].until, "2021-12-31");
  // Both test places are areas: their extents come along for linking.
  EXPECT_EQ(a->area_extents_km.size(), 2u);
  EXPECT_DOUBLE_EQ(a->area_extents_km.at("wof:1"), 29.7);
}

struct BadCase {
  const char* name;
  std::string from, to;  // the edit to kGood
  const char* error;     // part of the expected message
};

TEST(ParseAgreementTest, ErrorsNameTheFileAndTheField) {
  const BadCase cases[] = {
      {"broken json", "\"provisions\": [", "\"provisions\": [[", "x.json: "},
      {"missing id", R"("id": "a1", )", "", "x.json: \"id\" is missing"},
      {"missing in_force", R"("in_force": "2020-11-10", )", "",
       "\"in_force\" is missing"},
      {"bad day", "\"2020-11-10\"", "\"2020-11-31\"",
       "\"in_force\" is not an ISO day"},
      {"missing summary", R"("summary": "Stop firing.",)", "",
       "provisions[0]: \"summary\" is missing"},
      {"unknown place", "\"id\": \"wof:1\"", "\"id\": \"wof:2\"",
       "provisions[0].places[1]: unknown place id \"wof:2\""},
      {"unknown key", "\"until\"", "\"untill\"",
       "provisions[1]: unknown key \"untill\""},
      {"unknown side", R"("by": ["AM"])", R"("by": ["Armenia"])",
       "unknown side \"Armenia\""},
      {"unknown type", R"(["prisoner_release"])", R"(["prisoner_swap"])",
       "provisions[1].incidents[0]: unknown event type \"prisoner_swap\""},
      {"unknown relation", R"("as": "possible_breach")", R"("as": "violation")",
       "\"as\" is \"violation\""},
      {"rule place not the provision's", R"("places": ["wof:1"], "as")",
       R"("places": ["cw:corridor", "wof:9"], "as")",
       "\"wof:9\" is not one of the provision's places"},
      {"repeated number", R"("number": 2)", R"("number": 1)",
       "provisions[1]: number 1 repeats"},
      {"no rules",
       R"("incidents": [{"types": ["prisoner_release"], )"
       R"("as": "implementation"}])",
       R"("incidents": [])", "provisions[1]: \"incidents\" is empty"},
      {"bad radius", R"("radius_km": 5)", R"("radius_km": -5)",
       "\"radius_km\" is not a number"},
      {"number not integer", R"("number": 2)", R"("number": "2")",
       "\"number\" is not a positive integer"},
  };
  auto places = TestPlaces();
  for (const BadCase& c : cases) {
    const std::string text = Replace(kGood, c.from, c.to);
    Result<Agreement> a = ParseAgreement("x.json", text, TestContext(&places));
    ASSERT_FALSE(a.ok()) << c.name;
    EXPECT_EQ(a.status().code(), Status::Code::kInvalidInput) << c.name;
    EXPECT_NE(a.status().message().find(c.error), std::string::npos)
        << c.name << ": " << a.status().message();
    EXPECT_EQ(a.status().message().rfind("x.json: ", 0), 0u) << c.name;
  }
}

// A pack directory in the temp dir with the given files.
class TempPack {
 public:
  explicit TempPack(const std::string& name)
      : dir_(fs::temp_directory_path() / ("cw-agreements-test-" + name)) {
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "agreements");
  }
  ~TempPack() { fs::remove_all(dir_); }
  void Write(const std::string& file, const std::string& content) {
    std::ofstream(dir_ / file, std::ios::binary) << content;
  }
  std::string dir() const { return dir_.string(); }

 private:
  fs::path dir_;
};

constexpr char kPlacesTsv[] =
    "id\tname\tlat\tlon\tcountry\tadmin1\tadmin2\tkind\tpopulation\t"
    "radius_km\tnames\tsource\n"
    "cw:corridor\tCorridor\t39.65\t46.5\tAZ\tEast Zangezur\tLachin\troute\t\t"
    "20\t\tcurated\n"
    "wof:1\tAghdam\t40.05\t46.98\tAZ\tKarabakh\tAghdam\tdistrict\t\t29.7\t\t"
    "wof\n";

TEST(LoadAgreementsTest, ReadsAPackInFileOrder) {
  TempPack pack("order");
  pack.Write("places.tsv", kPlacesTsv);
  pack.Write("agreements/b.json", Replace(kGood, "\"a1\"", "\"b\""));
  pack.Write("agreements/a.json", kGood);
  pack.Write("agreements/README.txt", "not an agreement");
  Result<std::vector<Agreement>> all = LoadAgreements(pack.dir());
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, "a1");
  EXPECT_EQ((*all)[1].id, "b");
  EXPECT_DOUBLE_EQ((*all)[0].provisions[0].places[1].lat, 40.05);
}

TEST(LoadAgreementsTest, RepeatedIdAndBadFileAreErrors) {
  TempPack pack("errors");
  pack.Write("places.tsv", kPlacesTsv);
  pack.Write("agreements/a.json", kGood);
  pack.Write("agreements/b.json", kGood);
  Result<std::vector<Agreement>> all = LoadAgreements(pack.dir());
  ASSERT_FALSE(all.ok());
  EXPECT_NE(all.status().message().find("b.json: agreement id \"a1\""),
            std::string::npos)
      << all.status().message();

  pack.Write("agreements/b.json", "{\"id\": ");
  all = LoadAgreements(pack.dir());
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(all.status().message().find("b.json: "), std::string::npos);
}

TEST(LoadAgreementsTest, NoAgreementsFolderIsNoAgreements) {
  TempPack pack("none");
  fs::remove_all(fs::path(pack.dir()) / "agreements");
  Result<std::vector<Agreement>> all = LoadAgreements(pack.dir());
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_TRUE(all->empty());
}

// The shipped pack: the statement of 10 November 2020 with its nine
// points, every place resolved.
TEST(LoadAgreementsTest, SouthCaucasusPack) {
  Result<std::vector<Agreement>> all = LoadAgreements(
      std::string(CW_SOURCE_DIR) + "/data/theatres/south-caucasus");
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 1u);
  const Agreement& a = (*all)[0];
  EXPECT_EQ(a.id, "2020-11-10-trilateral-statement");
  EXPECT_EQ(a.in_force, "2020-11-10");
  ASSERT_EQ(a.provisions.size(), 9u);
  for (int i = 0; i < 9; ++i) {
    EXPECT_EQ(a.provisions[i].number, i + 1);
    EXPECT_FALSE(a.provisions[i].summary.empty());
    EXPECT_FALSE(a.provisions[i].rules.empty());
  }
  const Provision& corridor = a.provisions[5];
  ASSERT_EQ(corridor.places.size(), 3u);
  EXPECT_EQ(corridor.places[0].admin2, "Kalbajar");
  EXPECT_EQ(corridor.places[2].id, "cw:lachin-corridor");
  EXPECT_GT(corridor.places[2].radius_km, 0);
  EXPECT_EQ(corridor.deadlines.size(), 3u);
  EXPECT_DOUBLE_EQ(a.area_extents_km.at("cw:districts-around-karabakh"), 90);
  EXPECT_EQ(a.area_extents_km.count("wof:85668257"), 1u);  // Aghdam district
}

}  // namespace
}  // namespace ceasewatch
