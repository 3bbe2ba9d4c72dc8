// Inflected place names: the rules (InflectName), the loader adding them
// (LoadTheatrePack) and, on the real pack, the matcher finding them.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gazetteer/gazetteer.h"
#include "gazetteer/gazetteer_testing.h"
#include "gazetteer/name_fold.h"
#include "gazetteer/theatre_pack.h"

namespace ceasewatch {
namespace {

namespace fs = std::filesystem;

// A small rule set in the pack format, independent of the real pack.
InflectionLanguage Russian() {
  InflectionLanguage ru;
  ru.lang = "ru";
  ru.letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
  ru.max_words = 1;
  ru.min_letters = 4;
  ru.rules = {
      {"ский район", "ский район", {"ского района", "ском районе"}, 2},
      {"[гкхжчшщ]а", "а", {"и", "е"}, 0},
      {"а", "а", {"ы", "е"}, 0},
      {"[бвгдзклмнпрстфх]", "", {"а", "е"}, 0},
  };
  return ru;
}

struct InflectCase {
  const char* name;
  std::vector<std::string> want;
};

TEST(InflectNameTest, FirstRuleThatAppliesKeepsTheCase) {
  const InflectCase cases[] = {
      {"Агдам", {"Агдама", "Агдаме"}},
      {"АГДАМ", {"АГДАМа", "АГДАМе"}},
      {"Шуша", {"Шуши", "Шуше"}},  // after ш: и, not ы
      {"Агдара", {"Агдары", "Агдаре"}},
      {"Лачинский район", {"Лачинского района", "Лачинском районе"}},
      {"Лачинский Район", {"Лачинского Района", "Лачинском Районе"}},
      {"Нижний Агдам", {}},  // two words: only the district rule may apply
      {"Физули", {}},        // no rule for -и: not declined
      {"Ґоріс", {}},         // Ukrainian letters: not this language
      {"Goris", {}},
      {"Бах", {}},  // fewer than 4 letters
      {"", {}},
  };
  const InflectionLanguage ru = Russian();
  for (const InflectCase& c : cases) {
    EXPECT_EQ(InflectName(c.name, ru), c.want) << c.name;
  }
}

TEST(InflectNameTest, BadRulesGiveNothing) {
  InflectionLanguage ru = Russian();
  ru.rules[0].drop = "район";  // fine: an ending of "ends"
  EXPECT_FALSE(InflectName("Лачинский район", ru).empty());
  ru.rules[0].drop = "город";  // not an ending of "ends"
  EXPECT_TRUE(InflectName("Лачинский район", ru).empty());
}

// The rule set the real pack declares, on the forms news writes.
TEST(InflectNameTest, RealPackRules) {
  const std::string dir = testing::RealPackDir();
  if (dir.empty()) GTEST_SKIP() << "data/theatres/south-caucasus not built";
  Result<std::unique_ptr<TheatrePack>> pack = LoadTheatrePack(dir);
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  const std::vector<InflectionLanguage>& langs = (*pack)->inflections;
  ASSERT_EQ(langs.size(), 2u);
  auto forms = [&](const char* name) {
    std::vector<std::string> out;
    for (const InflectionLanguage& l : langs) {
      for (std::string& f : InflectName(name, l)) out.push_back(std::move(f));
    }
    return out;
  };
  struct Want {
    const char* name;
    const char* form;  // must be among the forms
  };
  const Want wants[] = {
      {"Агдам", "Агдаме"},
      {"Агдам", "Агдама"},
      {"Шуша", "Шуше"},
      {"Шуша", "Шуши"},
      {"Лачинский район", "Лачинского района"},
      {"Нагорный Карабах", "Нагорном Карабахе"},
      {"Армения", "Армении"},
      {"Ստեփանակերտ", "Ստեփանակերտում"},
      {"Շուշի", "Շուշիի"},
      {"Գորիս", "Գորիսից"},
      {"Լաչինի միջանցք", "Լաչինի միջանցքով"},
      {"Ակնա", "Ակնայում"},
  };
  for (const Want& w : wants) {
    const std::vector<std::string> got = forms(w.name);
    EXPECT_NE(std::find(got.begin(), got.end(), w.form), got.end())
        << w.name << " -> " << w.form;
  }
  EXPECT_TRUE(forms("Физули").empty());
  EXPECT_TRUE(forms("Tovuz").empty());
}

constexpr char kPlacesHeader[] =
    "id\tname\tlat\tlon\tcountry\tadmin1\tadmin2\tkind\tpopulation\t"
    "radius_km\tnames\tsource\n";
constexpr char kActors[] =
    "id\tname\tside\tkind\tparent\trole\trole_from\trole_to\tnames\n"
    "am-gov\tGovernment of Armenia\tAM\tgovernment\t\t\t\t\tYerevan\n";

class TempPack {
 public:
  explicit TempPack(const std::string& name)
      : dir_(fs::temp_directory_path() / ("cw-inflection-test-" + name)) {
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

constexpr char kPackJson[] = R"({"name": "t", "inflections": [
  {"lang": "ru", "letters": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
   "rules": [{"ends": "[бвгдзклмнпрстфх]", "drop": "", "add": ["а", "е"]}]}]})";

TEST(InflectedNamesTest, LoaderAddsFormsAfterTheWrittenNames) {
  TempPack t("load");
  t.Write("pack.json", kPackJson);
  // "Агдама" is the written name of another place: it stays that place's
  // alone. "Кара" ends in -а, for which this rule set has no rule.
  t.Write("places.tsv",
          std::string(kPlacesHeader) +
              "cw:a\tAghdam\t40\t46.9\tAZ\t\t\ttown\t\t0\tAghdam|Агдам\t\n"
              "cw:b\tAgdama\t41\t45\tAZ\t\t\tvillage\t\t0\tАгдама\t\n"
              "cw:c\tKara\t41\t46\tAZ\t\t\tvillage\t\t0\tКара\t\n");
  t.Write("actors.tsv", kActors);
  Result<std::unique_ptr<TheatrePack>> pack = LoadTheatrePack(t.dir());
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  const Place* a = (*pack)->FindPlace("cw:a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->names, (std::vector<std::string>{"Aghdam", "Агдам", "Агдаме"}));
  EXPECT_EQ(a->inflected_begin, 2u);
  EXPECT_FALSE(a->IsInflected(1));
  EXPECT_TRUE(a->IsInflected(2));
  const Place* b = (*pack)->FindPlace("cw:b");
  EXPECT_EQ(b->names, (std::vector<std::string>{"Agdama", "Агдама"}));
  EXPECT_EQ(b->inflected_begin, 2u);
  EXPECT_EQ((*pack)->FindPlace("cw:c")->names.size(), 2u);
}

TEST(InflectedNamesTest, BadRulesAreErrors) {
  struct Bad {
    const char* json;
    const char* want;
  };
  const Bad cases[] = {
      {R"({"name": "t", "inflections": {}})",
       "\"inflections\" is not an array"},
      {R"({"name": "t", "inflections": [{"letters": "аб"}]})",
       "\"inflections\"[0]: \"rules\" is not an array"},
      {R"({"name": "t", "inflections": [{"letters": "аб", "rules": [
         {"ends": "а", "drop": "б", "add": ["ы"]}]}]})",
       "\"inflections\"[0].rules[0]: \"drop\" 'б' is not an ending"},
      {R"({"name": "t", "inflections": [{"letters": "аб", "rules": [
         {"ends": "[аб", "add": ["ы"]}]}]})",
       "unclosed or empty [set]"},
      {R"({"name": "t", "inflections": [{"letters": "аб", "rules": [
         {"ends": "а", "add": []}]}]})",
       "rules[0]: \"add\" is empty"},
      {R"({"name": "t", "inflections": [{"letters": "", "rules": []}]})",
       "\"letters\" is empty"},
      {R"({"name": "t", "inflections": [{"letters": "аб", "max_words": -1,
         "rules": []}]})",
       "\"max_words\" is not an integer"},
  };
  int n = 0;
  for (const Bad& c : cases) {
    TempPack t("bad-" + std::to_string(n++));
    t.Write("pack.json", c.json);
    t.Write("places.tsv", std::string(kPlacesHeader) +
                              "cw:a\tA\t40\t46\tAZ\t\t\ttown\t\t0\tA\t\n");
    t.Write("actors.tsv", kActors);
    Result<std::unique_ptr<TheatrePack>> pack = LoadTheatrePack(t.dir());
    ASSERT_FALSE(pack.ok()) << c.want;
    EXPECT_EQ(pack.status().code(), Status::Code::kInvalidInput);
    EXPECT_NE(pack.status().message().find(c.want), std::string::npos)
        << "want: " << c.want << "\ngot:  " << pack.status().message();
  }
}

// Running text in Russian and Armenian (sentences written for this test).
struct TextCase {
  const char* text;
  const char* mention;  // the text of the place mention, "" = none
  const char* place;    // the id of the best candidate
};

TEST(InflectedNamesTest, RealPackFindsInflectedNamesInText) {
  const std::string dir = testing::RealPackDir();
  if (dir.empty()) GTEST_SKIP() << "data/theatres/south-caucasus not built";
  const Gazetteer* g = testing::SharedGazetteer(dir);
  ASSERT_NE(g, nullptr);
  const TextCase cases[] = {
      {"Вчера в Агдаме прошла встреча.", "Агдаме", "wof:1125818957"},
      {"Колонна вышла из Агдама утром.", "Агдама", "wof:1125818957"},
      {"Глава Лачинского района заявил об этом.", "Лачинского района",
       "wof:85668621"},
      {"Делегация прибыла в Шушу.", "Шушу", ""},
      {"Ստեփանակերտում լույս չկա։", "Ստեփանակերտում", "wof:421193975"},
      {"Ավտոբուսը մեկնեց Գորիսից։", "Գորիսից", "wof:421199795"},
      {"В городе было тихо.", "", ""},
      {"Агдамовский вопрос обсуждали.", "", ""},
  };
  for (const TextCase& c : cases) {
    const std::vector<PlaceMention> ms = g->FindPlaces(c.text);
    const std::string_view text = c.text;
    if (*c.mention == '\0') {
      EXPECT_TRUE(ms.empty())
          << c.text << ": found "
          << text.substr(ms[0].begin, ms[0].end - ms[0].begin);
      continue;
    }
    ASSERT_EQ(ms.size(), 1u) << c.text;
    EXPECT_EQ(text.substr(ms[0].begin, ms[0].end - ms[0].begin), c.mention);
    if (*c.place != '\0') {
      EXPECT_EQ(ms[0].best.place->id, c.place)
          << c.text << ": " << ms[0].best.place->name << " "
          << ms[0].best.reason;
    } else {
      EXPECT_EQ(ms[0].best.place->name, "Shusha") << c.text;
    }
  }
}

// A bare name ranks as before: the inflected forms of other places never
// join its candidates.
TEST(InflectedNamesTest, RealPackBareNamesUnchanged) {
  const std::string dir = testing::RealPackDir();
  if (dir.empty()) GTEST_SKIP() << "data/theatres/south-caucasus not built";
  const Gazetteer* g = testing::SharedGazetteer(dir);
  ASSERT_NE(g, nullptr);
  const TheatrePack& pack = g->pack();
  for (const char* name : {"Агдам", "Лачин", "Ханкенди"}) {
    std::vector<PlaceCandidate> c = g->Lookup(name);
    ASSERT_FALSE(c.empty()) << name;
    const std::string folded = FoldName(name);
    for (const PlaceCandidate& pc : c) {
      bool written = false;
      for (size_t i = 0; i < pc.place->names.size(); ++i) {
        if (!pc.place->IsInflected(i) &&
            FoldName(pc.place->names[i]) == folded) {
          written = true;
        }
      }
      EXPECT_TRUE(written) << name << " -> " << pc.place->id;
    }
  }
  // "Шуши" is no place's written name; as the genitive of "Шуша" it is
  // Shusha's.
  std::vector<PlaceCandidate> shushi = g->Lookup("Шуши");
  ASSERT_FALSE(shushi.empty());
  EXPECT_EQ(shushi[0].place->name, "Shusha");
  size_t inflected = 0;
  for (const Place& p : pack.places) {
    inflected += p.names.size() - std::min(p.inflected_begin, p.names.size());
  }
  EXPECT_GT(inflected, 1000u);
}

}  // namespace
}  // namespace ceasewatch
