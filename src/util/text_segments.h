// TextSegment: the word/number/punctuation segmentation that the date and
// the number scanners both read. The annotator segments a text once and
// hands the same segments to both (each then looks its words up in its own
// lexicon), instead of each scanning the bytes again.
//
//   std::vector<TextSegment> segs = SegmentText(text);
//   // segs[k].begin/end: byte span; kind; punct; cap; line_start
//
// Segmentation: white space (ASCII blanks and the no-break space) separates
// and is dropped; a run of ASCII digits is a number; a run of ASCII letters
// and non-ASCII bytes is a word (so "Ağdam" is one word), except that the
// UTF-8 punctuation Utf8PunctAsAscii knows (dashes, curly quotes, the
// bullet) ends a word and is a punctuation segment of its own, read as its
// ASCII stand-in; every other byte is a one-byte punctuation segment. An
// apostrophe is punctuation: "didn't" is "didn", "'", "t".
#ifndef CEASEWATCH_UTIL_TEXT_SEGMENTS_H_
#define CEASEWATCH_UTIL_TEXT_SEGMENTS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace ceasewatch {

struct TextSegment {
  enum Kind : uint8_t { kWord, kNumber, kPunct };
  uint32_t begin = 0, end = 0;  // byte span in the text
  Kind kind = kWord;
  char punct = 0;           // kPunct: the ASCII byte or stand-in
  bool cap = false;         // kWord: starts with an ASCII capital
  bool line_start = false;  // a line break (or the text's start) precedes it
};

// The segments of `text`, in order. REQUIRES: text.size() < 4 GiB (the
// offsets are 32-bit; callers check).
std::vector<TextSegment> SegmentText(std::string_view text);

}  // namespace ceasewatch

#endif  // CEASEWATCH_UTIL_TEXT_SEGMENTS_H_
