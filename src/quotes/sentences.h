// Sentence splitting for English news text, one paragraph a line.
//
//   std::vector<Span> s = SplitSentences(article.text);
//   for (Span sp : s) Use(text.substr(sp.begin, sp.end - sp.begin));
//
// A sentence ends after '.', '!', '?', "..." or "…" plus any closing quote
// marks and brackets that follow ('."', ".”", "?’", ".)"), when whitespace
// and then a sentence opener follow: an upper-case letter, a digit, an
// opening quote or bracket, or a non-ASCII character. So "6.5", "U.S.-led",
// "Korrespondent.net" and "“Why?” he asked" do not end a sentence.
// A period does not end a sentence after
//   - a title ("Mr.", "Gen.", "Dr.", "Lt.", "Sen." ...),
//   - an initial ("J. Smith"),
//   - "No."/"Art."/"p." or a month abbreviation ("Jan.", "Sept.") before a
//     number ("No. 5", "Jan. 12"),
//   - "e.g.", "i.e.", "vs.", "cf.",
//   - a dotted acronym ("U.S.", "U.N.") or "Inc."/"Ltd."/"Co.", unless the
//     next word is one that commonly opens a sentence ("The", "He", "But").
// A newline always ends a sentence. A piece of a line with no letter or
// digit (a stray '“.') is folded into the sentence before it.
//
// Quotes are not tracked: a quotation of three sentences is three
// sentences. FindAttributions (attribution.h) regroups them.
#ifndef CEASEWATCH_QUOTES_SENTENCES_H_
#define CEASEWATCH_QUOTES_SENTENCES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace ceasewatch {

// A byte range [begin, end) of the text it was found in.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
};

// The sentences of `text` in order: non-empty, non-overlapping, never
// crossing a '\n', with no leading or trailing ASCII whitespace, and no
// longer than kMaxSentenceBytes: a longer run without a sentence end (a
// table flattened into one line, a pasted log) is cut at the last space
// before that length, else at a character boundary, so that the work of
// every later stage per sentence stays bounded. Bytes past the first
// 4 GiB - 1 are ignored (offsets are 32-bit). Any bytes are accepted;
// invalid UTF-8 is treated as word characters.
inline constexpr uint32_t kMaxSentenceBytes = 4096;
std::vector<Span> SplitSentences(std::string_view text);

}  // namespace ceasewatch

#endif  // CEASEWATCH_QUOTES_SENTENCES_H_
