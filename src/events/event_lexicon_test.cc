#include "events/event_lexicon.h"

#include <gtest/gtest.h>

namespace ceasewatch {
namespace {

constexpr char kTypes[] =
    "type\tgroup\tacled_event_type\tacled_sub_event_type\tfuture\n"
    "shelling\tviolence\tExplosions/Remote violence\tShelling\t0\n"
    "armed_clash\tviolence\tBattles\tArmed clash\t0\n";

std::vector<std::string> Matched(const EventLexicon& lex,
                                 std::string_view text) {
  std::string buffer;
  std::vector<WordToken> tokens;
  TokenizeWords(text, buffer, tokens);
  std::vector<CueMatch> matches;
  lex.Match(tokens, 0, static_cast<uint32_t>(tokens.size()), matches);
  std::vector<std::string> out;
  for (const CueMatch& m : matches)
    out.push_back(std::string(text.substr(
        tokens[m.first].begin, tokens[m.last].end - tokens[m.first].begin)));
  return out;
}

TEST(EventLexiconTest, MatchesWordsPrefixesGapsAndAlternatives) {
  auto lex = EventLexicon::Parse(
      kTypes,
      "pattern\ttype\tsub\tpriority\n"
      "shell*\tshelling\t\t3\n"
      "opened|open ~2 fire ; exchange of fire\tarmed_clash\t\t2\n",
      "test");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_EQ((*lex)->cues().size(), 3u);
  struct Case {
    const char* text;
    std::vector<std::string> want;
  } cases[] = {
      {"Positions were Shelled overnight", {"Shelled"}},
      {"they opened intense fire", {"opened intense fire"}},
      {"they opened very intense fire", {"opened very intense fire"}},
      {"they opened very very intense fire", {}},  // gap of 2 exceeded
      {"an exchange of fire", {"exchange of fire"}},
      {"a shell-shocked town", {"shell-shocked"}},
      {"nothing here", {}},
  };
  for (const Case& c : cases)
    EXPECT_EQ(Matched(**lex, c.text), c.want) << c.text;
}

TEST(EventLexiconTest, ReadsInstrumentAndExcludesColumns) {
  auto lex = EventLexicon::Parse(
      kTypes,
      "pattern\ttype\tsub\tpriority\tapplies_to\trequires\tinstrument"
      "\texcludes\n"
      "mortar*\tshelling\t\t5\t\tfire*\t1\t\n"
      "group ~3 attacked\tarmed_clash\t\t4\t\t\t\tarmed|soldier*\n",
      "test");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  ASSERT_EQ((*lex)->cues().size(), 2u);
  const EventCue& mortar = (*lex)->cues()[0];
  EXPECT_TRUE(mortar.instrument);
  EXPECT_TRUE(mortar.required.Matches("fired"));
  EXPECT_FALSE(mortar.excluded.Matches("armed"));
  const EventCue& group = (*lex)->cues()[1];
  EXPECT_FALSE(group.instrument);
  EXPECT_TRUE(group.excluded.Matches("armed"));
  EXPECT_TRUE(group.excluded.Matches("soldiers"));
  EXPECT_FALSE(group.excluded.Matches("villagers"));
}

TEST(EventLexiconTest, TokenizerKeepsOffsetsAndCutsPossessives) {
  std::string buffer;
  std::vector<WordToken> tokens;
  std::string text = "Russia\xE2\x80\x99s anti-terror op, Baku's army";
  TokenizeWords(text, buffer, tokens);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].lower, "russia");
  EXPECT_EQ(tokens[1].lower, "anti-terror");
  EXPECT_EQ(tokens[3].lower, "baku");
  EXPECT_EQ(text.substr(tokens[4].begin, tokens[4].end - tokens[4].begin),
            "army");
}

TEST(EventLexiconTest, RejectsBadRowsNamingFileAndLine) {
  struct Case {
    const char* cues;
    const char* want;
  } cases[] = {
      {"P\nfire\tnope\t\t1\n", "cues.tsv:2: unknown type 'nope'"},
      {"P\nfire\tshelling\t\tx\n", "cues.tsv:2: priority"},
      {"P\nfire\tshelling\t\t1.5\n", "cues.tsv:2: priority"},
      {"P\n~2 fire\tshelling\t\t1\n", "cues.tsv:2: a phrase must"},
      {"P\nfire ~0 x\tshelling\t\t1\n", "cues.tsv:2: bad gap"},
      {"P\nfire\tshelling\n", "cues.tsv:2: 2 fields, the header has 4"},
      {"P\tapplies_to\nfire\tshelling\t\t1\tnope\n",
       "unknown type in applies_to"},
      {"P\nfire *\tshelling\t\t1\n", "cues.tsv:2: bare '*'"},
  };
  for (const Case& c : cases) {
    // "P" stands for the four columns every cues.tsv has.
    std::string cues = c.cues;
    cues.replace(0, 1, "pattern\ttype\tsub_event_type\tpriority");
    auto lex = EventLexicon::Parse(kTypes, cues, "pack/events");
    ASSERT_FALSE(lex.ok()) << c.cues;
    EXPECT_NE(lex.status().ToString().find(c.want), std::string::npos)
        << lex.status().ToString();
  }
}

TEST(EventLexiconTest, PackLexiconLoads) {
  auto lex = EventLexicon::Load(std::string(CW_SOURCE_DIR) +
                                "/data/theatres/south-caucasus/events");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_GE((*lex)->types().size(), 16u);
  EXPECT_GE((*lex)->TypeIndex("air_drone_strike"), 0);
  EXPECT_GT((*lex)->cues().size(), 50u);
}

}  // namespace
}  // namespace ceasewatch
