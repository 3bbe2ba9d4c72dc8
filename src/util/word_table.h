// WordTable: a small, immutable, case-insensitive lookup table for the
// fixed word lists of the text scanners (date words, number words ...).
//
// Lookups are O(1) in the word's length and copy nothing. Most words of a
// text are in no list, so a bit mask over the entries' (length, first
// letter, second letter) rejects most of them before any hashing.
//
//   static constexpr Entry kWords[] = {{"two", ...}, {"dozen", ...}};
//   static const auto* table = new WordTable<Entry, 512, 16>(kWords);
//   const Entry* e = table->Find("Dozen");
//
// Entry must have a `std::string_view word` member. Words are matched
// ASCII-case-insensitively; a word listed twice is found as its first
// listing. Thread-safe after construction.
#ifndef CEASEWATCH_UTIL_WORD_TABLE_H_
#define CEASEWATCH_UTIL_WORD_TABLE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace ceasewatch {

// kSlots: a power of two, comfortably more than the number of entries.
// kMaxLen: the longest word that can be found; longer ones never are.
template <typename Entry, size_t kSlots, size_t kMaxLen>
class WordTable {
  static_assert((kSlots & (kSlots - 1)) == 0, "kSlots is a power of two");

 public:
  explicit WordTable(std::span<const Entry> entries) : entries_(entries) {
    slots_.fill(-1);
    for (size_t k = 0; k < entries_.size(); ++k) {
      const std::string_view word = entries_[k].word;
      size_t h = Hash(word) & kMask;
      while (slots_[h] >= 0 && !Same(entries_[slots_[h]].word, word))
        h = (h + 1) & kMask;
      if (slots_[h] < 0) slots_[h] = static_cast<int16_t>(k);
      if (word.empty() || word.size() > kMaxLen) continue;
      first_[word.size() * 27 + LetterBit(word[0])] |=
          uint32_t{1} << LetterBit(word.size() > 1 ? word[1] : '\0');
    }
  }

  // The entry for `word` in any ASCII case, or nullptr.
  const Entry* Find(std::string_view word) const {
    if (word.empty() || word.size() > kMaxLen) return nullptr;
    if (!(first_[word.size() * 27 + LetterBit(word[0])] >>
              LetterBit(word.size() > 1 ? word[1] : '\0') &
          1))
      return nullptr;
    for (size_t h = Hash(word) & kMask; slots_[h] >= 0; h = (h + 1) & kMask) {
      const Entry& e = entries_[slots_[h]];
      if (Same(e.word, word)) return &e;
    }
    return nullptr;
  }

 private:
  static constexpr size_t kMask = kSlots - 1;

  static char Lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  // 0..25 for a letter a..z in either case, 26 for any other byte. By
  // table: it is computed twice for every word of a text.
  static constexpr std::array<uint8_t, 256> kLetterBits = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
      t[c] = (c >= 'a' && c <= 'z')   ? static_cast<uint8_t>(c - 'a')
             : (c >= 'A' && c <= 'Z') ? static_cast<uint8_t>(c - 'A')
                                      : 26;
    }
    return t;
  }();
  static int LetterBit(char c) {
    return kLetterBits[static_cast<unsigned char>(c)];
  }
  static bool Same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (Lower(a[i]) != Lower(b[i])) return false;
    return true;
  }
  // O(1) in the word's length: its length and first, second and last two
  // letters, mixed by one multiply. Good enough for a few hundred words.
  static size_t Hash(std::string_view w) {
    const size_t n = w.size();
    if (n == 0) return 0;
    auto c = [&](size_t k) {
      return static_cast<uint32_t>(static_cast<unsigned char>(Lower(w[k])));
    };
    uint32_t x = static_cast<uint32_t>(n) | c(0) << 8 | c(n > 1 ? 1 : 0) << 16 |
                 c(n - 1) << 24;
    x ^= c(n > 2 ? n - 2 : 0) * 0x45d9f3bu;
    return (x * 0x9E3779B1u) >> 20;
  }

  std::span<const Entry> entries_;
  std::array<int16_t, kSlots> slots_;
  // Indexed by length * 27 + LetterBit(first letter): a bit per
  // LetterBit(second letter) of the entries.
  std::array<uint32_t, (kMaxLen + 1) * 27> first_{};
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_UTIL_WORD_TABLE_H_
