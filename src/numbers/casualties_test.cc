#include "numbers/casualties.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "shared_data.h"

namespace ceasewatch {
namespace {

std::string Num(double v) {
  if (std::isinf(v)) return "inf";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// "[matched text] kind low[..high] who[ ~][ {groups}][ agg(period)]" per
// mention, joined by " | "; "none" when there is none.
std::string Dump(const std::string& text) {
  std::string s;
  for (const CasualtyMention& m : FindCasualties(text)) {
    if (!s.empty()) s += " | ";
    s += "[" + text.substr(m.begin, m.end - m.begin) + "] " +
         CasualtyKindName(m.kind) + " " + Num(m.low);
    if (m.high != m.low) s += ".." + Num(m.high);
    if (!m.who.empty()) s += " " + m.who;
    if (m.approximate) s += " ~";
    if (m.groups.size() > 1) {
      s += " {";
      for (size_t k = 0; k < m.groups.size(); ++k) {
        if (k) s += " + ";
        s += Num(m.groups[k].low) + " " + m.groups[k].who;
      }
      s += "}";
    }
    if (m.aggregate) s += " agg(" + m.period_text + ")";
  }
  return s.empty() ? "none" : s;
}

struct Case {
  const char* text;
  const char* want;
};

TEST(FindCasualtiesTest, SeedSentences) {
  const Case cases[] = {
      {"The Defense Ministry of Nagorno-Karabakh said the drones had killed "
       "three people and wounded another 15.",
       "[killed three people] killed 3 people | [wounded another 15] "
       "injured 15 people"},
      {"as a result of which nearly 50 soldiers were killed.",
       "[nearly 50 soldiers were killed] killed 45..50 soldiers ~"},
      {"As a result of the mine explosion, seven Azerbaijani policemen and a "
       "civilian working at a construction site were killed.",
       "[seven Azerbaijani policemen and a civilian working at a construction "
       "site were killed] killed 8 policemen,civilians {7 policemen + 1 "
       "civilians}"},
      {"Later, Armenian sources reported that one serviceman was seriously "
       "wounded by Azerbaijani soldiers.",
       "[one serviceman was seriously wounded] injured 1 servicemen"},
      {"After some time, Yerevan confirmed the losses: 49 soldiers.",
       "[losses: 49 soldiers] killed 49 soldiers"},
      {"In the war that broke out after that of 1992-1994, up to 25-30 "
       "thousand people died on both sides.",
       "[up to 25-30 thousand people died] killed 25000..30000 people ~ "
       "agg(In the war)"},
      {"Following the war, which lasted until 9 November, 6.5,000 people "
       "died and Azerbaijan returned the regions.",
       "[6.5,000 people died] killed 6500 people agg(Following the war)"},
      {"The victorious Azerbaijani army cleared Farrukh, without suffering "
       "any casualties or bloodshed.",
       "[without suffering any casualties] killed 0 | [without suffering any "
       "casualties] injured 0"},
      {"Meanwhile, at the time, 61 Azerbaijanis were killed and 253 "
       "Azerbaijanis were injured as a result of mines laid over the past 3 "
       "years.",
       "[61 Azerbaijanis were killed] killed 61 Azerbaijanis agg(over the "
       "past 3 years) | [253 Azerbaijanis were injured] injured 253 "
       "Azerbaijanis agg(over the past 3 years)"},
      {"Azerbaijan prevailed in a two-month conflict with Armenia in late "
       "2020 over the long-contested enclave that killed more than 6,500 "
       "people.",
       "[killed more than 6,500 people] killed 6501..inf people ~ agg(in a "
       "two-month conflict)"},
  };
  for (const Case& c : cases) EXPECT_EQ(Dump(c.text), c.want) << c.text;
}

TEST(FindCasualtiesTest, Patterns) {
  const Case cases[] = {
      {"3 killed, 5 wounded", "[3 killed] killed 3 | [5 wounded] injured 5"},
      {"Three soldiers were killed and five wounded.",
       "[Three soldiers were killed] killed 3 soldiers | [five wounded] "
       "injured 5 soldiers"},
      {"Shelling killed two civilians and a soldier on Monday.",
       "[killed two civilians and a soldier] killed 3 civilians,soldiers {2 "
       "civilians + 1 soldiers}"},
      {"The attack left 12 dead.", "[12 dead] killed 12"},
      {"There were 4 civilian deaths.",
       "[4 civilian deaths] killed 4 civilians"},
      {"Two Armenian servicemen lost their lives.",
       "[Two Armenian servicemen lost their lives] killed 2 servicemen"},
      {"Armenia lost 49 soldiers.", "[lost 49 soldiers] killed 49 soldiers"},
      {"Azerbaijan liberated 10,000 square kilometers and lost 3,000 square "
       "kilometers.",
       "none"},
      {"12 servicemen were martyred.",
       "[12 servicemen were martyred] killed 12 servicemen"},
      {"about 4,000 Azerbaijanis who went missing in the early 1990s",
       "[about 4,000 Azerbaijanis who went missing] missing 3600..4400 "
       "Azerbaijanis ~"},
      {"Two soldiers were taken prisoner.",
       "[Two soldiers were taken prisoner] captured 2 soldiers"},
      {"Azerbaijani forces captured 5 soldiers.",
       "[captured 5 soldiers] captured 5 soldiers"},
      {"The rebels captured 5 tanks.", "none"},
      {"No one was killed.", "[No one was killed] killed 0 people"},
      {"Nobody was hurt in the blast.", "[Nobody was hurt] injured 0 people"},
      {"No soldiers were killed.",
       "[No soldiers were killed] killed 0 soldiers"},
      {"There were no casualties.",
       "[no casualties] killed 0 | [no casualties] injured 0"},
      {"Baku said it did not suffer any losses.",
       "[not suffer any losses] killed 0 | [not suffer any losses] injured 0"},
      {"to prevent new casualties and hostilities", "none"},
      {"The death toll rose to 12.", "[death toll rose to 12] killed 12"},
      {"The clashes left 7 casualties.", "[7 casualties] casualties 7"},
      {"Five people, including two children, were killed.",
       "[Five people, including two children, were killed] killed 5 people"},
      {"Seven policemen, two soldiers and a civilian were killed.",
       "[Seven policemen, two soldiers and a civilian were killed] killed 10 "
       "policemen,soldiers,civilians {7 policemen + 2 soldiers + 1 "
       "civilians}"},
      {"At least 7 people were killed.",
       "[At least 7 people were killed] killed 7..inf people ~"},
      {"Two police officers were injured.",
       "[Two police officers were injured] injured 2 policemen"},
      {"Dozens of people were wounded.",
       "[Dozens of people were wounded] injured 24..99 people ~"},
      {"Since 2020, 300 people were killed by mines.",
       "[300 people were killed] killed 300 people agg(Since 2020)"},
      {"So far, 20 civilians have died.",
       "[20 civilians have died] killed 20 civilians agg(So far)"},
      {"a conflict that claimed the lives of 30 people",
       "[claimed the lives of 30 people] killed 30 people"},
      {"Two soldiers were killed in the conflict zone.",
       "[Two soldiers were killed] killed 2 soldiers"},
      {"were killed on 12 September", "none"},
      {"killed 3 days ago", "none"},
      {"In 2020 the soldier was killed.",  // a year is not a count
       "[the soldier was killed] killed 1 soldiers"},
      {"there have been losses among personnel", "none"},
      {"the Armenian side suffered losses in military personnel and "
       "equipment",
       "none"},
      {"resulting in the death of military personnel", "none"},
      {"Exchange of prisoners of war, hostages, detainees, and dead bodies.",
       "none"},
      {"Azerbaijani forces killed the soldier of the Armenian Army.",
       "[killed the soldier] killed 1 soldiers"},
      {"Another man was wounded by gunfire.",
       "[Another man was wounded] injured 1 men"},
      {"the soldiers were killed", "none"},
      {"No property damage or civilian casualties were reported.",
       "[No property damage or civilian casualties] killed 0 | [No property "
       "damage or civilian casualties] injured 0"},
      {"officials did not say how many casualties there were", "none"},
      {"No injuries or fatalities were reported.",
       "[No injuries] injured 0 | [No injuries or fatalities] killed 0"},
      {"around 100 people protested the death of a member, who died in "
       "custody",
       "[a member, who died] killed 1 members"},
  };
  for (const Case& c : cases) EXPECT_EQ(Dump(c.text), c.want) << c.text;
}

// A real sample page from ../shared, or "" when ../shared is absent.
std::string ReadSeed(const std::string& name) {
  const std::string dir = testing::SharedDir();
  return dir.empty() ? "" : testing::ReadFile(dir + "/corpus/seeds/" + name);
}

// The gold fatalities and injured of ../shared/eval/seeds.gold.json are
// found in their pages, and nothing else is a casualty count there.
TEST(FindCasualtiesTest, SeedPages) {
  const Case pages[] = {
      {"000_f5f67fe135edf090.txt",
       "[one serviceman was seriously wounded] injured 1 servicemen"},
      {"001_5a259469ce8bbc15.txt", "none"},
      {"002_40bf29ce910d5a17.txt",
       "[nearly 50 soldiers were killed] killed 45..50 soldiers ~ | [losses: "
       "49 soldiers] killed 49 soldiers | [up to 25-30 thousand people died] "
       "killed 25000..30000 people ~ agg(In the war) | [6.5,000 people died] "
       "killed 6500 people agg(Following the war)"},
      {"003_74ca31117742919c.txt",
       "[killed three people] killed 3 people | [wounded another 15] "
       "injured 15 people | [killed more than 6,500 people] killed 6501..inf "
       "people ~ agg(in a two-month conflict) | [more than thousands of "
       "martyrs] killed 2000..inf ~ | [without suffering any casualties] "
       "killed 0 | [without suffering any casualties] injured 0 | [about "
       "4,000 Azerbaijanis who went missing] missing 3600..4400 Azerbaijanis "
       "~"},
      {"004_2845e4e534468d56.txt",
       "[seven Azerbaijani policemen and a civilian working at a construction "
       "site were killed] killed 8 policemen,civilians {7 policemen + 1 "
       "civilians} | [61 Azerbaijanis were killed] killed 61 Azerbaijanis "
       "agg(over the past 3 years) | [253 Azerbaijanis were injured] injured "
       "253 Azerbaijanis agg(over the past 3 years)"},
  };
  if (testing::SharedDir().empty()) GTEST_SKIP() << "../shared not found";
  for (const Case& p : pages) {
    std::string text = ReadSeed(p.text);
    ASSERT_FALSE(text.empty()) << p.text;
    EXPECT_EQ(Dump(text), p.want) << p.text;
  }
}

// The combined call gives exactly what FindNumbers and FindCasualties give
// one by one, for texts with counts, casualties, both and neither.
TEST(FindNumbersAndCasualtiesTest, SameAsSeparateCalls) {
  const char* const texts[] = {
      "",
      "No figures here at all.",
      "Three soldiers were killed and 12 wounded near the village.",
      "About 4,000 people went missing in 1992-1994; dozens were captured.",
      "The shelling injured seven civilians, officials said on 5 March 2022.",
      "Between 10 and 20 houses burned. Nobody was hurt.",
      "\xE2\x80\x9CTwo\xE2\x80\x9D killed, 3\xC2\xA0wounded\n\nmore than 100 "
      "dead",
  };
  for (const char* text : texts) {
    std::vector<NumberMention> numbers = {NumberMention{}};  // replaced
    std::vector<CasualtyMention> casualties = {CasualtyMention{}};
    FindNumbersAndCasualties(text, &numbers, &casualties);
    const std::vector<NumberMention> want_numbers = FindNumbers(text);
    ASSERT_EQ(numbers.size(), want_numbers.size()) << text;
    for (size_t i = 0; i < numbers.size(); ++i) {
      EXPECT_EQ(numbers[i].begin, want_numbers[i].begin) << text;
      EXPECT_EQ(numbers[i].end, want_numbers[i].end) << text;
      EXPECT_EQ(numbers[i].low, want_numbers[i].low) << text;
      EXPECT_EQ(numbers[i].high, want_numbers[i].high) << text;
      EXPECT_EQ(numbers[i].approximate, want_numbers[i].approximate) << text;
    }
    const std::vector<CasualtyMention> want = FindCasualties(text);
    ASSERT_EQ(casualties.size(), want.size()) << text;
    for (size_t i = 0; i < casualties.size(); ++i) {
      EXPECT_EQ(casualties[i].begin, want[i].begin) << text;
      EXPECT_EQ(casualties[i].end, want[i].end) << text;
      EXPECT_EQ(casualties[i].kind, want[i].kind) << text;
      EXPECT_EQ(casualties[i].low, want[i].low) << text;
      EXPECT_EQ(casualties[i].high, want[i].high) << text;
      EXPECT_EQ(casualties[i].who, want[i].who) << text;
      EXPECT_EQ(casualties[i].groups.size(), want[i].groups.size()) << text;
      EXPECT_EQ(casualties[i].aggregate, want[i].aggregate) << text;
      EXPECT_EQ(casualties[i].period_text, want[i].period_text) << text;
    }
  }
}

}  // namespace
}  // namespace ceasewatch
