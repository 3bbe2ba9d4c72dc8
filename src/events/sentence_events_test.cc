// Table-driven tests of SentenceEventFinder's general mechanisms: sentence
// in, the dump of each event (DumpReport) out. Each case names substrings
// every one of which must be in the dump of the event at that index, and
// substrings none of which may be in it.
#include "events/sentence_events.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "events/event_extractor.h"

namespace ceasewatch {
namespace {

class SentenceEventsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto x = EventExtractor::Load(std::string(CW_SOURCE_DIR) +
                                  "/data/theatres/south-caucasus");
    ASSERT_TRUE(x.ok()) << x.status().ToString();
    extractor_ = x->release();
  }
  static void TearDownTestSuite() { delete extractor_; }

  static std::vector<std::string> Dump(std::string_view text,
                                       const char* published) {
    CivilDay day;
    CivilDay::ParseIso(published, &day);
    MatchScratch scratch;
    std::vector<std::string> out;
    for (const EventReport& r :
         extractor_->Extract(text, day, "Test Wire", scratch))
      out.push_back(DumpReport(r));
    return out;
  }
  static EventExtractor* extractor_;
};
EventExtractor* SentenceEventsTest::extractor_ = nullptr;

struct Want {
  Want(std::vector<std::string> h, std::vector<std::string> l = {})
      : has(std::move(h)), lacks(std::move(l)) {}
  std::vector<std::string> has;
  std::vector<std::string> lacks;
};

struct Case {
  const char* name;
  const char* text;
  std::vector<Want> want;  // one per event, in text order
};

void Check(const std::vector<Case>& cases,
           std::vector<std::string> (*dump)(std::string_view, const char*)) {
  for (const Case& c : cases) {
    std::vector<std::string> got = dump(c.text, "2019-12-20");
    std::string all;
    for (const std::string& g : got) all += "\n  " + g;
    EXPECT_EQ(got.size(), c.want.size()) << c.name << all;
    if (got.size() != c.want.size()) continue;
    for (size_t i = 0; i < got.size(); ++i) {
      for (const std::string& w : c.want[i].has)
        EXPECT_NE(got[i].find(w), std::string::npos)
            << c.name << ": missing '" << w << "' in" << all;
      for (const std::string& w : c.want[i].lacks)
        EXPECT_EQ(got[i].find(w), std::string::npos)
            << c.name << ": unwanted '" << w << "' in" << all;
    }
  }
}

TEST_F(SentenceEventsTest, DemonstrationParties) {
  Check(
      {
          {"a capital named as the place is not its government",
           "On 12 July, workers of a plant held a protest in Yerevan against "
           "low wages.",
           {{{"type=protest_blockade", "Peaceful protest", "places=Yerevan"},
             {"AM:actor"}}}},
          {"whom a protest addresses is no party to it",
           "On 12 July, residents held a protest in Gyumri and demanded the "
           "resignation of the Armenian government.",
           {{{"Peaceful protest"}, {"AM:actor"}}}},
          {"a force a crowd demands something of is no party",
           "On 12 July, demonstrators held a rally in Yerevan demanding to "
           "withdraw the Russian military base from Armenia.",
           {{{"Peaceful protest"}, {"RU:actor"}}}},
          {"police of the one side the article names are the ones meant",
           "On 12 July, the Karabakh police said residents held a protest in "
           "Stepanakert. The police detained two protesters.",
           {{{"Protest with intervention", "NK:actor"}, {"AZ:actor"}}}},
          {"police named without a country are the place's police",
           "On 12 July, residents held a protest in Gyumri. The police "
           "dispersed the protesters.",
           {{{"Protest with intervention", "AM:actor"}}}},
      },
      Dump);
}

TEST_F(SentenceEventsTest, Parties) {
  Check(
      {
          {"a speaker who does the deed before saying something is a party",
           "On 18 October, officers of the Police Forces of Armenia beat up "
           "a boy in Gyumri and informed his parents about it hours later.",
           {{{"type=attack_civilians", "AM:actor1", "places=Gyumri"}}}},
          {"a speaker who only says is no party",
           "On 18 October, the Armenian Defence Ministry said Azerbaijani "
           "forces fired on positions near Chinari.",
           {{{"type=armed_clash", "AZ:actor1", "claims=AM:asserts"},
             {"AM:actor"}}}},
          {"an arrest names its maker: the police of the place",
           "On 7 December, the former president was arrested in Yerevan on "
           "charges of overthrowing the constitutional order.",
           {{{"Arrests", "AM:actor1"}}}},
          {"an arrest by a named force keeps it",
           "On 7 December, Azerbaijani forces detained two men near Sotk.",
           {{{"Arrests", "AZ:actor1"}, {"AM:actor"}}}},
      },
      Dump);
}

TEST_F(SentenceEventsTest, DemonstrationSubTypes) {
  Check(
      {
          {"a protest dispersed by the police is a protest with intervention",
           "On 12 July, several dozen demonstrators blocked a street in "
           "Vanadzor but were dispersed by the police.",
           {{{"Protest with intervention"}}}},
          {"protesters detained by police",
           "On 12 July, in Yerevan, anti-government protests continued. 123 "
           "protesters have been detained by police.",
           {{{"Protest with intervention"}}}},
          {"riot police are no riot; tear gas is an intervention",
           "On 12 December, riot police used tear gas to disperse protesters "
           "in Yerevan.",
           {{{"type=protest_blockade", "Protest with intervention",
              "places=Yerevan"}}}},
          {"police firing on protesters is excessive force",
           "On 12 July, residents rallied in Gyumri against the mine. Police "
           "opened fire on the crowd, wounding two.",
           {{{"Excessive force against protesters"}}}},
          {"an arrest told of another time does not change a protest",
           "On 11 December, dozens of people protested in Yerevan against "
           "the arrest of 3 people. They were arrested on 30 September.",
           {{{"Peaceful protest"}},
            {{"Arrests", "date=2019-09-30..2019-09-30"}}}},
          {"nor does one in a relative past-perfect clause",
           "On 19 December, activists held a protest in Yerevan to support a "
           "lawyer who had been arrested in 2018.",
           {{{"Peaceful protest"}}}},
          {"police opening a roadway is no excessive force",
           "On 17 December, protestors blocked the road in Gyumri. After a "
           "discussion with police, protestors opened the roadway.",
           {{{"Peaceful protest"}}}},
          {"a clash between demonstrators and police makes a protest violent",
           "On 12 July, demonstrators gathered in Yerevan to demand the "
           "release of a director. A clash occurred between the "
           "demonstrators and the police.",
           {{{"type=riot", "Violent demonstration", "AM:actor"},
             {"Armed clash"}}}},
          {"a crowd beating someone is mob violence, not an armed attack",
           "On 3 August, a group of villagers attacked four activists near "
           "Haghartsin.",
           {{{"type=riot", "Mob violence"}, {"Armed clash"}}}},
          {"an armed group attacking is no mob",
           "On 10 December, members of an armed group attacked a checkpoint "
           "near Kapan.",
           {{{"type=armed_clash"}, {"Mob violence"}}}},
          {"a crowd attacking police officers is mob violence",
           "On 10 December, a group of villagers attacked police officers "
           "near Kapan.",
           {{{"type=riot", "Mob violence"}}}},
          {"a fight between groups of residents is mob violence",
           "On 15 December, in Vagharshapat, clashes occurred between "
           "members of an initiative group and supporters of the Catholicos.",
           {{{"type=riot", "Mob violence"}, {"Armed clash"}}}},
          {"mob violence during a demonstration is a violent demonstration",
           "On 13 February, in Yerevan, a brawl between representatives of "
           "two parties took place. One of them came to demonstrate against "
           "water pollution.",
           {{{"type=riot", "Violent demonstration"}}}},
          {"'gathered to demonstrate' is a deed",
           "On 17 December, a large crowd gathered in Yerevan to demonstrate "
           "against a new mining law.",
           {{{"type=protest_blockade", "Peaceful protest"}}}},
          {"people gathered with a demand is a protest",
           "On 4 July, supporters of the former president gathered outside "
           "the courthouse in Yerevan and demanded his release.",
           {{{"type=protest_blockade", "Peaceful protest"}}}},
          {"residents closing a road is a protest",
           "On 29 June, residents of Lukashin closed the Yerevan-Gyumri road "
           "and demanded compensation for hail damage.",
           {{{"type=protest_blockade", "Peaceful protest"}}}},
      },
      Dump);
}

TEST_F(SentenceEventsTest, WeaponsAndTargets) {
  Check(
      {
          {"of weapons in a list the first named decides",
           "On 2 October, military forces of Azerbaijan fired with small "
           "arms/sniper rifles/heavy machineguns/artillery on the positions "
           "of the military forces of Armenia located near Aygedzor, Tavush.",
           {{{"type=armed_clash", "Battles|Armed clash"}}}},
          {"unless a word like 'primarily' marks another",
           "On 2 October, military forces of Azerbaijan fired with small arms "
           "and primarily with mortars on the positions of the military "
           "forces of Armenia near Aygedzor, Tavush.",
           {{{"type=shelling"}}}},
          {"an attack on a house is an attack on civilians",
           "On 29 August, in Gyumri, 3 armed men in masks attacked the house "
           "of a former judge.",
           {{{"type=attack_civilians", "Violence against civilians|Attack"}}}},
          {"a passive attack on persons is an attack on civilians",
           "On 14 August, in Yerevan, 2 persons were attacked by an "
           "unidentified man armed with a knife.",
           {{{"type=attack_civilians"}}}},
          {"an attack on protesters is excessive force, whoever makes it",
           "On 16 December, former workers of the mine attacked protesters "
           "near Jermuk.",
           {{{"type=protest_blockade", "Excessive force against protesters"},
             {"Armed clash", "|Attack"}}}},
          {"clashes of demonstrators with police are a violent demonstration",
           "On 16 December, in Yerevan, violent clashes of demonstrators "
           "with Armenian police during anti-government demonstrations.",
           {{{"type=riot", "Violent demonstration", "AM:actor"},
             {"Excessive force"}}}},
          {"an off-duty soldier shot is an attack, not a clash",
           "On 5 December, in Yerevan, an unknown man shot and injured an "
           "off-duty commander.",
           {{{"type=attack_civilians"}}}},
          {"a firing range is no firing",
           "On 30 November, near Areni, Azerbaijani troops installed a new "
           "position, putting the village within the firing range of their "
           "troops.",
           {{{"type=fortification", "Change to group/activity", "AZ:actor1"},
             {"Armed clash"}}}},
          {"fire on positions near a village stays a clash",
           "On 7 September, military forces of Azerbaijan fired with small "
           "arms on the positions of the military forces of Armenia located "
           "near Chinari village.",
           {{{"type=armed_clash"}}}},
          {"'subjected to fire' is a deed, not an aim",
           "On 17 July, the military forces of Azerbaijan broke the ceasefire "
           "and subjected to fire Yelpin village.",
           {{{"type=armed_clash"}}}},
      },
      Dump);
}

TEST_F(SentenceEventsTest, Dates) {
  Check(
      {
          {"a past-perfect date dates only its own stretch",
           "On 13 December, supporters of an armed group that had seized a "
           "police compound in Yerevan in July 2016 organized a rally "
           "demanding better conditions for its members.",
           {{{"type=territory_seized", "date=2016-07-01..2016-07-31",
              "background=1"}},
            {{"type=protest_blockade", "date=2019-12-13..2019-12-13",
              "background=0"}}}},
          {"so does a date in a relative clause",
           "On 11 December, supporters of jailed members of a group who "
           "seized a police compound in Yerevan in July 2016 organized a "
           "rally.",
           {{{"type=territory_seized", "date=2016-07-01..2016-07-31"}},
            {{"type=protest_blockade", "date=2019-12-11..2019-12-11"}}}},
      },
      Dump);
}

TEST_F(SentenceEventsTest, MonthWithoutYearIsNoMarch) {
  // No publication day: "March 7" cannot be resolved to a date, yet it is
  // one, not a protest march.
  MatchScratch scratch;
  std::vector<EventReport> got = extractor_->Extract(
      "On March 7, the ministry said that the road near Sotk was blocked "
      "again.",
      CivilDay{}, "Test Wire", scratch);
  for (const EventReport& r : got) EXPECT_NE(r.cue, "March") << DumpReport(r);
}

TEST_F(SentenceEventsTest, OneEventNotTwo) {
  Check(
      {
          {"moving in to lay a mine is the mine's approach, not a movement",
           "On 18 December, Armenian separatists infiltrated the liberated "
           "territories and planted a mine on a road near Shusha.",
           {{{"type=explosive_device", "NK:actor1"}, {"military_movement"}}}},
          {"a clash in a region and on a border it touches, one day, is one",
           "On 13 December, heavy fighting broke out in Karabakh. On 13 "
           "December, the Armenian Defense Ministry reported hostilities on "
           "the Armenian-Azerbaijani border.",
           {{{"type=armed_clash", "Karabakh", "Armenia–Azerbaijan border"}}}},
      },
      Dump);
}

TEST_F(SentenceEventsTest, DescriptionsAndNames) {
  Check(
      {
          {"a passive describing clause is history, the main verb is news",
           "The shepherds, who were detained by Azerbaijani forces near "
           "Lachin, were handed over to the Armenian side on 19 December.",
           {{{"type=detention", "background=1"}},
            {{"type=prisoner_release", "background=0"}}}},
          {"a date naming an agreement does not date other events",
           "Under the 10 November statement, Russian troops withdrew from "
           "the village of Aghavno on 19 December.",
           {{{"type=withdrawal", "date=2019-12-19"}}}},
      },
      Dump);
}

TEST_F(SentenceEventsTest, RecalledNotReported) {
  Check(
      {
          {"an event known only to a month long past is recalled",
           "Then the fighting broke out near the village of Sotk in August "
           "2019.",
           {{{"type=armed_clash", "background=1"}}}},
          {"a sentence recalling the war makes its undated events history",
           "The day after the capture of Shusha, Armenian Prime Minister "
           "Nikol Pashinyan, Azerbaijani President Ilham Aliyev and Russian "
           "President Vladimir Putin signed a peace agreement to end the war "
           "in the region.",
           {{{"type=agreement", "background=1"}}}},
          {"last week's shelling is an incident",
           "Azerbaijani forces shelled the village of Sotk last week, the "
           "ministry said.",
           {{{"type=shelling", "background=0"}}}},
          {"shelling all last week is activity over a period, no incident",
           "Azerbaijani forces shelled the village of Sotk all last week, the "
           "ministry said.",
           {}},
      },
      Dump);
}

// Without a publication day, a report dated only by the day the article is
// inferred to have appeared merges with a dated telling of its event; with
// one, a week's slack still keeps a later blockade apart.
TEST_F(SentenceEventsTest, RetellingWithoutPublicationDay) {
  const char* text =
      "On 16 December 2019, residents blocked the road near Sotk.\n"
      "Residents of Sotk again blocked the road, a local official said.";
  EXPECT_EQ(Dump(text, "").size(), 1u);
  EXPECT_EQ(Dump(text, "2020-01-20").size(), 2u);
}

TEST_F(SentenceEventsTest, Territory) {
  Check(
      {
          {"a state's army taking a village regains territory",
           "On 20 October 2019, the Azerbaijani army took control of the "
           "village of Sugovushan.",
           {{{"type=territory_seized", "Government regains territory",
              "AZ:actor1"}}}},
          {"a force that is no state's overtakes it",
           "On 20 October 2019, Karabakh Armenian forces took control of the "
           "village of Sugovushan.",
           {{{"type=territory_seized", "Non-state actor overtakes territory",
              "NK:actor1"}}}},
      },
      Dump);
}

TEST_F(SentenceEventsTest, StrategicDevelopments) {
  Check(
      {
          {"a declared cessation of hostilities is an agreement, not a clash",
           "On 5 June, the leadership of the group formally declared a "
           "cessation of hostilities with the government in Yerevan.",
           {{{"type=agreement"}, {"Armed clash"}}}},
          {"a raid that finds weapons disrupts their use",
           "On 19 November, the headquarters of a volunteer union in Gyumri "
           "was raided by the police on suspicion of illegal storage of "
           "weapons.",
           {{{"type=weapons_seizure", "Disrupted weapons use", "AM:actor1"}}}},
          {"military exercises are a change to group activity",
           "On 2 April, near Gyumri, 1000 Russian troops held snap drills.",
           {{{"type=military_exercise", "Change to group/activity", "RU:"}}}},
      },
      Dump);
}

}  // namespace
}  // namespace ceasewatch
