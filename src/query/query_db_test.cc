#include "query/query_db.h"

#include <gtest/gtest.h>

#include "query/incident_facts.h"
#include "query/query_testing.h"

namespace ceasewatch {
namespace {

class QueryDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fixture_.Fill());
    auto q = QueryDb::Open(fixture_.db());
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    query_ = std::move(*q);
  }
  std::vector<int64_t> Ids(
      std::initializer_list<std::pair<const char*, const char*>> params) {
    IncidentFilter f;
    for (const auto& [name, value] : params) {
      Status st = SetFilterParam(name, value, {}, &f);
      EXPECT_TRUE(st.ok()) << st.ToString();
    }
    auto page = query_->FindIncidents(f);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? page->ids : std::vector<int64_t>{};
  }

  IncidentStoreTest fixture_{
      ::testing::UnitTest::GetInstance()->current_test_info()->name()};
  std::unique_ptr<QueryDb> query_;
};

using V = std::vector<int64_t>;

TEST_F(QueryDbTest, NoFilterSelectsEveryIncident) {
  EXPECT_EQ(Ids({}), (V{1, 2, 3, 4}));
}

TEST_F(QueryDbTest, PeriodMeetsTheWindow) {
  EXPECT_EQ(Ids({{"since", "2022-09-01"}}), (V{1, 2}));
  EXPECT_EQ(Ids({{"since", "2022-09-13"}, {"until", "2022-09-13"}}), (V{1}));
  EXPECT_EQ(Ids({{"until", "2021-12-31"}}), (V{3, 4}));
  EXPECT_EQ(Ids({{"since", "2023-01-01"}}), V{});
}

TEST_F(QueryDbTest, TypeSidePlaceAndBox) {
  EXPECT_EQ(Ids({{"type", "shelling,armed_clash"}}), (V{1, 2}));
  EXPECT_EQ(Ids({{"type", "riot"}}), V{});
  EXPECT_EQ(Ids({{"side", "NK"}}), (V{2}));
  EXPECT_EQ(Ids({{"side", "AZ"}}), (V{1, 2}));
  EXPECT_EQ(Ids({{"place", "sotk"}}), (V{1}));         // any case
  EXPECT_EQ(Ids({{"place", "Gegharkunik"}}), (V{1}));  // admin1
  EXPECT_EQ(Ids({{"place", "AM"}}), (V{1, 3}));        // country
  EXPECT_EQ(Ids({{"place", "So%"}}), V{});             // no wildcards
  EXPECT_EQ(Ids({{"bbox", "45,40,46,41"}}), (V{1}));
  EXPECT_EQ(Ids({{"bbox", "44,39,47,41"}}), (V{1, 2, 3}));
  EXPECT_EQ(Ids({{"side", "AZ"}, {"place", "Lachin corridor"}}), (V{2}));
}

TEST_F(QueryDbTest, PagingKeepsTheTotal) {
  IncidentFilter f;
  f.limit = 2;
  f.offset = 1;
  auto page = query_->FindIncidents(f);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 4);
  EXPECT_EQ(page->ids, (V{2, 3}));
}

TEST_F(QueryDbTest, BackgroundCanBeLeftOut) {
  IncidentFilter f;
  f.exclude_background = true;
  auto page = query_->FindIncidents(f);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->ids, (V{1, 2, 3}));
}

TEST_F(QueryDbTest, ArticlesPageAndOne) {
  auto page = query_->ListArticles(2, 1);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 4);
  ASSERT_EQ(page->articles.size(), 2u);
  EXPECT_EQ(page->articles[0].id, 2);
  EXPECT_EQ(page->articles[0].outlet, "Paper, B");
  EXPECT_TRUE(page->articles[0].text.empty());
  auto one = query_->ReadArticle(1);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->text, "Text of a.txt with enough words.");
  EXPECT_EQ(query_->ReadArticle(99).status().code(), Status::Code::kNotFound);
}

TEST_F(QueryDbTest, SearchFindsWordsAndIgnoresSyntax) {
  auto hits = query_->SearchArticles("b.txt", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ((*hits)[0].article.id, 2);
  EXPECT_NE((*hits)[0].snippet.find('['), std::string::npos);
  // FTS5 operators and quotes are words or nothing, never an error.
  EXPECT_TRUE(query_->SearchArticles("\"NEAR( a OR * ^", 10).ok());
  EXPECT_EQ(query_->SearchArticles("!!", 10).status().code(),
            Status::Code::kInvalidInput);
}

TEST_F(QueryDbTest, FtsQueryQuotesEachWord) {
  EXPECT_EQ(FtsQueryOf("Sotk shelling"), "\"Sotk\" \"shelling\"");
  EXPECT_EQ(FtsQueryOf("a\"b OR c*"), "\"a\" \"b\" \"OR\" \"c\"");
  EXPECT_EQ(FtsQueryOf("  "), "");
}

TEST_F(QueryDbTest, FacetsCountTypesAndSides) {
  auto f = query_->ReadFacets();
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->incidents, 4);
  EXPECT_EQ(f->types.size(), 4u);
  ASSERT_FALSE(f->sides.empty());
  EXPECT_EQ(f->sides[0].value, "AZ");
  EXPECT_EQ(f->sides[0].count, 2);
  EXPECT_EQ(f->first_day, "2020-11-10");
  EXPECT_EQ(f->last_day, "2022-09-20");
}

TEST_F(QueryDbTest, FactsHoldMembersArticlesAndActors) {
  auto facts = ReadIncidentFacts(fixture_.store(), *query_, 1);
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  EXPECT_EQ(facts->members.size(), 1u);
  ASSERT_EQ(facts->articles.size(), 1u);
  EXPECT_EQ(facts->articles[0].outlet, "Wire A");
  EXPECT_EQ(facts->actors.size(), 2u);
  EXPECT_EQ(ReadIncidentFacts(fixture_.store(), *query_, 99).status().code(),
            Status::Code::kNotFound);
}

TEST(QueryDbOpenTest, NotAStoreIsAnError) {
  EXPECT_FALSE(QueryDb::Open("/nonexistent/dir/store.db").ok());
}

}  // namespace
}  // namespace ceasewatch
