// Runs extraction, cleaning and splitting on the real sample pages in
// ../shared/corpus/seeds and checks them against the hand-made gold in
// ../shared/eval/seeds.gold.json. Skips when ../shared is absent.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "clean/chrome_lexicon.h"
#include "clean/cleaner.h"
#include "clean/line_shape.h"
#include "extract/text_extract.h"
#include "shared_data.h"
#include "split/article_splitter.h"

namespace ceasewatch {
namespace {

using ceasewatch::testing::ReadFile;
using ceasewatch::testing::SharedDir;

class SeedPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = SharedDir();
    if (dir_.empty()) GTEST_SKIP() << "../shared not found";
    gold_ = nlohmann::json::parse(ReadFile(dir_ + "/eval/seeds.gold.json"));
  }
  std::vector<Article> Split(const std::string& file) {
    Page page = ExtractText(ReadFile(dir_ + "/corpus/seeds/" + file));
    cleaner_.Clean(&page, nullptr);
    return SplitArticles(page);
  }
  std::string dir_;
  nlohmann::json gold_;
  ChromeLexicon lexicon_;
  Cleaner cleaner_{lexicon_};
};

TEST_F(SeedPagesTest, SplitsTitlesAndDatesAsTheGoldSays) {
  int titles = 0, titles_all = 0, dated_right = 0, dated_wrong = 0;
  for (const auto& doc : gold_["documents"]) {
    std::vector<Article> got = Split(doc["file"]);
    EXPECT_EQ(got.size(), doc["articles"].size()) << doc["file"];
    for (size_t i = 0; i < doc["articles"].size() && i < got.size(); ++i) {
      const auto& want = doc["articles"][i];
      ++titles_all;
      titles += LineKey(got[i].title) == LineKey(want["title"].get<std::string>());
      if (got[i].published.empty()) continue;
      std::string lo, hi;
      if (want["published"].is_string()) {
        lo = hi = want["published"];
      } else {
        lo = want["published_window"][0];
        hi = want["published_window"][1];
      }
      bool ok = lo <= got[i].published && got[i].published <= hi;
      (ok ? dated_right : dated_wrong)++;
      EXPECT_TRUE(ok) << doc["file"] << " #" << i << " " << got[i].published
                      << " because " << got[i].published_reason;
    }
  }
  EXPECT_GE(titles, titles_all - 1);
  EXPECT_GE(dated_right, 5);
  EXPECT_EQ(dated_wrong, 0);
}

TEST_F(SeedPagesTest, RemovesBoilerplateAndKeepsLongLines) {
  int removed = 0, all = 0;
  for (const auto& doc : gold_["documents"]) {
    std::string text;
    for (const Article& a : Split(doc["file"])) text += a.Text() + "\n";
    std::set<std::string> lines;
    for (size_t b = 0, e; b < text.size(); b = e + 1) {
      e = text.find('\n', b);
      lines.insert(LineKey(text.substr(b, e - b)));
    }
    for (const auto& bp : doc["boilerplate"]) {
      ++all;
      bool gone = !lines.count(LineKey(bp.get<std::string>()));
      removed += gone;
      EXPECT_TRUE(gone) << doc["file"] << ": " << bp;
    }
  }
  EXPECT_GE(removed, all - 2);
}

}  // namespace
}  // namespace ceasewatch
