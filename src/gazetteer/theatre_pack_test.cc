#include "gazetteer/theatre_pack.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "gazetteer/gazetteer_testing.h"

namespace ceasewatch {
namespace {

namespace fs = std::filesystem;

constexpr char kPackJson[] =
    R"({"name": "t", "version": 1, "countries": ["AM", "AZ"],
        "files": {"places": "places.tsv", "actors": "actors.tsv"}})";
constexpr char kPlacesHeader[] =
    "id\tname\tlat\tlon\tcountry\tadmin1\tadmin2\tkind\tpopulation\t"
    "radius_km\tnames\tsource\n";
constexpr char kGoodPlace[] =
    "cw:a\tA-town\t40.1\t45.2\tAM\tP\tD\ttown\t100\t0\tA-town|Ay\tcurated\n";
constexpr char kActorsHeader[] =
    "id\tname\tside\tkind\tparent\trole\trole_from\trole_to\tnames\n";
constexpr char kGoodActor[] =
    "am-gov\tGovernment of Armenia\tAM\tgovernment\t\t\t\t\tYerevan\n";

// A pack directory in the temp dir with the given files.
class TempPack {
 public:
  explicit TempPack(const std::string& name)
      : dir_(fs::temp_directory_path() / ("cw-pack-test-" + name)) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~TempPack() { fs::remove_all(dir_); }
  void Write(const std::string& file, const std::string& content) {
    std::ofstream(dir_ / file, std::ios::binary) << content;
  }
  std::string dir() const { return dir_.string(); }

 private:
  fs::path dir_;
};

TEST(TheatrePackTest, LoadsTheTestPack) {
  Result<std::unique_ptr<TheatrePack>> pack =
      LoadTheatrePack(testing::MiniPackDir());
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  const TheatrePack& p = **pack;
  EXPECT_EQ(p.name, "south-caucasus-mini");
  EXPECT_EQ(p.countries, (std::vector<std::string>{"AM", "AZ"}));
  EXPECT_GT(p.places.size(), 50u);
  EXPECT_GT(p.actors.size(), 20u);
  const Place* farrukh = p.FindPlace("cw:farrukh");
  ASSERT_NE(farrukh, nullptr);
  EXPECT_EQ(farrukh->kind, PlaceKind::kVillage);
  EXPECT_EQ(farrukh->names[0], "Farrukh");
  EXPECT_NEAR(farrukh->lat, 40.0194, 1e-9);
  EXPECT_EQ(farrukh->admin2, "Khojaly");
  const Actor* harutyunyan = p.FindActor("nk-harutyunyan");
  ASSERT_NE(harutyunyan, nullptr);
  EXPECT_EQ(harutyunyan->side, Side::kNK);
  EXPECT_EQ(harutyunyan->kind, ActorKind::kPerson);
  EXPECT_EQ(harutyunyan->role_from.Iso(), "2020-05-21");
  EXPECT_EQ(harutyunyan->role_to.Iso(), "2023-09-01");
  ASSERT_NE(harutyunyan->parent_actor, nullptr);
  EXPECT_EQ(harutyunyan->parent_actor->id, "nk-authorities");
  EXPECT_EQ(p.stop_names, (std::vector<std::string>{"bank", "top"}));
  EXPECT_EQ(p.demonyms.at("AM"), (std::vector<std::string>{"Armenian"}));
}

TEST(TheatrePackTest, MissingFilesAreNamed) {
  Result<std::unique_ptr<TheatrePack>> none =
      LoadTheatrePack("/nonexistent/pack");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), Status::Code::kNotFound);
  EXPECT_NE(none.status().message().find("/nonexistent/pack/pack.json"),
            std::string::npos);

  TempPack t("missing-actors");
  t.Write("pack.json", kPackJson);
  t.Write("places.tsv", std::string(kPlacesHeader) + kGoodPlace);
  Result<std::unique_ptr<TheatrePack>> pack = LoadTheatrePack(t.dir());
  ASSERT_FALSE(pack.ok());
  EXPECT_EQ(pack.status().code(), Status::Code::kNotFound);
  EXPECT_NE(pack.status().message().find("actors.tsv: cannot open"),
            std::string::npos)
      << pack.status().message();
}

TEST(TheatrePackTest, PeriodIsReadAndChecked) {
  struct Case {
    const char* period;  // the "period" member
    const char* error;   // "" when it loads
  } cases[] = {
      {R"({"from": "2020-01-01", "to": "2024-12-31"})", ""},
      {R"({"from": "2020-01-01"})", "\"period\".to is not an ISO day"},
      {R"({"from": "2020-13-01", "to": "2024-12-31"})",
       "\"period\".from is not an ISO day"},
      {R"({"from": "2024-01-01", "to": "2020-12-31"})",
       "ends before it begins"},
      {R"("2020")", "\"period\" is not an object"},
  };
  for (const Case& c : cases) {
    TempPack t("period");
    std::string json = kPackJson;
    json.insert(json.size() - 1, std::string(", \"period\": ") + c.period);
    t.Write("pack.json", json);
    t.Write("places.tsv", std::string(kPlacesHeader) + kGoodPlace);
    t.Write("actors.tsv", std::string(kActorsHeader) + kGoodActor);
    Result<std::unique_ptr<TheatrePack>> pack = LoadTheatrePack(t.dir());
    if (*c.error == 0) {
      ASSERT_TRUE(pack.ok()) << pack.status().ToString();
      EXPECT_EQ((*pack)->period_from.Iso(), "2020-01-01");
      EXPECT_EQ((*pack)->period_to.Iso(), "2024-12-31");
    } else {
      ASSERT_FALSE(pack.ok()) << c.period;
      EXPECT_NE(pack.status().message().find(c.error), std::string::npos)
          << pack.status().message();
      EXPECT_NE(pack.status().message().find("pack.json"), std::string::npos);
    }
  }
}

struct BadCase {
  const char* file;     // the file that gets the bad content
  std::string content;  // its whole content
  const char* want;     // a part of the message, with file and line
};

TEST(TheatrePackTest, BadRowsNameFileAndLine) {
  const std::string ph = kPlacesHeader, ah = kActorsHeader;
  const BadCase cases[] = {
      {"pack.json", "{\"name\": ", "pack.json: "},
      {"pack.json", "{\"title\": \"no name\"}", "\"name\" is missing"},
      {"pack.json", "{\"name\": \"t\", \"files\": {\"places\": 3}}",
       "\"files\".places is not a string"},
      {"places.tsv",
       ph + kGoodPlace + "cw:b\tB\tnorth\t45\tAM\t\t\ttown\t\t0\tB\t\n",
       "places.tsv:3: lat 'north' is not a number"},
      {"places.tsv",
       ph + "# comment\n" + kGoodPlace +
           "cw:b\tB\t91\t45\tAM\t\t\ttown\t\t0\tB\t\n",
       "places.tsv:4: lat 91 is out of range"},
      {"places.tsv", ph + "cw:b\tB\t40\t45\tAM\ttown\n",
       "places.tsv:2: 6 fields, the header has 12"},
      {"places.tsv", ph + "cw:b\tB\t40\t45\tAM\t\t\thamlet\t\t0\tB\t\n",
       "places.tsv:2: kind 'hamlet' is not one of country, region"},
      {"places.tsv", ph + kGoodPlace + kGoodPlace,
       "places.tsv:3: duplicate id 'cw:a' (first on line 2)"},
      {"places.tsv", ph + "cw:b\tB\t40\t45\tAM\t\t\ttown\t12.5\t0\tB\t\n",
       "places.tsv:2: population '12.5' is not an integer"},
      {"places.tsv", ph + "\tB\t40\t45\tAM\t\t\ttown\t\t0\tB\t\n",
       "places.tsv:2: id is empty"},
      {"places.tsv", "id\tname\tlat\tcountry\tkind\n",
       "places.tsv:1: header lacks column 'lon'"},
      {"places.tsv", "", "places.tsv: no header line"},
      {"actors.tsv", ah + kGoodActor + "x\tX\tFR\tgovernment\t\t\t\t\tX\n",
       "actors.tsv:3: side 'FR' is not one of AZ, AM, NK"},
      {"actors.tsv", ah + "x\tX\tAM\tsoldier\t\t\t\t\tX\n",
       "actors.tsv:2: kind 'soldier' is not one of military"},
      {"actors.tsv", ah + "x\tX\tAM\tperson\t\tPM\t2018-5-8\t\tX\n",
       "actors.tsv:2: role_from '2018-5-8' is not an ISO day"},
      {"actors.tsv", ah + "x\tX\tAM\tperson\t\tPM\t2020-01-01\t2019-01-01\tX\n",
       "actors.tsv:2: role_to is before role_from"},
      {"actors.tsv", ah + kGoodActor + "x\tX\tAM\tperson\tnobody\t\t\t\tX\n",
       "actors.tsv:3: parent 'nobody' is not an actor id"},
  };
  int n = 0;
  for (const BadCase& c : cases) {
    TempPack t("bad-" + std::to_string(n++));
    t.Write("pack.json", kPackJson);
    t.Write("places.tsv", std::string(kPlacesHeader) + kGoodPlace);
    t.Write("actors.tsv", std::string(kActorsHeader) + kGoodActor);
    t.Write(c.file, c.content);
    Result<std::unique_ptr<TheatrePack>> pack = LoadTheatrePack(t.dir());
    ASSERT_FALSE(pack.ok()) << c.want;
    EXPECT_EQ(pack.status().code(), Status::Code::kInvalidInput) << c.want;
    EXPECT_NE(pack.status().message().find(c.want), std::string::npos)
        << "want: " << c.want << "\ngot:  " << pack.status().message();
    EXPECT_NE(pack.status().message().find(t.dir()), std::string::npos)
        << pack.status().message();
  }
}

TEST(TheatrePackTest, CuratedRowOverridesWofRowAndCrlfIsFine) {
  TempPack t("override");
  t.Write("pack.json", kPackJson);
  t.Write("places.tsv",
          std::string(kPlacesHeader) +
              "wof:1\tFarux\t40.4\t46.2\tAZ\t\t\tvillage\t\t0\tFarux\twof\r\n"
              "wof:1\tFarrukh\t40.02\t46.8\tAZ\t\t\tvillage\t\t0\t"
              "Farukh| Parukh |\tcurated\r\n");
  t.Write("actors.tsv", std::string(kActorsHeader) + kGoodActor);
  Result<std::unique_ptr<TheatrePack>> pack = LoadTheatrePack(t.dir());
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  ASSERT_EQ((*pack)->places.size(), 1u);
  const Place& p = (*pack)->places[0];
  EXPECT_EQ(p.name, "Farrukh");
  EXPECT_EQ(p.source, "curated");
  EXPECT_EQ(p.names, (std::vector<std::string>{"Farrukh", "Farukh", "Parukh"}));
}

}  // namespace
}  // namespace ceasewatch
