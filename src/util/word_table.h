// WordTable: a small, immutable, case-insensitive lookup table for the
// fixed word lists of the text scanners (date words, number words ...).
//
// Lookups are O(1) in the word's length: a word is read, lowercased,
// hashed and compared as two machine words. Most words of a text are in no
// list, so a bit mask over the entries' (length, first letter, second
// letter) rejects most of them before any hashing.
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
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

namespace ceasewatch {

// kSlots: a power of two, comfortably more than the number of entries.
// kMaxLen: the longest word that can be found; longer ones never are. At
// most 16: a word is hashed and compared as two machine words.
template <typename Entry, size_t kSlots, size_t kMaxLen>
class WordTable {
  static_assert((kSlots & (kSlots - 1)) == 0, "kSlots is a power of two");
  static_assert(kMaxLen >= 1 && kMaxLen <= 16, "kMaxLen is 1..16");
  static_assert(std::endian::native == std::endian::little,
                "KeyOf assembles words little-endian");

 public:
  explicit WordTable(std::span<const Entry> entries) : entries_(entries) {
    slots_.fill(-1);
    keys_.resize(entries_.size());
    for (size_t k = 0; k < entries_.size(); ++k) {
      const std::string_view word = entries_[k].word;
      if (word.empty() || word.size() > kMaxLen) continue;  // never found
      keys_[k] = KeyOf(word);
      size_t h = Hash(keys_[k]) & kMask;
      while (slots_[h] >= 0 && !(keys_[slots_[h]] == keys_[k]))
        h = (h + 1) & kMask;
      if (slots_[h] < 0) slots_[h] = static_cast<int16_t>(k);
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
    const Key key = KeyOf(word);
    for (size_t h = Hash(key) & kMask; slots_[h] >= 0; h = (h + 1) & kMask) {
      if (keys_[slots_[h]] == key) return &entries_[slots_[h]];
    }
    return nullptr;
  }

 private:
  static constexpr size_t kMask = kSlots - 1;

  // A word of 1..16 bytes, ASCII-lowercased and zero-padded, and its
  // length: two words are equal ignoring ASCII case iff their keys are.
  struct Key {
    uint64_t lo = 0, hi = 0;
    uint64_t len = 0;
    bool operator==(const Key& o) const {
      return lo == o.lo && hi == o.hi && len == o.len;
    }
  };

  static uint64_t Load64(const char* p) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    return x;
  }
  static uint64_t Load32(const char* p) {
    uint32_t x;
    std::memcpy(&x, p, 4);
    return x;
  }
  // Bytes A-Z of `x` to a-z, every other byte unchanged.
  static uint64_t LowerBytes(uint64_t x) {
    constexpr uint64_t kOnes = 0x0101010101010101u;
    constexpr uint64_t kHigh = 0x8080808080808080u;
    const uint64_t low7 = x & ~kHigh;  // no carry between bytes below
    const uint64_t ge_a = low7 + (0x80 - 'A') * kOnes;
    const uint64_t gt_z = low7 + (0x80 - 'Z' - 1) * kOnes;
    const uint64_t upper = ge_a & ~gt_z & ~x & kHigh;
    return x | upper >> 2;  // 0x80 >> 2 == 0x20
  }
  // Reads only the word's own bytes (overlapping loads), little-endian:
  // byte k of the word is byte k of lo (k < 8) or of hi.
  static Key KeyOf(std::string_view w) {
    const char* p = w.data();
    const size_t n = w.size();
    Key k;
    k.len = n;
    if (n >= 8) {
      k.lo = Load64(p);
      if (n > 8) k.hi = Load64(p + n - 8) >> (8 * (16 - n));
    } else if (n >= 4) {
      k.lo = Load32(p) | Load32(p + n - 4) << (8 * (n - 4));
    } else {
      auto byte = [&](size_t i) {
        return uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
      };
      k.lo = byte(0) | byte(n / 2) | byte(n - 1);
    }
    k.lo = LowerBytes(k.lo);
    k.hi = LowerBytes(k.hi);
    return k;
  }
  static size_t Hash(const Key& k) {
    uint64_t h = k.lo * 0x9E3779B97F4A7C15u ^ k.hi * 0xC2B2AE3D27D4EB4Fu ^ k.len;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9u;
    return static_cast<size_t>(h >> 32);
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

  std::span<const Entry> entries_;
  std::vector<Key> keys_;  // by entry
  std::array<int16_t, kSlots> slots_;
  // Indexed by length * 27 + LetterBit(first letter): a bit per
  // LetterBit(second letter) of the entries.
  std::array<uint32_t, (kMaxLen + 1) * 27> first_{};
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_UTIL_WORD_TABLE_H_
