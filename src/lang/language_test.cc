#include "lang/language.h"

#include <gtest/gtest.h>

#include <string>

namespace ceasewatch {
namespace {

struct LangCase {
  const char* name;
  const char* text;
  const char* hint;
  const char* want;
};

class DetectLanguageTest : public ::testing::TestWithParam<LangCase> {};

TEST_P(DetectLanguageTest, DetectsCode) {
  const LangCase& c = GetParam();
  LanguageGuess g = DetectLanguage(c.text, c.hint);
  EXPECT_EQ(g.code, c.want) << c.name;
  EXPECT_TRUE(g.reliable) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Languages, DetectLanguageTest,
    ::testing::Values(
        LangCase{"english",
                 "The two sides agreed to a ceasefire on Tuesday evening, "
                 "according to officials who spoke to reporters after the "
                 "talks ended. Both governments said the agreement would be "
                 "monitored by international observers along the border.",
                 "", "en"},
        LangCase{"russian",
                 "Стороны договорились о прекращении огня во вторник вечером, "
                 "сообщили представители министерства после завершения "
                 "переговоров. Соглашение будет контролироваться "
                 "международными наблюдателями вдоль границы.",
                 "", "ru"},
        LangCase{"azerbaijani",
                 "Azərbaycan Respublikasının Müdafiə Nazirliyi bildirib ki, "
                 "atəşkəs rejimi gecə saatlarında pozulub. Nazirliyin "
                 "məlumatına görə, sərhəd boyunca yerləşən mövqelərimiz "
                 "müxtəlif çaplı silahlardan atəşə tutulub, itki yoxdur. "
                 "Bölmələrimiz vəziyyətə tam nəzarət edir.",
                 "", "az"},
        LangCase{"armenian",
                 "Հայաստանի Հանրապետության պաշտպանության նախարարությունը "
                 "հայտնում է, որ գիշերը սահմանի երկայնքով հրադադարի ռեժիմը "
                 "խախտվել է։ Կորուստներ չկան, իրավիճակը վերահսկելի է։",
                 "", "hy"},
        LangCase{"english_with_hint",
                 "The ministry said the situation on the front line remained "
                 "calm overnight and that no violations had been recorded by "
                 "the observers stationed in the region.",
                 "en-GB", "en"},
        LangCase{"russian_with_region_hint",
                 "Министерство обороны сообщило, что ночь на линии "
                 "соприкосновения прошла спокойно и нарушений режима "
                 "прекращения огня зафиксировано не было.",
                 "ru_RU", "ru"}),
    [](const ::testing::TestParamInfo<LangCase>& info) {
      return std::string(info.param.name);
    });

TEST(DetectLanguage, EmptyIsUnknown) {
  LanguageGuess g = DetectLanguage("");
  EXPECT_EQ(g.code, "un");
  EXPECT_FALSE(g.reliable);
}

TEST(DetectLanguage, PunctuationOnlyIsUnknown) {
  LanguageGuess g = DetectLanguage("12:30 -- !!! 2020-10-10 ... ///");
  EXPECT_FALSE(g.reliable);
}

TEST(DetectLanguage, LongTextIsCutOnUtf8Boundary) {
  // Two-byte Cyrillic letters: an odd cut point lands mid-sequence.
  std::string text;
  while (text.size() < 30000) {
    text += "Министерство обороны сообщило о нарушении перемирия. ";
  }
  text.insert(0, "x");  // shift so the 10 KB limit falls inside a letter
  LanguageGuess g = DetectLanguage(text);
  EXPECT_EQ(g.code, "ru");
  EXPECT_TRUE(g.reliable);
}

TEST(DetectLanguage, InvalidUtf8TailStillDetects) {
  std::string text =
      "The ceasefire held through the night, officials in the capital "
      "said on Wednesday, adding that talks would resume next week.";
  text += "\xff\xfe\x80 broken";
  LanguageGuess g = DetectLanguage(text);
  EXPECT_EQ(g.code, "en");
}

TEST(DetectLanguage, GarbageHintIsIgnored) {
  LanguageGuess g = DetectLanguage(
      "Стороны договорились о прекращении огня во вторник вечером, сообщили "
      "представители министерства после завершения переговоров.",
      "!?-123");
  EXPECT_EQ(g.code, "ru");
}

}  // namespace
}  // namespace ceasewatch
