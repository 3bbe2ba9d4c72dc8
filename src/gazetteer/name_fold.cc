#include "gazetteer/name_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>
#include <string>

namespace ceasewatch {
namespace {

// What a character does in the folded output.
enum CharClass : uint8_t {
  kWord = 0,    // written (folded)
  kSpace,       // a soft word break
  kHard,        // a hard break (FoldForMatching), else soft
  kApostrophe,  // removed (FoldName), soft break (FoldForMatching)
  kDrop,        // removed
  kPeriod,      // '.', hard or soft by context
  kNewline,     // '\n': soft; two in a row (blank line) are hard
};

struct Entry {
  uint8_t cls = kSpace;
  uint8_t len = 0;    // bytes in `out` (kWord)
  uint8_t lower = 0;  // a lower-case letter
  char out[5] = {};
};

// Code points below this have a table entry; the rest are classified on
// the fly (rare in this project's text: CJK, symbols, emoji).
constexpr uint32_t kTableSize = 0x2500;
constexpr uint32_t kInvalid = 0xFFFFFFFF;

struct FoldTable {
  Entry entries[kTableSize];
};

bool IsApostrophe(uint32_t cp) {  // keep in step with name_fold.h
  switch (cp) {
    case 0x27:
    case 0x60:
    case 0xB4:
    case 0x2B9:
    case 0x2BB:
    case 0x2BC:
    case 0x2BE:
    case 0x2BF:
    case 0x55A:
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:
      return true;
    default:
      return false;
  }
}

// Letters whose folding is not a decomposition: the project's choices.
const char* Override(UChar32 c) {
  switch (c) {
    case 0x259:
    case 0x18F:
    case 0x1DD:
    case 0x18E:
      return "a";  // ə Ə ǝ Ǝ
    case 0x131:
      return "i";  // ı
    case 0xDF:
    case 0x1E9E:
      return "ss";
    case 0xE6:
    case 0xC6:
      return "ae";
    case 0x153:
    case 0x152:
      return "oe";
    case 0xF8:
    case 0xD8:
      return "o";
    case 0x111:
    case 0x110:
    case 0xF0:
    case 0xD0:
      return "d";
    case 0x142:
    case 0x141:
      return "l";
    case 0x127:
    case 0x126:
      return "h";
    case 0xFE:
    case 0xDE:
      return "th";
    case 0x14B:
    case 0x14A:
      return "n";
    default:
      return nullptr;
  }
}

CharClass ClassOf(UChar32 cp) {
  if (IsApostrophe(cp)) return kApostrophe;
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9')) {
      return kWord;
    }
    if (c == '.') return kPeriod;
    if (c == '\n') return kNewline;
    if (cp < 0x20 || cp == 0x7F || c == ' ') return kSpace;
    if (std::strchr("-_&+=*#@%$^~", c) != nullptr) return kSpace;
    return kHard;  // , ; : ! ? ( ) [ ] { } " | / \ < >
  }
  if (cp == 0x2029) return kHard;
  if (cp == 0x2028 || cp == 0x85) return kNewline;
  if (cp == 0xB7) return kSpace;  // middle dot
  switch (u_charType(cp)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_COMBINING_SPACING_MARK:
      return kWord;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR:
      return kDrop;
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
      return kHard;
    default:  // dashes, connectors, separators, symbols, controls, unassigned
      return kSpace;
  }
}

// The folded UTF-8 of a letter: case fold, decompose, drop marks, apply the
// overrides. May be empty (a letter that is all marks after folding).
std::string FoldLetter(UChar32 cp, const icu::Normalizer2* nfd) {
  if (const char* o = Override(cp)) return o;
  icu::UnicodeString s(cp);
  s.foldCase(U_FOLD_CASE_DEFAULT);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString d = nfd->normalize(s, status);
  if (U_FAILURE(status)) d = s;
  std::string out;
  for (int32_t i = 0; i < d.length();) {
    const UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    // Marks go; so do apostrophes a decomposition yields (ŉ -> ʼn), which
    // keeps folding idempotent.
    if (u_charType(c) == U_NON_SPACING_MARK || IsApostrophe(c)) continue;
    if (const char* o = Override(c)) {
      out += o;
    } else {
      icu::UnicodeString one(c);
      one.toUTF8String(out);
    }
  }
  return out;
}

void Encode(UChar32 cp, std::string* out) {
  icu::UnicodeString(cp).toUTF8String(*out);
}

Entry MakeEntry(UChar32 cp, const icu::Normalizer2* nfd) {
  Entry e;
  e.cls = ClassOf(cp);
  e.lower = u_islower(cp) ? 1 : 0;
  if (e.cls != kWord) return e;
  std::string out = FoldLetter(cp, nfd);
  if (out.size() > sizeof(e.out)) {
    out.clear();
    Encode(u_tolower(cp), &out);
  }
  if (out.empty()) {
    e.cls = kDrop;
    return e;
  }
  e.len = static_cast<uint8_t>(out.size());
  std::memcpy(e.out, out.data(), out.size());
  return e;
}

const FoldTable* BuildTable() {
  auto* t = new FoldTable;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  for (uint32_t cp = 0; cp < kTableSize; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates: kSpace
    t->entries[cp] = MakeEntry(static_cast<UChar32>(cp), nfd);
  }
  return t;
}

const Entry* Table() {
  static const FoldTable* table = BuildTable();  // never freed
  return table->entries;
}

// Characters past the table: letters and digits are case-folded (simple
// folding, no decomposition), marks dropped, the rest classified as above.
Entry HighEntry(uint32_t cp) {
  Entry e;
  if (cp == kInvalid) return e;  // kSpace
  e.cls = ClassOf(static_cast<UChar32>(cp));
  e.lower = u_islower(static_cast<UChar32>(cp)) ? 1 : 0;
  if (e.cls == kWord) {
    std::string out;
    Encode(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT), &out);
    e.len = static_cast<uint8_t>(out.size());  // <= 4
    std::memcpy(e.out, out.data(), out.size());
  }
  return e;
}

// Decodes one UTF-8 character at s[i] (s[i] >= 0x80). Returns kInvalid with
// *len = 1 for a byte that does not start a well-formed sequence.
inline uint32_t DecodeMultibyte(const unsigned char* s, size_t n, size_t i,
                                size_t* len) {
  const unsigned char c = s[i];
  *len = 1;
  auto cont = [&](size_t k) { return i + k < n && (s[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (!cont(1)) return kInvalid;
    *len = 2;
    return ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return kInvalid;
    const unsigned char c1 = s[i + 1];
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) return kInvalid;
    *len = 3;
    return ((c & 0x0Fu) << 12) | ((c1 & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return kInvalid;
    const unsigned char c1 = s[i + 1];
    if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return kInvalid;
    *len = 4;
    return ((c & 0x07u) << 18) | ((c1 & 0x3Fu) << 12) |
           ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
  }
  return kInvalid;
}

// The entry of the character at s[i], and its length.
inline Entry EntryAt(const Entry* table, const unsigned char* s, size_t n,
                     size_t i, size_t* len) {
  if (s[i] < 0x80) {
    *len = 1;
    return table[s[i]];
  }
  const uint32_t cp = DecodeMultibyte(s, n, i, len);
  if (cp < kTableSize) return table[cp];
  return HighEntry(cp);
}

#if defined(__SSE2__)
// The ASCII word characters among the 16 bytes at `p` as a bit mask (bit k
// for p[k]), and in `*lower` the bytes with A-Z lowercased: FoldImpl's
// ASCII table when it folds exactly A-Z, a-z and 0-9, each to its
// lowercase (WordRunsAreAlnum checks that).
// `*spaces` gets the mask of plain spaces (0x20).
inline unsigned AlnumRun16(const unsigned char* p, __m128i* lower,
                           unsigned* spaces) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  *spaces = static_cast<unsigned>(
      _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))));
  auto in = [&](char lo, char hi) {  // signed compares: bytes >= 0x80 fail
    return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(lo - 1)),
                         _mm_cmplt_epi8(x, _mm_set1_epi8(hi + 1)));
  };
  const __m128i upper = in('A', 'Z');
  const __m128i word =
      _mm_or_si128(_mm_or_si128(upper, in('a', 'z')), in('0', '9'));
  *lower = _mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
  return static_cast<unsigned>(_mm_movemask_epi8(word));
}
#endif

// Whether `ascii` (FoldImpl's table) is what AlnumRun16 assumes.
bool WordRunsAreAlnum(const std::array<char, 128>& ascii) {
  for (int c = 0; c < 128; ++c) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool upper = c >= 'A' && c <= 'Z';
    const char want = alnum   ? static_cast<char>(c)
                      : upper ? static_cast<char>(c + ('a' - 'A'))
                              : 0;
    if (ascii[c] != want) return false;
  }
  return true;
}

template <bool kMatching, bool kOffsets, bool kSimd = true>
void FoldImpl(std::string_view in, std::string* out,
              std::vector<uint32_t>* offs) {
  const Entry* table = Table();
  // ASCII word characters -> their folded byte (each folds to one ASCII
  // byte); 0 for every other ASCII character.
  static const std::array<char, 128> ascii = [table] {
    std::array<char, 128> a{};
    for (int c = 0; c < 128; ++c) {
      if (table[c].cls == kWord && table[c].len == 1) a[c] = table[c].out[0];
    }
    return a;
  }();
  static const bool alnum_runs = WordRunsAreAlnum(ascii);
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  // The output buffer, grown on demand; its pointers live in locals so the
  // compiler keeps them in registers.
  size_t cap = 0, w = 0;
  char* o = nullptr;
  uint32_t* f = nullptr;
  auto grow = [&](size_t need) {
    cap = std::max(need, cap * 2);
    out->resize(cap);
    o = out->data();
    if constexpr (kOffsets) {
      offs->resize(cap + 1);
      f = offs->data();
    }
  };
  grow(n + n / 8 + 16);
  auto put = [&](char c, size_t at) {
    o[w] = c;
    if constexpr (kOffsets) f[w] = static_cast<uint32_t>(at);
    ++w;
  };
  enum { kInWord, kAfterSoft, kAfterHard } state = kAfterSoft;
  int word_chars = 0;  // characters of the word being written
  int newlines = 0;    // newlines since the last visible character
  if constexpr (kMatching) put(' ', 0);

  auto soft = [&](size_t at) {
    if (state == kInWord) {
      put(' ', at);
      state = kAfterSoft;
    }
    word_chars = 0;
  };
  auto hard = [&](size_t at) {
    if (state == kInWord) {
      put(' ', at);
      put('|', at);
      put(' ', at);
    } else if (state == kAfterSoft) {
      put('|', at);
      put(' ', at);
    }
    state = kAfterHard;
    word_chars = 0;
  };

  size_t i = 0;
  while (i < n) {
    // Room for the most one character can write (5) and a hard break (3).
    if (w + 8 > cap) grow(w + 8);
    const unsigned char c = s[i];
    if (c < 0x80 && ascii[c] != 0) {  // the common case
#if defined(__SSE2__)
      // Sixteen bytes at a time: all are written, the run's are kept.
      if (kSimd && alnum_runs && i + 16 <= n && w + 16 + 8 <= cap) {
        __m128i lower;
        unsigned spaces;
        const unsigned word = AlnumRun16(s + i, &lower, &spaces);
        // Words and the single spaces between them fold to themselves
        // (a space after a word character is a soft break, written as
        // ' '): the run goes on over such spaces. A space is taken only
        // when a word character follows it inside these 16 bytes, so the
        // run always ends on a word character.
        const unsigned ok = word | (spaces & (word << 1) & (word >> 1));
        const size_t run = std::countr_one(ok);  // >= 1: s[i] is a word byte
        const unsigned run_spaces =
            spaces & ok & ((1u << run) - 1);  // run <= 16
        _mm_storeu_si128(reinterpret_cast<__m128i*>(o + w), lower);
        if constexpr (kOffsets) {
          __m128i at = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(i)),
                                     _mm_setr_epi32(0, 1, 2, 3));
          for (int q = 0; q < 4; ++q) {
            _mm_storeu_si128(reinterpret_cast<__m128i*>(f + w + 4 * q), at);
            at = _mm_add_epi32(at, _mm_set1_epi32(4));
          }
        }
        w += run;
        if (run_spaces != 0) {  // the last word starts after its last space
          const int last_space = std::bit_width(run_spaces) - 1;
          word_chars = static_cast<int>(run) - last_space - 1;
        } else {
          word_chars += static_cast<int>(run);
        }
        state = kInWord;
        newlines = 0;
        i += run;
        continue;
      }
#endif
      // A run of ASCII word characters, one output byte each, as far as
      // the room left allows (the check above keeps 8 bytes spare).
      const size_t stop = std::min(n, i + (cap - w - 8) + 1);
      size_t k = i;
      do {
        o[w] = ascii[s[k]];
        if constexpr (kOffsets) f[w] = static_cast<uint32_t>(k);
        ++w;
        ++k;
      } while (k < stop && s[k] < 0x80 && ascii[s[k]] != 0);
      word_chars += static_cast<int>(k - i);
      state = kInWord;
      newlines = 0;
      i = k;
      continue;
    }
    if (c == ' ') {  // the next commonest: a plain space (kSpace)
      soft(i);
      ++i;
      continue;
    }
    size_t len;
    const Entry e = EntryAt(table, s, n, i, &len);
    switch (e.cls) {
      case kWord:
        for (int k = 0; k < e.len; ++k) put(e.out[k], i);
        state = kInWord;
        ++word_chars;
        newlines = 0;
        break;
      case kDrop:
        break;
      case kApostrophe:
        newlines = 0;
        if constexpr (kMatching) soft(i);
        break;
      case kSpace:
        soft(i);
        break;
      case kNewline:
        if (kMatching && ++newlines >= 2) {
          hard(i);
        } else {
          soft(i);
        }
        break;
      case kPeriod: {
        newlines = 0;
        bool is_hard = false;
        if constexpr (kMatching) {
          if (word_chars >= 3) {
            size_t next_len;
            is_hard = i + 1 >= n ||
                      EntryAt(table, s, n, i + 1, &next_len).cls != kWord;
          }
        }
        if (is_hard) {
          hard(i);
        } else {
          soft(i);
        }
        break;
      }
      case kHard:
        newlines = 0;
        if constexpr (kMatching) {
          hard(i);
        } else {
          soft(i);
        }
        break;
    }
    i += len;
  }
  if (w + 2 > cap) grow(w + 2);
  if constexpr (kMatching) {
    if (state == kInWord) put(' ', n);
  } else {
    if (w > 0 && o[w - 1] == ' ') --w;
  }
  out->resize(w);
  if constexpr (kOffsets) {
    offs->resize(w + 1);
    (*offs)[w] = static_cast<uint32_t>(n);
  }
}

}  // namespace

size_t FoldedText::OriginalEnd(std::string_view original,
                               size_t folded_end) const {
  const size_t start = offsets[folded_end - 1];
  if (start >= original.size()) return original.size();
  return start + Utf8CharLength(original, start);
}

std::string FoldName(std::string_view name) {
  std::string out;
  FoldImpl<false, false>(name, &out, nullptr);
  return out;
}

FoldedText FoldWithOffsets(std::string_view text) {
  FoldedText f;
  FoldImpl<false, true>(text, &f.text, &f.offsets);
  return f;
}

FoldedText FoldForMatching(std::string_view text) {
  FoldedText f;
  FoldImpl<true, true>(text, &f.text, &f.offsets);
  return f;
}

void FoldForMatching(std::string_view text, FoldedText* out) {
  FoldImpl<true, true>(text, &out->text, &out->offsets);
}

FoldedText name_fold_internal::FoldForMatchingByteByByte(
    std::string_view text) {
  FoldedText f;
  FoldImpl<true, true, false>(text, &f.text, &f.offsets);
  return f;
}

size_t Utf8CharLength(std::string_view s, size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (p[pos] < 0x80) return 1;
  size_t len;
  DecodeMultibyte(p, s.size(), pos, &len);
  return len;
}

bool IsLowercaseAt(std::string_view s, size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t len;
  return EntryAt(Table(), p, s.size(), pos, &len).lower != 0;
}

bool HasLowercase(std::string_view s) {
  const Entry* table = Table();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    size_t len;
    if (EntryAt(table, p, s.size(), i, &len).lower) return true;
    i += len;
  }
  return false;
}

bool IsApostropheChar(uint32_t cp) { return IsApostrophe(cp); }

size_t Utf8Length(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); i += Utf8CharLength(s, i)) ++count;
  return count;
}

}  // namespace ceasewatch
