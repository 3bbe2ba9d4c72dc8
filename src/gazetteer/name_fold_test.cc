#include "gazetteer/name_fold.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace ceasewatch {
namespace {

struct Case {
  const char* in;
  const char* want;
};

TEST(FoldNameTest, FoldsCaseDiacriticsAndPunctuation) {
  const Case cases[] = {
      {"Xankəndi", "xankandi"},
      {"XANKƏNDİ", "xankandi"},
      {"Xankändi", "xankandi"},
      {"Şuşa", "susa"},
      {"Ağdərə", "agdara"},
      {"Qarabağ", "qarabag"},
      {"Laçın", "lacin"},
      {"Pǝlǝkli", "palakli"},  // U+01DD, as some sources write ə
      {"Kar’yagino", "karyagino"},
      {"Myul'kyulyu", "myulkyulyu"},
      {"Havk’akhaghats’", "havkakhaghats"},
      {"Nagorno-Karabakh", "nagorno karabakh"},
      {"Armenia–Azerbaijan border", "armenia azerbaijan border"},
      {"  Lake   Sevan\t\n", "lake sevan"},
      {"Stepanakert (Khankendi)", "stepanakert khankendi"},
      {"Степанакерт", "степанакерт"},
      {"ЛАЧИН", "лачин"},
      {"Ёлки", "елки"},
      {"Ստեփանակերտ", "ստեփանակերտ"},
      {"ԱՐՑԱԽ", "արցախ"},
      {"Straße", "strasse"},
      {"Łódź", "lodz"},
      {"Ørsted", "orsted"},
      {"Müller & Söhne", "muller sohne"},
      {"Cafe\xCC\x81", "cafe"},  // e + combining acute
      {"soft\xC2\xAD"
       "hyphen",
       "softhyphen"},  // soft hyphen
      {"zero\xE2\x80\x8B"
       "width",
       "zerowidth"},
      {"Farux/Fərrux", "farux farrux"},
      {"a\xFF"
       "b",
       "a b"},  // an invalid byte is a break
      {"\xE2\x80\x9CShusha\xE2\x80\x9D", "shusha"},
      {"", ""},
      {"...", ""},
      {"Nakhchivan 2020", "nakhchivan 2020"},
  };
  for (const Case& c : cases) EXPECT_EQ(FoldName(c.in), c.want) << c.in;
}

// Folding a folded name changes nothing, whatever the character (fuzzing
// found ŉ -> ʼn, whose apostrophe the second fold removed).
TEST(FoldNameTest, IsIdempotentForEveryCodePoint) {
  int bad = 0;
  for (uint32_t cp = 1; cp < 0x110000; ++cp) {
    if (cp >= 0xD800 && cp < 0xE000) continue;
    std::string s = "a";
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    s += "b";
    const std::string f = FoldName(s);
    if (FoldName(f) != f && ++bad <= 5) {
      ADD_FAILURE() << "U+" << std::hex << cp << ": " << f << " -> "
                    << FoldName(f);
    }
  }
  EXPECT_EQ(bad, 0);
  EXPECT_EQ(FoldName("\xC5\x89"), "n");  // ŉ
}

TEST(FoldWithOffsetsTest, MapsEveryFoldedByteBack) {
  const std::string text = "Ağ-dam, Şuşa";
  FoldedText f = FoldWithOffsets(text);
  EXPECT_EQ(f.text, "ag dam susa");
  ASSERT_EQ(f.offsets.size(), f.text.size() + 1);
  EXPECT_EQ(f.offsets[0], 0u);  // A
  EXPECT_EQ(f.offsets[1], 1u);  // ğ (2 bytes)
  EXPECT_EQ(f.offsets[2], 3u);  // '-'
  EXPECT_EQ(f.offsets[3], 4u);  // d
  EXPECT_EQ(f.offsets[7], 9u);  // Ş
  EXPECT_EQ(f.offsets.back(), text.size());
  // "susa" is folded bytes [7, 11): the original "Şuşa" is [9, 15).
  EXPECT_EQ(f.OriginalEnd(text, 11), text.size());
  EXPECT_EQ(text.substr(f.offsets[7], f.OriginalEnd(text, 11) - f.offsets[7]),
            "Şuşa");
}

TEST(FoldForMatchingTest, PadsSplitsApostrophesAndMarksHardBreaks) {
  const Case cases[] = {
      {"Lachin’s corridor. Then", " lachin s corridor | then "},
      {"Goris, Sotk and Jermuk", " goris | sotk and jermuk "},
      {"St. Petersburg", " st petersburg "},
      {"6.5, U.S. troops", " 6 5 | u s troops "},
      {"korrespondent.net", " korrespondent net "},
      {"Line one\n\nLine two", " line one | line two "},
      {"Line one\nLine two", " line one line two "},
      {"(Shusha)", " | shusha | "},
      {"Shusha...", " shusha | "},
      {"", " "},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FoldForMatching(c.in).text, c.want) << c.in;
  }
}

TEST(FoldForMatchingTest, OffsetsStayInsideTheOriginal) {
  const std::string text = "Şuşa’ya. «Ստեփանակերտ» \xF0\x9F\x98\x80 end";
  FoldedText f = FoldForMatching(text);
  ASSERT_EQ(f.offsets.size(), f.text.size() + 1);
  for (size_t i = 0; i < f.text.size(); ++i) {
    EXPECT_LE(f.offsets[i], text.size());
    if (i > 0) {
      EXPECT_LE(f.offsets[i - 1], f.offsets[i]);
    }
  }
}

TEST(CaseHelpersTest, LowerAndUpper) {
  EXPECT_TRUE(IsLowercaseAt("lachin", 0));
  EXPECT_FALSE(IsLowercaseAt("Lachin", 0));
  EXPECT_FALSE(IsLowercaseAt("Лачин", 0));
  EXPECT_TRUE(IsLowercaseAt("лачин", 0));
  EXPECT_FALSE(IsLowercaseAt("2020", 0));
  EXPECT_TRUE(HasLowercase("UN said"));
  EXPECT_FALSE(HasLowercase("OSCE"));
  EXPECT_EQ(Utf8Length("Şuşa"), 4u);
  EXPECT_EQ(Utf8CharLength("Şuşa", 0), 2u);
  EXPECT_EQ(Utf8CharLength("\xE2\x80", 0), 1u);  // truncated: one byte
}

// The 16-byte fast path must fold exactly as the byte-by-byte loop does:
// random texts of words, single and double spaces, periods, newlines and
// non-ASCII letters, at every alignment.
TEST(FoldForMatchingTest, FastPathMatchesByteByByte) {
  const char* const pieces[] = {"a",    "Ab", "word", "Lachin", "2020",
                                " ",    "  ", ".",    ". ",     "\n",
                                "\n\n", "-",  "'s",   "Şuşa",   "Ağdam",
                                "x1",   "Q",  "\t",   ",",      "\xC2\xA0"};
  std::mt19937 rng(7);
  for (int trial = 0; trial < 2000; ++trial) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) text += pieces[rng() % std::size(pieces)];
    const FoldedText fast = FoldForMatching(text);
    const FoldedText slow = name_fold_internal::FoldForMatchingByteByByte(text);
    ASSERT_EQ(fast.text, slow.text) << "input: " << text;
    ASSERT_EQ(fast.offsets, slow.offsets) << "input: " << text;
  }
}

}  // namespace
}  // namespace ceasewatch
