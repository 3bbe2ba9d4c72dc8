#include "numbers/numbers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace ceasewatch {
namespace {

std::string Num(double v) {
  if (std::isinf(v)) return "inf";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// "[matched text] low..high" plus " ~" when approximate, per mention,
// joined by " | "; "none" when there is none.
std::string Dump(const std::string& text) {
  std::string s;
  for (const NumberMention& m : FindNumbers(text)) {
    if (!s.empty()) s += " | ";
    s += "[" + text.substr(m.begin, m.end - m.begin) + "] " + Num(m.low) +
         ".." + Num(m.high);
    if (m.approximate) s += " ~";
  }
  return s.empty() ? "none" : s;
}

struct Case {
  const char* text;
  const char* want;
};

TEST(FindNumbersTest, Digits) {
  const Case cases[] = {
      {"49 soldiers", "[49] 49..49"},
      {"6,500 people", "[6,500] 6500..6500"},
      {"1.5 million", "[1.5 million] 1500000..1500000"},
      {"6.5 thousand", "[6.5 thousand] 6500..6500"},
      {"6.5,000 people died", "[6.5,000] 6500..6500"},
      {"1,5 million", "[1,5 million] 1500000..1500000"},
      {"400,000 people", "[400,000] 400000..400000"},
      {"25-30 thousand people", "[25-30 thousand] 25000..30000"},
      {"10 to 15 civilians", "[10 to 15] 10..15"},
      {"5k troops", "[5k] 5000..5000"},
      {"the 44-day war", "[44] 44..44"},
      {"in 1992-1994", "[1992-1994] 1992..1994"},
  };
  for (const Case& c : cases) EXPECT_EQ(Dump(c.text), c.want) << c.text;
}

TEST(FindNumbersTest, Words) {
  const Case cases[] = {
      {"three people", "[three] 3..3"},
      {"twenty-five soldiers", "[twenty-five] 25..25"},
      {"twenty five soldiers", "[twenty five] 25..25"},
      {"a hundred people", "[a hundred] 100..100"},
      {"two hundred and ten", "[two hundred and ten] 210..210"},
      {"three thousand five hundred",
       "[three thousand five hundred] 3500..3500"},
      {"two dozen", "[two dozen] 24..24"},
      {"a dozen houses", "[a dozen] 12..12"},
      {"one serviceman", "[one] 1..1"},
      {"seven Azerbaijani policemen", "[seven] 7..7"},
      {"two or three", "[two or three] 2..3"},
      {"a million", "[a million] 1000000..1000000"},
  };
  for (const Case& c : cases) EXPECT_EQ(Dump(c.text), c.want) << c.text;
}

TEST(FindNumbersTest, VagueCounts) {
  const Case cases[] = {
      {"Dozens of cars", "[Dozens] 24..99 ~"},
      {"hundreds of people", "[hundreds] 200..999 ~"},
      {"thousands of martyrs", "[thousands] 2000..9999 ~"},
      {"tens of thousands of refugees", "[tens of thousands] 20000..99999 ~"},
      {"hundreds of thousands", "[hundreds of thousands] 200000..999999 ~"},
      {"several soldiers", "[several] 3..9 ~"},
      {"a few days", "[a few] 2..5 ~"},
      {"a couple of", "[a couple] 2..2 ~"},
      {"several hundred", "[several hundred] 300..900 ~"},
      {"a few thousand", "[a few thousand] 2000..5000 ~"},
      {"scores of people", "[scores] 40..99 ~"},
      {"few people came", "none"},
      {"a handful of", "[a handful] 2..5 ~"},
  };
  for (const Case& c : cases) EXPECT_EQ(Dump(c.text), c.want) << c.text;
}

TEST(FindNumbersTest, Hedges) {
  const Case cases[] = {
      {"nearly 50 soldiers", "[nearly 50] 45..50 ~"},
      {"almost 50", "[almost 50] 45..50 ~"},
      {"more than 100", "[more than 100] 101..inf ~"},
      {"over 100", "[over 100] 101..inf ~"},
      {"in excess of 100", "[in excess of 100] 101..inf ~"},
      {"more than 6,500 people", "[more than 6,500] 6501..inf ~"},
      {"at least 7", "[at least 7] 7..inf ~"},
      {"no fewer than 7", "[no fewer than 7] 7..inf ~"},
      {"7 or more", "[7 or more] 7..inf ~"},
      {"50+ wounded", "[50+] 50..inf ~"},
      {"about 200", "[about 200] 180..220 ~"},
      {"around 200", "[around 200] 180..220 ~"},
      {"some 200 people", "[some 200] 180..220 ~"},
      {"an estimated 200", "[an estimated 200] 180..220 ~"},
      {"200 or so", "[200 or so] 180..220 ~"},
      {"up to 30", "[up to 30] 0..30 ~"},
      {"as many as 30", "[as many as 30] 0..30 ~"},
      {"no more than 30", "[no more than 30] 0..30 ~"},
      {"up to 25-30 thousand people", "[up to 25-30 thousand] 25000..30000 ~"},
      {"less than 10", "[less than 10] 0..9 ~"},
      {"fewer than 10", "[fewer than 10] 0..9 ~"},
      {"between 10 and 20", "[between 10 and 20] 10..20"},
      {"more than thousands of", "[more than thousands] 2000..inf ~"},
      {"some of the soldiers", "none"},
      {"over the border", "none"},
  };
  for (const Case& c : cases) EXPECT_EQ(Dump(c.text), c.want) << c.text;
}

TEST(FindNumbersTest, SkipsWhatIsNotACount) {
  const Case cases[] = {
      {"at 12:59 (UTC+04:00)", "none"}, {"on 2022-03-27T19:16:00Z", "none"},
      {"on 27.03.2022", "none"},        {"the 13th of September", "none"},
      {"no one was hurt", "none"},      {"they may march", "none"},
  };
  for (const Case& c : cases) EXPECT_EQ(Dump(c.text), c.want) << c.text;
}

TEST(FindNumbersTest, EveryMentionInOrder) {
  EXPECT_EQ(Dump("Mar 27, 2022: 49 soldiers and about 200 Armenians"),
            "[27] 27..27 | [2022] 2022..2022 | [49] 49..49 | [about 200] "
            "180..220 ~");
}

}  // namespace
}  // namespace ceasewatch
