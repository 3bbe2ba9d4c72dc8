#include "util/word_table.h"

#include <gtest/gtest.h>

#include <string_view>

namespace ceasewatch {
namespace {

struct Entry {
  std::string_view word;
  int value;
};

constexpr Entry kWords[] = {
    {"two", 2},  {"dozen", 12}, {"a", 1},        {"o'clock", 5},
    {"two", 99}, {"x-ray", 7},  {"twelve", 120}, {"thousands", 1000},
};

TEST(WordTableTest, FindsListedWordsInAnyCaseAndNothingElse) {
  const WordTable<Entry, 64, 8> table(kWords);
  struct Case {
    std::string_view word;
    int want;  // 0: not found
  } const cases[] = {
      {"two", 2},    {"TWO", 2},      {"Two", 2},  // first listing wins
      {"dozen", 12}, {"DoZeN", 12},   {"a", 1},
      {"A", 1},      {"o'clock", 5},  {"O'CLOCK", 5},
      {"x-ray", 7},  {"twelve", 120}, {"thousands", 0},  // > kMaxLen
      {"tw", 0},     {"twos", 0},     {"", 0},
      {"b", 0},      {"dozens", 0},   {"do zen", 0},
      {"two\n", 0},  {"\xC3\xA0", 0}, {"tWelve", 120},
  };
  for (const Case& c : cases) {
    const Entry* e = table.Find(c.word);
    EXPECT_EQ(e == nullptr ? 0 : e->value, c.want) << "[" << c.word << "]";
  }
}

}  // namespace
}  // namespace ceasewatch
