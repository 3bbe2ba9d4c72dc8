#include "agreements/provision_links.h"

#include <gtest/gtest.h>

#include <ostream>
#include <utility>

#include "agreements/links_json.h"

namespace ceasewatch {

// Relations by name in failure messages.
void PrintTo(Relation relation, std::ostream* os) {
  *os << RelationName(relation);
}

namespace {

// A small agreement: a ceasefire along a zone, a district's handover by a
// deadline, and a prisoner exchange anywhere.
Agreement TestAgreement() {
  Agreement a;
  a.id = "test";
  a.in_force = "2020-11-10";
  Provision ceasefire;
  ceasefire.number = 1;
  ceasefire.id = "ceasefire";
  ceasefire.places = {{"cw:loc", "line of contact", 40.0, 46.9, 60, "AZ",
                       "Karabakh", "", "border"}};
  ceasefire.rules = {
      {{"armed_clash", "shelling"}, {}, {}, Relation::kPossibleBreach},
      {{"military_movement"}, {}, {}, Relation::kRelevant}};
  Provision handover;
  handover.number = 2;
  handover.id = "handover";
  handover.places = {{"wof:1", "Aghdam", 40.05, 46.98, 29.7, "AZ", "Karabakh",
                      "Aghdam", "district"}};
  handover.rules = {
      {{"withdrawal"}, {}, {}, Relation::kImplementation},
      {{"military_movement"}, {"AZ"}, {}, Relation::kImplementation}};
  handover.deadlines = {{"2020-11-20", "Aghdam by 20 November", {}}};
  handover.until = "2020-12-31";
  Provision prisoners;
  prisoners.number = 3;
  prisoners.id = "prisoners";
  prisoners.rules = {{{"prisoner_release"}, {}, {}, Relation::kImplementation},
                     {{"detention"}, {}, {}, Relation::kRelevant}};
  a.provisions = {ceasefire, handover, prisoners};
  a.area_extents_km = {{"cw:big", 90}, {"cw:small", 30}};
  return a;
}

EventPlace Place(const std::string& id, double lat, double lon,
                 const std::string& admin2, const std::string& kind) {
  EventPlace p;
  p.place_id = id;
  p.name = id;
  p.lat = lat;
  p.lon = lon;
  p.country = "AZ";
  p.admin2 = admin2;
  p.kind = kind;
  return p;
}

// Places the cases use.
const EventPlace kInZone = Place("wof:10", 40.02, 46.85, "Khojaly", "village");
const EventPlace kFarAway = Place("wof:11", 41.7, 44.8, "", "city");
const EventPlace kAghdamEdge = Place("wof:12", 40.4, 47.3, "Aghdam", "village");
const EventPlace kAghdamTown = Place("wof:13", 40.05, 46.98, "Aghdam", "city");
const EventPlace kNoAdmin2 = Place("wof:14", 40.06, 46.95, "", "village");
const EventPlace kZoneNoAdmin2 = Place("cw:z", 40.06, 46.95, "", "zone");
const EventPlace kZoneItself = Place("cw:loc", 0, 0, "", "border");
const EventPlace kCountry = Place("wof:az", 40.0, 46.9, "", "country");
// Zones centred in the ceasefire's zone (radius 60): one larger than it,
// one smaller, one of unknown extent.
const EventPlace kBigArea = Place("cw:big", 40.0, 46.9, "", "zone");
const EventPlace kSmallArea = Place("cw:small", 40.0, 46.9, "", "zone");
const EventPlace kUnknownArea = Place("cw:unknown", 40.0, 46.9, "", "region");

struct Case {
  const char* name;
  std::string type;
  std::string date, date_end;
  bool background;
  std::vector<EventPlace> places;
  std::vector<std::string> actor1_sides;
  std::vector<std::string> sides;
  std::vector<std::pair<int, Relation>> want;  // provision number, relation
};

IncidentView MakeView(const Case& c, int64_t id) {
  IncidentView v;
  v.incident.id = id;
  v.incident.type = c.type;
  v.incident.date = c.date;
  v.incident.date_end = c.date_end;
  v.incident.background = c.background;
  v.incident.places = c.places;
  v.incident.sides = c.sides;
  v.actor1_sides = c.actor1_sides;
  return v;
}

TEST(LinkIncidentsTest, WhichIncidentsBearOnWhichProvision) {
  using R = Relation;
  const Case cases[] = {
      {"clash in the zone after in_force",
       "armed_clash",
       "2022-08-03",
       "2022-08-03",
       false,
       {kInZone},
       {"AZ"},
       {"AZ", "NK"},
       {{1, R::kPossibleBreach}}},
      {"clash out of the zone",
       "armed_clash",
       "2022-08-03",
       "2022-08-03",
       false,
       {kFarAway},
       {},
       {},
       {}},
      {"clash before in_force",
       "armed_clash",
       "2020-10-01",
       "2020-10-02",
       false,
       {kInZone},
       {},
       {},
       {}},
      {"window ending on in_force",
       "shelling",
       "2020-11-08",
       "2020-11-10",
       false,
       {kInZone},
       {},
       {},
       {{1, R::kPossibleBreach}}},
      {"background",
       "armed_clash",
       "2022-08-03",
       "2022-08-03",
       true,
       {kInZone},
       {},
       {},
       {}},
      {"undated", "armed_clash", "", "", false, {kInZone}, {}, {}, {}},
      {"wrong type",
       "riot",
       "2022-08-03",
       "2022-08-03",
       false,
       {kInZone},
       {},
       {},
       {}},
      {"district by admin2, beyond its radius",
       "withdrawal",
       "2020-11-19",
       "2020-11-19",
       false,
       {kAghdamEdge},
       {},
       {},
       {{2, R::kImplementation}}},
      {"near the district's centre but in another district",
       "withdrawal",
       "2020-11-19",
       "2020-11-19",
       false,
       {kInZone},
       {},
       {},
       {}},
      {"a point without admin2 inside the district's radius",
       "withdrawal",
       "2020-11-19",
       "2020-11-19",
       false,
       {kNoAdmin2},
       {},
       {},
       {{2, R::kImplementation}}},
      {"a zone's centre inside the district's radius",
       "withdrawal",
       "2020-11-19",
       "2020-11-19",
       false,
       {kZoneNoAdmin2},
       {},
       {},
       {}},
      {"rule by AZ: AZ moves in the district",
       "military_movement",
       "2020-11-20",
       "2020-11-20",
       false,
       {kAghdamTown},
       {"AZ"},
       {"AZ"},
       {{1, R::kRelevant}, {2, R::kImplementation}}},
      {"rule by AZ: AM moves in the district",
       "military_movement",
       "2020-11-20",
       "2020-11-20",
       false,
       {kAghdamTown},
       {"AM"},
       {"AM"},
       {{1, R::kRelevant}}},
      {"rule by AZ: no actor1, the incident's sides",
       "military_movement",
       "2020-11-20",
       "2020-11-20",
       false,
       {kAghdamTown},
       {},
       {"AZ", "RU"},
       {{1, R::kRelevant}, {2, R::kImplementation}}},
      {"after the provision's until",
       "military_movement",
       "2021-03-01",
       "2021-03-01",
       false,
       {kAghdamTown},
       {"AZ"},
       {"AZ"},
       {{1, R::kRelevant}}},
      {"the zone's own id, whatever its coordinates",
       "armed_clash",
       "2021-05-01",
       "2021-05-01",
       false,
       {kZoneItself},
       {},
       {},
       {{1, R::kPossibleBreach}}},
      {"a country's centre is not in a zone",
       "armed_clash",
       "2021-05-01",
       "2021-05-01",
       false,
       {kCountry},
       {},
       {},
       {}},
      {"a larger area centred in the zone is not in it",
       "armed_clash",
       "2021-05-01",
       "2021-05-01",
       false,
       {kBigArea},
       {},
       {},
       {}},
      {"a smaller area centred in the zone is in it",
       "armed_clash",
       "2021-05-01",
       "2021-05-01",
       false,
       {kSmallArea},
       {},
       {},
       {{1, R::kPossibleBreach}}},
      {"an area of unknown extent: by its centre",
       "armed_clash",
       "2021-05-01",
       "2021-05-01",
       false,
       {kUnknownArea},
       {},
       {},
       {{1, R::kPossibleBreach}}},
      {"a second place in the zone is enough",
       "armed_clash",
       "2021-05-01",
       "2021-05-01",
       false,
       {kFarAway, kInZone},
       {},
       {},
       {{1, R::kPossibleBreach}}},
      {"provision without places: anywhere",
       "prisoner_release",
       "2021-05-01",
       "2021-05-01",
       false,
       {kFarAway},
       {},
       {},
       {{3, R::kImplementation}}},
      {"provision without places: even unplaced",
       "detention",
       "2021-05-01",
       "2021-05-01",
       false,
       {},
       {},
       {},
       {{3, R::kRelevant}}},
  };
  const Agreement agreement = TestAgreement();
  for (const Case& c : cases) {
    std::vector<IncidentView> views = {MakeView(c, 7)};
    std::vector<ProvisionLinks> links = LinkIncidents(agreement, views);
    ASSERT_EQ(links.size(), 3u);
    std::vector<std::pair<int, Relation>> got;
    for (const ProvisionLinks& pl : links) {
      for (const LinkedIncident& li : pl.incidents) {
        got.push_back({pl.provision->number, li.relation});
      }
    }
    EXPECT_EQ(got, c.want) << c.name;
  }
}

TEST(LinkIncidentsTest, AccusedDeadlinesAndOrder) {
  const Agreement agreement = TestAgreement();
  const Case late = {"",           "withdrawal", "2020-11-25",
                     "2020-11-26", false,        {kAghdamTown},
                     {"AM"},       {"AM", "AZ"}, {}};
  const Case spans = {"",           "withdrawal", "2020-11-18",
                      "2020-11-22", false,        {kAghdamTown},
                      {},           {"AM", "AZ"}, {}};
  const Case early = {"",           "withdrawal", "2020-11-12",
                      "2020-11-12", false,        {kAghdamTown},
                      {},           {},           {}};
  std::vector<IncidentView> views = {MakeView(late, 1), MakeView(spans, 2),
                                     MakeView(early, 3)};
  std::vector<ProvisionLinks> links = LinkIncidents(agreement, views);
  const std::vector<LinkedIncident>& got = links[1].incidents;
  ASSERT_EQ(got.size(), 3u);
  // Date order.
  EXPECT_EQ(got[0].view->incident.id, 3);
  EXPECT_EQ(got[1].view->incident.id, 2);
  EXPECT_EQ(got[2].view->incident.id, 1);
  const char* timings[] = {"by", "spans", "after"};
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(got[i].deadlines.size(), 1u);
    EXPECT_EQ(got[i].deadlines[0].deadline->day, "2020-11-20");
    EXPECT_EQ(got[i].deadlines[0].timing, timings[i]);
    EXPECT_EQ(got[i].matched_places, std::vector<std::string>{"wof:1"});
  }
  // Accused: actor1's sides, else everyone involved.
  EXPECT_EQ(got[2].accused, std::vector<std::string>{"AM"});
  EXPECT_EQ(got[1].accused, (std::vector<std::string>{"AM", "AZ"}));
  EXPECT_TRUE(got[0].accused.empty());
}

EventClaim Claim(const std::string& side, const std::string& name,
                 const std::string& stance, const std::string& text) {
  EventClaim c;
  c.source_side = side;
  c.source_name = name;
  c.stance = stance;
  c.text = text;
  return c;
}

EventActor Actor(const std::string& side, const std::string& role) {
  EventActor a;
  a.side = side;
  a.role = role;
  return a;
}

TEST(ViewOfIncidentTest, ClaimsWithoutRepeatsAndActor1Sides) {
  Incident incident;
  incident.id = 5;
  EventReport r1, r2;
  r1.claims = {Claim("AM", "Armenian MoD", "asserts", "they fired"),
               Claim("AZ", "Azerbaijani MoD", "denies", "no fire")};
  r1.actors = {Actor("AZ", "actor1"), Actor("AM", "actor2")};
  // A near-duplicate article repeats the first claim word for word.
  r2.claims = {Claim("AM", "Armenian MoD", "asserts", "they fired"),
               Claim("", "a reporter", "asserts", "shots were heard")};
  r2.actors = {Actor("NK", "actor1"), Actor("", "actor1"),
               Actor("AZ", "actor1")};
  IncidentView v = ViewOfIncident(incident, {r1, r2}, {11, 12});
  ASSERT_EQ(v.claims.size(), 3u);
  EXPECT_EQ(v.claims[0].article_id, 11);
  EXPECT_EQ(v.claims[1].claim.stance, "denies");
  EXPECT_EQ(v.claims[2].article_id, 12);
  EXPECT_EQ(v.actor1_sides, (std::vector<std::string>{"AZ", "NK"}));
}

TEST(LinkIncidentsTest, ClaimsGroupedBySide) {
  const Agreement agreement = TestAgreement();
  const Case clash = {"",           "armed_clash", "2022-08-03",
                      "2022-08-03", false,         {kInZone},
                      {"AZ"},       {"AZ", "NK"},  {}};
  const Case shelling = {"",           "shelling",   "2022-08-01",
                         "2022-08-01", false,        {kInZone},
                         {"NK"},       {"AZ", "NK"}, {}};
  std::vector<IncidentView> views = {MakeView(clash, 1), MakeView(shelling, 2)};
  views[0].claims = {
      {Claim("NK", "Karabakh Armenian authorities", "asserts", "attacked"), 3},
      {Claim("media", "Some Outlet", "asserts", "fighting reported"), 3},
      {Claim("AZ", "Azerbaijani MoD", "denies", "provocation"), 4},
      {Claim("", "the reporter", "asserts", "clashes"), 4}};
  views[1].claims = {
      {Claim("AZ", "Azerbaijani MoD", "asserts", "they shelled"), 5},
      {Claim("RU", "Russian MoD", "asserts", "ceasefire violated"), 6}};
  std::vector<ProvisionLinks> links = LinkIncidents(agreement, views);
  const ProvisionLinks& p = links[0];
  ASSERT_EQ(p.incidents.size(), 2u);
  ASSERT_EQ(p.claims_by_side.size(), 4u);
  // Parties in their fixed order, then media (a claim without a side
  // counts as media); within a side, in the incidents' (date) order.
  EXPECT_EQ(p.claims_by_side[0].side, "AZ");
  EXPECT_EQ(p.claims_by_side[1].side, "NK");
  EXPECT_EQ(p.claims_by_side[2].side, "RU");
  EXPECT_EQ(p.claims_by_side[3].side, "media");
  const std::vector<ProvisionClaim>& az = p.claims_by_side[0].claims;
  ASSERT_EQ(az.size(), 2u);
  EXPECT_EQ(az[0].claim->claim.text, "they shelled");  // 1 August first
  EXPECT_EQ(p.incidents[az[0].incident].view->incident.id, 2);
  EXPECT_EQ(az[1].claim->claim.stance, "denies");
  EXPECT_EQ(p.incidents[az[1].incident].view->incident.id, 1);
  EXPECT_EQ(p.claims_by_side[3].claims.size(), 2u);
  // Provisions the incidents do not bear on have no claims.
  EXPECT_TRUE(links[1].claims_by_side.empty());
  EXPECT_TRUE(links[2].claims_by_side.empty());
}

TEST(AgreementLinksJsonTest, Shape) {
  const Agreement agreement = TestAgreement();
  const Case clash = {"",        "armed_clash", "2022-08-03", "", false,
                      {kInZone}, {"AZ"},        {"AZ", "NK"}, {}};
  std::vector<IncidentView> views = {MakeView(clash, 9)};
  views[0].claims = {
      {Claim("NK", "Karabakh Armenian authorities", "asserts", "attacked"), 3}};
  nlohmann::json j =
      AgreementLinksJson(agreement, LinkIncidents(agreement, views));
  EXPECT_EQ(j["id"], "test");
  ASSERT_EQ(j["provisions"].size(), 3u);
  const nlohmann::json& p = j["provisions"][0];
  EXPECT_EQ(p["number"], 1);
  EXPECT_EQ(p["counts"]["incidents"], 1);
  EXPECT_EQ(p["counts"]["possible_breach"], 1);
  EXPECT_EQ(p["counts"]["relevant"], 0);
  const nlohmann::json& i = p["incidents"][0];
  EXPECT_EQ(i["id"], 9);
  EXPECT_EQ(i["relation"], "possible_breach");
  EXPECT_EQ(i["date_end"], "2022-08-03");  // an open end is the start day
  EXPECT_EQ(i["accused"], nlohmann::json({"AZ"}));
  EXPECT_EQ(i["in_places"], nlohmann::json({"cw:loc"}));
  EXPECT_EQ(i["places"][0]["name"], "wof:10");
  EXPECT_TRUE(i["fatalities"].is_null());
  const nlohmann::json& side = p["claims_by_side"][0];
  EXPECT_EQ(side["side"], "NK");
  EXPECT_EQ(side["claims"][0]["incident"], 9);
  EXPECT_EQ(side["claims"][0]["stance"], "asserts");
  EXPECT_EQ(side["claims"][0]["text"], "attacked");
  EXPECT_EQ(side["claims"][0]["article"], 3);
  EXPECT_EQ(side["claims"][0]["source"]["name"],
            "Karabakh Armenian authorities");
  EXPECT_EQ(j["provisions"][1]["deadlines"][0]["day"], "2020-11-20");
  EXPECT_EQ(j["provisions"][1]["until"], "2020-12-31");
  EXPECT_TRUE(j["provisions"][2]["until"].is_null());
  EXPECT_TRUE(j["provisions"][1]["incidents"].empty());
}

}  // namespace
}  // namespace ceasewatch
