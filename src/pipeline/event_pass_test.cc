#include "pipeline/event_pass.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store/sqlite_handle.h"
#include "store/store_testing.h"

namespace ceasewatch {
namespace {

namespace fs = std::filesystem;

EventReport Typed(const std::string& type) {
  EventReport r;
  r.type = type;
  return r;
}

class ReextractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("reextract_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "store.db").string();
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    // Five articles, each with two reports of an older extractor.
    for (int i = 0; i < 5; ++i) {
      auto id = AddTestArticle(*store_, {"f" + std::to_string(i) + ".txt",
                                         "Article number " + std::to_string(i),
                                         "2022-09-1" + std::to_string(i),
                                         "Outlet " + std::to_string(i),
                                         {}});
      ASSERT_TRUE(id.ok()) << id.status().ToString();
      ids_.push_back(*id);
      ASSERT_TRUE(store_->Begin().ok());
      ASSERT_TRUE(
          store_->ReplaceEventReports(*id, {Typed("old"), Typed("old")}, "v1")
              .ok());
      ASSERT_TRUE(store_->Commit().ok());
    }
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  // "type@version" of each report of `article`.
  std::vector<std::string> Reports(int64_t article) {
    std::vector<std::string> out;
    auto got = store_->EventReportsOf(article);
    EXPECT_TRUE(got.ok());
    for (const StoredEventReport& r : *got)
      out.push_back(r.report.type + "@" + r.extractor_version);
    return out;
  }

  fs::path dir_;
  std::string db_;
  std::unique_ptr<Store> store_;
  std::vector<int64_t> ids_;
};

TEST_F(ReextractTest, ReplacesEveryArticlesReportsInBatches) {
  std::vector<int64_t> seen;
  ArticleEventsFn events = [&](const StoredArticle& a) {
    seen.push_back(a.id);
    // The article as stored: text, day and outlet.
    const size_t i = seen.size() - 1;
    EXPECT_EQ(a.text, "Article number " + std::to_string(i));
    EXPECT_EQ(a.published, "2022-09-1" + std::to_string(i));
    EXPECT_EQ(a.outlet, "Outlet " + std::to_string(i));
    // Article 2 now has no events at all.
    if (i == 2) return std::vector<EventReport>{};
    return std::vector<EventReport>{Typed("new" + std::to_string(i))};
  };
  ReextractStats stats;
  int progress_calls = 0;
  Status st = ReextractEvents(*store_, events, "v2",
                              ReextractOptions{.batch_articles = 2}, &stats,
                              [&](const ReextractStats&) { ++progress_calls; });
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(seen, ids_);
  EXPECT_EQ(stats.articles, 5);
  EXPECT_EQ(stats.reports, 4);
  EXPECT_EQ(stats.batches, 3);
  EXPECT_EQ(progress_calls, 3);
  EXPECT_EQ(Reports(ids_[0]), std::vector<std::string>{"new0@v2"});
  EXPECT_TRUE(Reports(ids_[2]).empty());
  EXPECT_EQ(Reports(ids_[4]), std::vector<std::string>{"new4@v2"});
  EXPECT_EQ(*store_->CountEventReports(), 4);
}

TEST_F(ReextractTest, RunningTwiceGivesTheSameReports) {
  ArticleEventsFn events = [](const StoredArticle& a) {
    return std::vector<EventReport>{Typed("t" + std::to_string(a.id)),
                                    Typed("u")};
  };
  for (int run = 0; run < 2; ++run) {
    ReextractStats stats;
    ASSERT_TRUE(ReextractEvents(*store_, events, "v2", {}, &stats).ok());
    EXPECT_EQ(stats.batches, 1);
    EXPECT_EQ(*store_->CountEventReports(), 10);
  }
  EXPECT_EQ(Reports(ids_[1]),
            (std::vector<std::string>{"t" + std::to_string(ids_[1]) + "@v2",
                                      "u@v2"}));
}

TEST_F(ReextractTest, AFailureKeepsEarlierBatchesAndLeavesTheRest) {
  // The store refuses reports of the third article: the second batch
  // (articles 3 and 4) fails.
  auto db = Database::Open(db_, false);
  ASSERT_TRUE((*db)
                  ->Exec("CREATE TRIGGER refuse BEFORE INSERT ON events "
                         "WHEN NEW.article_id = " +
                         std::to_string(ids_[2]) +
                         " BEGIN SELECT RAISE(ABORT, 'refused'); END")
                  .ok());
  db->reset();
  ArticleEventsFn events = [](const StoredArticle&) {
    return std::vector<EventReport>{Typed("new")};
  };
  ReextractStats stats;
  Status st = ReextractEvents(*store_, events, "v2",
                              ReextractOptions{.batch_articles = 2}, &stats);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("refused"), std::string::npos);
  EXPECT_EQ(stats.articles, 2);
  EXPECT_EQ(stats.batches, 1);
  EXPECT_EQ(Reports(ids_[0]), std::vector<std::string>{"new@v2"});
  EXPECT_EQ(Reports(ids_[1]), std::vector<std::string>{"new@v2"});
  for (size_t i = 2; i < 5; ++i)
    EXPECT_EQ(Reports(ids_[i]), (std::vector<std::string>{"old@v1", "old@v1"}))
        << i;
  // The store is usable afterwards: no transaction was left open.
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(store_->Commit().ok());
}

TEST_F(ReextractTest, AnEmptyStoreIsFine) {
  store_.reset();
  fs::remove(db_);
  auto store = Store::Open(db_);
  ASSERT_TRUE(store.ok());
  ReextractStats stats;
  int calls = 0;
  ASSERT_TRUE(ReextractEvents(
                  **store,
                  [&](const StoredArticle&) {
                    ++calls;
                    return std::vector<EventReport>{};
                  },
                  "v2", {}, &stats)
                  .ok());
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(stats.articles, 0);
}

}  // namespace
}  // namespace ceasewatch
