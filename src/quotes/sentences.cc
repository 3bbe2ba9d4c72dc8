#include "quotes/sentences.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cstddef>
#include <limits>

namespace ceasewatch {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
uint8_t Byte(std::string_view t, size_t p) {
  return static_cast<uint8_t>(t[p]);
}

// True when the three bytes at `p` are E2 80 `third`.
bool Is3(std::string_view t, size_t p, size_t end, uint8_t third) {
  return p + 3 <= end && Byte(t, p) == 0xE2 && Byte(t, p + 1) == 0x80 &&
         Byte(t, p + 2) == third;
}

// Bytes of horizontal whitespace at `p` (ASCII or U+00A0), else 0.
size_t SpaceLen(std::string_view t, size_t p, size_t end) {
  char c = t[p];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (p + 2 <= end && Byte(t, p) == 0xC2 && Byte(t, p + 1) == 0xA0) return 2;
  return 0;
}

// '.', '!', '?' or U+2026 "…".
size_t TerminatorLen(std::string_view t, size_t p, size_t end) {
  char c = t[p];
  if (c == '.' || c == '!' || c == '?') return 1;
  return Is3(t, p, end, 0xA6) ? 3 : 0;
}

// A mark that may close a quotation or bracket after the terminator:
// " ' ) ] ” ’ ».
size_t CloserLen(std::string_view t, size_t p, size_t end) {
  char c = t[p];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (Is3(t, p, end, 0x9D) || Is3(t, p, end, 0x99)) return 3;
  if (p + 2 <= end && Byte(t, p) == 0xC2 && Byte(t, p + 1) == 0xBB) return 2;
  return 0;
}

// Whether the character at `p` can open a sentence.
bool IsOpener(std::string_view t, size_t p, size_t end) {
  char c = t[p];
  if (IsUpper(c) || IsDigit(c)) return true;
  if (c == '"' || c == '\'' || c == '(' || c == '[') return true;
  if (Byte(t, p) < 0x80) return false;
  // Non-ASCII: anything but closing quotes, dashes and the ellipsis, which
  // continue a sentence.
  if (Is3(t, p, end, 0x9D) || Is3(t, p, end, 0x99) || Is3(t, p, end, 0x93) ||
      Is3(t, p, end, 0x94) || Is3(t, p, end, 0xA6)) {
    return false;
  }
  if (p + 2 <= end && Byte(t, p) == 0xC2 && Byte(t, p + 1) == 0xBB) {
    return false;
  }
  return true;
}

// Whether [b, e) holds a letter or digit (any non-punctuation non-ASCII
// character counts: U+00C0.. in two-byte form, and three- and four-byte
// characters outside the U+2000 punctuation block).
bool HasContent(std::string_view t, size_t b, size_t e) {
  for (size_t i = b; i < e; ++i) {
    char c = t[i];
    if (IsAlpha(c) || IsDigit(c)) return true;
    uint8_t u = Byte(t, i);
    if ((u >= 0xC3 && u <= 0xDF) || (u >= 0xE3 && u <= 0xF4) || u == 0xE0 ||
        u == 0xE1) {
      return true;
    }
  }
  return false;
}

// Bytes that may start a terminator: . ! ? and the lead byte of "…".
struct StopTable {
  bool stop[256] = {};
};

constexpr StopTable MakeStopTable() {
  StopTable t;
  t.stop[static_cast<uint8_t>('.')] = true;
  t.stop[static_cast<uint8_t>('!')] = true;
  t.stop[static_cast<uint8_t>('?')] = true;
  t.stop[0xE2] = true;
  return t;
}

constexpr StopTable kStops = MakeStopTable();

// The first index in [i, e) whose byte may start a terminator (kStops), or
// e: sixteen bytes at a time where SSE2 is available, since sentences are
// long and terminators rare.
size_t NextStop(std::string_view t, size_t i, size_t e) {
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
#if defined(__SSE2__)
  while (i + 16 <= e) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('.')),
                     _mm_cmpeq_epi8(x, _mm_set1_epi8('!'))),
        _mm_or_si128(
            _mm_cmpeq_epi8(x, _mm_set1_epi8('?')),
            _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(0xE2)))));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) return i + std::countr_zero(mask);
    i += 16;
  }
#endif
  while (i < e && !kStops.stop[p[i]]) ++i;
  return i;
}

bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Words that commonly open a sentence: after "U.S." or "Inc." they mean
// the period ended one.
bool IsStarterWord(std::string_view w) {
  return In(
      w, {"The",  "He",    "She",   "It",     "They",      "We",        "I",
          "This", "That",  "These", "Those",  "But",       "And",       "In",
          "On",   "At",    "A",     "An",     "However",   "Meanwhile", "His",
          "Her",  "Their", "Its",   "Our",    "There",     "If",        "As",
          "When", "While", "After", "Before", "According", "Some",      "Many",
          "So",   "Yet",   "Still"});
}

// Whether the period at `dot` ends a sentence, given that the next
// sentence would start at `next`. Only called for a lone '.' that is
// followed by whitespace and a sentence opener.
bool PeriodEndsSentence(std::string_view t, size_t line_begin, size_t dot,
                        size_t next, size_t end) {
  size_t ws = dot;
  while (ws > line_begin && (IsAlpha(t[ws - 1]) || t[ws - 1] == '.')) --ws;
  // A word glued to a digit or non-ASCII letter ("A1.") is not an
  // abbreviation.
  if (ws > line_begin && (IsDigit(t[ws - 1]) || Byte(t, ws - 1) >= 0x80)) {
    return true;
  }
  while (ws < dot && t[ws] == '.') ++ws;
  std::string_view word = t.substr(ws, dot - ws);
  if (word.empty()) return true;
  // Every abbreviation below is short; a dotted acronym may be longer.
  if (word.size() > 6 && word.find('.') == std::string_view::npos) {
    return true;
  }
  const bool next_digit = IsDigit(t[next]);
  size_t ne = next;
  while (ne < end && IsAlpha(t[ne])) ++ne;
  std::string_view next_word = t.substr(next, ne - next);

  if (word.find('.') != std::string_view::npos) {  // U.S, e.g, a.m
    if (word == "e.g" || word == "i.e") return false;
    return IsStarterWord(next_word);
  }
  if (word.size() == 1) return !IsUpper(word[0]) && !next_digit;  // initial
  if (In(word, {"Mr",   "Mrs", "Ms",     "Dr",     "Gen", "Lt",   "Col",  "Maj",
                "Capt", "Cpt", "Sgt",    "Cpl",    "Pvt", "Adm",  "Gov",  "Sen",
                "Rep",  "Rev", "Prof",   "Pres",   "Amb", "Brig", "Cmdr", "Cdr",
                "Gens", "Hon", "Messrs", "Mt",     "Ft",  "Supt", "Insp", "Fr",
                "St",   "vs",  "cf",     "approx", "Vs"})) {
    return false;
  }
  if (next_digit &&
      In(word, {"No",  "Nos", "no",  "Art",  "art",  "Fig", "fig",
                "Vol", "vol", "pp",  "Para", "para", "Ch",  "ch",
                "Sec", "sec", "Jan", "Feb",  "Mar",  "Apr", "Jun",
                "Jul", "Aug", "Sep", "Sept", "Oct",  "Nov", "Dec"})) {
    return false;
  }
  if (In(word, {"Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Sr"})) {
    return IsStarterWord(next_word);
  }
  return true;
}

// `s` (longer than kMaxSentenceBytes) as pieces of at most that length,
// each cut at its last space, else at a UTF-8 character boundary, and
// trimmed of ASCII spaces.
std::vector<Span> CutLong(std::string_view t, Span s) {
  std::vector<Span> out;
  uint32_t b = s.begin;
  while (b < s.end) {
    while (b < s.end && (t[b] == ' ' || t[b] == '\t')) ++b;
    if (b >= s.end) break;
    uint32_t e = s.end;
    if (e - b > kMaxSentenceBytes) {
      e = b + kMaxSentenceBytes;
      uint32_t cut = e;
      while (cut > b && t[cut] != ' ' && t[cut] != '\t') --cut;
      if (cut > b) {
        e = cut;
      } else {  // no space: a character boundary
        while (e > b && (static_cast<uint8_t>(t[e]) & 0xC0) == 0x80) --e;
        if (e == b) e = b + kMaxSentenceBytes;
      }
    }
    uint32_t end = e;
    while (end > b && (t[end - 1] == ' ' || t[end - 1] == '\t')) --end;
    if (end > b) out.push_back({b, end});
    b = e;
  }
  return out;
}

// Appends the sentences of the line [b, e) to `out`.
void SplitLine(std::string_view t, size_t b, size_t e, std::vector<Span>* out) {
  const size_t first_in_line = out->size();
  size_t s = b;
  while (s < e && SpaceLen(t, s, e)) s += SpaceLen(t, s, e);
  // Emits [s, end) trimmed; folds a piece with no letters into its
  // neighbour (the previous sentence, else the next one).
  auto emit = [&](size_t end, bool line_end) {
    while (end > s) {
      if (SpaceLen(t, end - 1, e) == 1) {
        --end;
      } else if (end - s >= 2 && Byte(t, end - 2) == 0xC2 &&
                 Byte(t, end - 1) == 0xA0) {
        end -= 2;
      } else {
        break;
      }
    }
    if (end <= s) return true;
    if (!HasContent(t, s, end)) {
      if (out->size() > first_in_line) {
        out->back().end = static_cast<uint32_t>(end);
        return true;
      }
      if (!line_end) return false;  // keep `s`: the next sentence takes it
    }
    out->push_back({static_cast<uint32_t>(s), static_cast<uint32_t>(end)});
    return true;
  };

  size_t i = s;
  while (i < e) {
    i = NextStop(t, i, e);
    if (i >= e) break;
    size_t tl = TerminatorLen(t, i, e);
    if (tl == 0) {
      ++i;
      continue;
    }
    size_t j = i + tl;
    while (j < e && TerminatorLen(t, j, e)) j += TerminatorLen(t, j, e);
    const bool lone_period = (j == i + 1 && t[i] == '.');
    size_t after_terms = j;
    while (j < e && CloserLen(t, j, e)) j += CloserLen(t, j, e);
    if (j >= e || !SpaceLen(t, j, e)) {
      i = j;
      continue;
    }
    size_t k = j;
    while (k < e && SpaceLen(t, k, e)) k += SpaceLen(t, k, e);
    if (k >= e || !IsOpener(t, k, e)) {
      i = j;
      continue;
    }
    if (lone_period && after_terms == j && !PeriodEndsSentence(t, b, i, k, e)) {
      i = j;
      continue;
    }
    if (emit(j, false)) s = k;
    i = k;
  }
  if (s < e) emit(e, true);
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text) {
  if (text.size() > std::numeric_limits<uint32_t>::max()) {
    text = text.substr(0, std::numeric_limits<uint32_t>::max());
  }
  std::vector<Span> out;
  out.reserve(text.size() / 80 + 1);
  size_t b = 0;
  while (b < text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    const size_t first = out.size();
    SplitLine(text, b, e, &out);
    for (size_t k = first; k < out.size(); ++k) {
      if (out[k].size() <= kMaxSentenceBytes) continue;
      // Cut the overlong sentence into pieces; the tail stays at k + 1.
      std::vector<Span> pieces = CutLong(text, out[k]);
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(k));
      out.insert(out.begin() + static_cast<std::ptrdiff_t>(k), pieces.begin(),
                 pieces.end());
      k += pieces.size() - 1;
    }
    b = e + 1;
  }
  return out;
}

}  // namespace ceasewatch
