#include "brief/brief.h"

#include <gtest/gtest.h>

#include "agreements/agreement_loader.h"
#include "brief/brief_render.h"
#include "query/query_testing.h"

namespace ceasewatch {
namespace {

class BriefTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fixture_.Fill());
    auto q = QueryDb::Open(fixture_.db());
    ASSERT_TRUE(q.ok());
    query_ = std::move(*q);
  }
  Brief Build(const std::string& since, const std::string& until,
              const std::vector<Agreement>& agreements = {}) {
    auto b = BuildBrief(fixture_.store(), *query_, agreements, {since, until});
    EXPECT_TRUE(b.ok()) << b.status().ToString();
    return b.ok() ? *b : Brief();
  }
  const BriefGroup* Group(const std::vector<BriefGroup>& groups,
                          const std::string& key) {
    for (const BriefGroup& g : groups)
      if (g.key == key) return &g;
    return nullptr;
  }

  IncidentStoreTest fixture_{
      ::testing::UnitTest::GetInstance()->current_test_info()->name()};
  std::unique_ptr<QueryDb> query_;
};

TEST_F(BriefTest, NumbersMatchTheStore) {
  Brief b = Build("2022-09-01", "2022-09-30");
  ASSERT_EQ(b.incidents.size(), 2u);
  EXPECT_EQ(b.incidents[0].facts.incident.id, 1);  // date order
  EXPECT_EQ(b.incidents[1].facts.incident.id, 2);
  EXPECT_EQ(b.reports, 2);
  EXPECT_EQ(b.articles.size(), 2u);
  EXPECT_TRUE(b.killed.known);
  EXPECT_EQ(b.killed.low, 3);   // 2 + 1
  EXPECT_EQ(b.killed.high, 4);  // 3 + 1
  EXPECT_FALSE(b.injured.known);
  ASSERT_NE(Group(b.by_type, "shelling"), nullptr);
  EXPECT_EQ(Group(b.by_type, "shelling")->incidents, std::vector<int64_t>{1});
  ASSERT_NE(Group(b.by_side, "AZ"), nullptr);
  EXPECT_EQ(Group(b.by_side, "AZ")->incidents, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Group(b.by_side, "AZ")->killed.low, 3);
  ASSERT_NE(Group(b.by_place, "Sotk"), nullptr);
  EXPECT_EQ(Group(b.by_place, "Sotk")->detail, "Gegharkunik, AM");
  EXPECT_EQ(b.incidents[0].contradictions.size(), 1u);
  EXPECT_FALSE(b.agreements);
}

TEST_F(BriefTest, BackgroundAndOtherPeriodsAreLeftOut) {
  EXPECT_TRUE(Build("2020-11-01", "2020-11-30").incidents.empty());
  EXPECT_EQ(Build("2021-01-01", "2021-12-31").incidents.size(), 1u);
}

// "7 March" of some year of a pack's period: the window meets September
// 2022 but the period cannot claim it.
TEST_F(BriefTest, LooselyDatedIncidentsAreNamedNotCounted) {
  EventReport loose = TestReport("shelling", "2020-01-01");
  loose.date_end = "2024-03-07";
  loose.date_precision = "range";
  loose.places = {TestPlace("Goris", "AM", "Syunik", 39.5, 46.3)};
  ASSERT_TRUE(fixture_.AddReport("e.txt", "", loose));
  Brief b = Build("2022-09-01", "2022-09-30");
  EXPECT_EQ(b.incidents.size(), 2u);
  ASSERT_EQ(b.loosely_dated.size(), 1u);
  EXPECT_EQ(Group(b.by_place, "Goris"), nullptr);
  // A period longer than the window takes it in.
  EXPECT_EQ(Build("2019-01-01", "2024-12-31").loosely_dated.size(), 0u);
  const std::string md = BriefMarkdown(b);
  EXPECT_NE(md.find("too loose for the period"), std::string::npos);
}

TEST_F(BriefTest, BadPeriodIsInvalidInput) {
  auto b =
      BuildBrief(fixture_.store(), *query_, {}, {"2022-10-01", "2022-09-01"});
  EXPECT_EQ(b.status().code(), Status::Code::kInvalidInput);
  b = BuildBrief(fixture_.store(), *query_, {}, {"last week", "2022-09-01"});
  EXPECT_EQ(b.status().code(), Status::Code::kInvalidInput);
}

TEST_F(BriefTest, MarkdownHasEverySectionAndTracesItsLines) {
  auto agreements = LoadAgreements(std::string(CW_SOURCE_DIR) +
                                   "/data/theatres/south-caucasus");
  ASSERT_TRUE(agreements.ok()) << agreements.status().ToString();
  Brief b = Build("2022-09-01", "2022-09-30", *agreements);
  EXPECT_TRUE(b.agreements);
  const std::string md = BriefMarkdown(b);
  for (const char* section :
       {"# Incident brief, 2022-09-01 to 2022-09-30", "## Summary",
        "## Incidents by type", "## Incidents by place", "## Incidents by side",
        "## Casualties", "## Contradictions", "## Provisions", "## Incidents",
        "## Sources"})
    EXPECT_NE(md.find(section), std::string::npos) << section;
  EXPECT_NE(md.find("2 incidents in the period"), std::string::npos) << md;
  EXPECT_NE(md.find("Killed: 3-4"), std::string::npos);
  EXPECT_NE(md.find("| shelling | 1 | 2-3 | - | #1 |"), std::string::npos)
      << md;
  EXPECT_NE(md.find("#1 shelling, 2022-09-13, Sotk"), std::string::npos);
  EXPECT_NE(md.find("article 1 (Wire A)"), std::string::npos);
}

TEST(BriefRenderTest, HtmlEscapesEverythingFromTheStore) {
  Brief b;
  b.since = b.until = "2022-09-13";
  BriefIncident bi;
  bi.facts.incident.id = 5;
  bi.facts.incident.type = "shelling";
  bi.facts.incident.date = "2022-09-13";
  bi.facts.incident.places = {
      TestPlace("<img src=x onerror=alert(1)>", "AM", "A&B", 40, 45)};
  ArticleMeta a;
  a.id = 9;
  a.title = "<script>alert('t')</script>";
  a.outlet = "\"Quoted\" outlet";
  a.url = "javascript:alert(1)";
  bi.facts.articles = {a};
  b.incidents.push_back(bi);
  b.articles = {a};
  b.by_place = {{"<img src=x onerror=alert(1)>", "A&B", {5}, {}, {}}};
  const std::string html = BriefHtml(b);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("A&amp;B"), std::string::npos);
  EXPECT_NE(html.find("&quot;Quoted&quot; outlet"), std::string::npos);
  EXPECT_NE(html.find("<h2>Sources</h2>"), std::string::npos);
  // Markdown keeps the structure too: no raw tag, no link to a script.
  const std::string md = BriefMarkdown(b);
  for (size_t i = md.find('<'); i != std::string::npos; i = md.find('<', i + 1))
    EXPECT_TRUE(i > 0 && md[i - 1] == '\\') << "unescaped '<' at " << i;
  EXPECT_NE(md.find("\\<script\\>"), std::string::npos) << md;
  EXPECT_EQ(md.find("](javascript:"), std::string::npos);
}

TEST(BriefRenderTest, HtmlEscape) {
  EXPECT_EQ(HtmlEscape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
}

}  // namespace
}  // namespace ceasewatch
