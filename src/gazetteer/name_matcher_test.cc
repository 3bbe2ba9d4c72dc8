#include "gazetteer/name_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "gazetteer/gazetteer_testing.h"

namespace ceasewatch {
namespace {

class NameMatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<TheatrePack>> p =
        LoadTheatrePack(testing::MiniPackDir());
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pack_ = std::move(*p).release();
    MatcherOptions options;
    options.cache_dir = "-";
    Result<std::unique_ptr<NameMatcher>> m =
        NameMatcher::Build(*pack_, options);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    matcher_ = std::move(*m).release();
  }
  static void TearDownTestSuite() {
    delete matcher_;
    delete pack_;
  }

  // "text-of-match=id,id" for each match, joined by " / ".
  static std::string Dump(const std::string& text,
                          MatchFilter filter = MatchFilter::kAll) {
    std::string out;
    for (const NameMatch& m : matcher_->Find(text, filter)) {
      if (!out.empty()) out += " / ";
      out += text.substr(m.begin, m.end - m.begin) + "=";
      std::vector<std::string> ids;
      for (uint32_t p : m.places) ids.push_back(pack_->places[p].id);
      for (uint32_t a : m.actors) ids.push_back(pack_->actors[a].id);
      std::sort(ids.begin(), ids.end());
      for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + ids[i];
    }
    return out.empty() ? "none" : out;
  }

  static TheatrePack* pack_;
  static NameMatcher* matcher_;
};

TheatrePack* NameMatcherTest::pack_ = nullptr;
NameMatcher* NameMatcherTest::matcher_ = nullptr;

struct Case {
  const char* text;
  const char* want;
};

TEST_F(NameMatcherTest, MatchesOnWordBoundariesLeftmostLongest) {
  const Case cases[] = {
      // Longest wins; word boundaries.
      {"in Nagorno-Karabakh today", "Nagorno-Karabakh=cw:nagorno-karabakh"},
      {"in Nagorno Karabakh", "Nagorno Karabakh=cw:nagorno-karabakh"},
      {"the Lachin corridor", "Lachin corridor=cw:lachin-corridor"},
      {"Lachin’s governor",
       "Lachin=cw:lachin,cw:lachin-district,wof:1293456889"},
      {"Lachinski", "none"},
      {"Berdzor", "Berdzor=cw:lachin"},
      {"Shusha.Karabakh", "Shusha=wof:421174129 / Karabakh=cw:karabakh"},
      // A hard break stops a name of two words.
      {"by the Lake. Sevan is", "Sevan=wof:421173899"},
      {"on Lake Sevan", "Lake Sevan=cw:lake-sevan"},
      // Spellings: Azerbaijani Latin, its English transliteration, ə as e.
      {"Suqovuşan", "Suqovuşan=cw:sugovushan,wof:1225926087"},
      {"Sugovushan", "Sugovushan=cw:sugovushan,wof:1225926087"},
      {"Xocalı and Khojaly",
       "Xocalı=cw:khojaly,cw:khojaly-district / "
       "Khojaly=cw:khojaly,cw:khojaly-district"},
      {"Xankendi", "Xankendi=wof:421192439,wof:421193975"},
      {"Farux", "Farux=cw:farrukh"},
      {"Farukh", "Farukh=cw:farrukh"},
      {"Basarkechar", "Basarkechar=wof:421199215"},
      // Cyrillic and Armenian.
      {"обстрел Степанакерт", "Степанакерт=wof:421193975"},
      {"ЛАЧИН", "ЛАЧИН=cw:lachin,wof:1293456889"},
      {"Ստեփանակերտ քաղաք", "Ստեփանակերտ=wof:421193975"},
      // Places need a capital; stop names and demonyms are never places.
      {"on top of the hill", "none"},
      {"Top officials", "none"},
      {"the West Bank", "none"},
      {"Azerbaijani positions", "none"},
      {"in lachin", "none"},
      // Acronyms must be in capitals.
      {"the UN said", "UN=un"},
      {"un village", "none"},
      {"the OSCE Minsk Group", "OSCE Minsk Group=osce-minsk-group"},
      // Names naming both a place and an actor.
      {"Baku said", "Baku=az-government,wof:421174967"},
  };
  for (const Case& c : cases) EXPECT_EQ(Dump(c.text), c.want) << c.text;
}

TEST_F(NameMatcherTest, FiltersByKind) {
  EXPECT_EQ(Dump("Baku said", MatchFilter::kPlaces),
            "Baku=az-government,wof:421174967");
  EXPECT_EQ(Dump("baku said", MatchFilter::kPlaces), "none");
  EXPECT_EQ(Dump("official baku said", MatchFilter::kActors),
            "official baku=az-government");
  // For places only, the actor wording does not hide the place.
  EXPECT_EQ(Dump("the Nagorno-Karabakh army", MatchFilter::kPlaces),
            "Nagorno-Karabakh=cw:nagorno-karabakh");
  EXPECT_EQ(Dump("the Nagorno-Karabakh army", MatchFilter::kActors),
            "Nagorno-Karabakh army=nk-forces");
}

// Select into a reused buffer replaces its contents with exactly what the
// returning Select gives.
TEST_F(NameMatcherTest, SelectIntoABufferReplacesIt) {
  const char* const texts[] = {"Baku said", "official baku said",
                               "the Nagorno-Karabakh army near Lachin", ""};
  std::vector<NameMatch> buffer;
  for (const char* text : texts) {
    FoldedText folded;
    std::vector<NameMatch> all;
    matcher_->FindAll(text, &folded, &all);
    for (MatchFilter f :
         {MatchFilter::kAll, MatchFilter::kPlaces, MatchFilter::kActors}) {
      const std::vector<NameMatch> want = matcher_->Select(all, f);
      matcher_->Select(all, f, &buffer);  // holds the last one's matches
      ASSERT_EQ(buffer.size(), want.size()) << text;
      for (size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(buffer[i].begin, want[i].begin) << text;
        EXPECT_EQ(buffer[i].end, want[i].end) << text;
        EXPECT_EQ(buffer[i].name_id, want[i].name_id) << text;
      }
    }
  }
}

TEST_F(NameMatcherTest, OffsetsPointIntoTheOriginal) {
  const std::string text = "Şuşa’ya  «Xankəndi»";
  std::vector<NameMatch> ms = matcher_->Find(text);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(text.substr(ms[0].begin, ms[0].end - ms[0].begin), "Şuşa");
  EXPECT_EQ(text.substr(ms[1].begin, ms[1].end - ms[1].begin), "Xankəndi");
  EXPECT_EQ(matcher_->name(ms[1].name_id), "xankandi");
}

TEST_F(NameMatcherTest, VariantsOfOneName) {
  EXPECT_EQ(NameVariants("Xankəndi", true, true),
            (std::vector<std::string>{"xankandi", "xankendi", "khankandi",
                                      "khankendi"}));
  EXPECT_EQ(NameVariants("Laçın", true, true),
            (std::vector<std::string>{"lacin", "lachin", "lachyn"}));
  EXPECT_EQ(NameVariants("Kar’yagino", false, false),
            (std::vector<std::string>{"karyagino", "kar yagino"}));
  EXPECT_EQ(NameVariants("Qazax", true, true),
            (std::vector<std::string>{"qazax", "gazakh"}));
  EXPECT_EQ(NameVariants("Qazax", true, false),
            (std::vector<std::string>{"qazax"}));
}

TEST_F(NameMatcherTest, ScratchPerThreadGivesTheSameAnswers) {
  const std::string text =
      "Shelling near Goris, Sotk and Jermuk; Martuni on Lake Sevan; "
      "the Azeri defense ministry said. Xankəndi, Степанакерт.";
  const std::vector<NameMatch> want = matcher_->Find(text);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      MatchScratch scratch;
      int good = 0;
      for (int i = 0; i < 200; ++i) {
        const std::vector<NameMatch> got = matcher_->Find(text, scratch);
        bool same = got.size() == want.size();
        for (size_t k = 0; same && k < got.size(); ++k) {
          same = got[k].begin == want[k].begin && got[k].end == want[k].end &&
                 got[k].name_id == want[k].name_id;
        }
        good += same;
      }
      ok[t] = good;
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(ok[t], 200);
}

TEST_F(NameMatcherTest, CachedDatabaseMatchesTheCompiledOne) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "cw-matcher-cache-test";
  std::filesystem::remove_all(dir);
  MatcherOptions options;
  options.cache_dir = dir.string();
  Result<std::unique_ptr<NameMatcher>> first =
      NameMatcher::Build(*pack_, options);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE((*first)->stats().from_cache);
  EXPECT_FALSE((*first)->stats().cache_path.empty());
  Result<std::unique_ptr<NameMatcher>> second =
      NameMatcher::Build(*pack_, options);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE((*second)->stats().from_cache);
  const std::string text = "Martuni on Lake Sevan, near Farukh (Parukh).";
  const std::vector<NameMatch> a = (*first)->Find(text);
  const std::vector<NameMatch> b = (*second)->Find(text);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].begin, b[i].begin);
    EXPECT_EQ(a[i].name_id, b[i].name_id);
  }
  // A corrupt cache file is ignored and rewritten.
  std::ofstream((*second)->stats().cache_path, std::ios::binary) << "junk";
  Result<std::unique_ptr<NameMatcher>> third =
      NameMatcher::Build(*pack_, options);
  ASSERT_TRUE(third.ok());
  EXPECT_FALSE((*third)->stats().from_cache);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ceasewatch
