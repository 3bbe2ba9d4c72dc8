// Cutting <script> and <style> contents out of a page before gumbo parses
// it. Gumbo tokenizes raw text one character at a time, so inline scripts
// (often half of a news page's bytes, e.g. framework state blobs) cost as
// much as text. None of it is extracted, so the parser is given a compact
// copy without it, and offsets in the copy are mapped back to the original.
//
// The scan follows the HTML tokenizer closely enough for real pages:
// comments, doctype/bogus comments, quoted attribute values and the raw
// text elements (title, textarea, xmp, iframe, noembed, noframes,
// plaintext) are stepped over so a "<script" inside them is not taken for
// a tag. JSON-LD scripts (type containing "ld+json") are kept: metadata is
// read from them. When a script might use the "<!-- <script>" double
// escape, whose end the scan cannot place with certainty, scanning stops
// and nothing after that point is cut. A misjudged page loses extraction
// quality at worst; offsets always stay within the original.
#ifndef CEASEWATCH_EXTRACT_RAW_TEXT_SKIP_H_
#define CEASEWATCH_EXTRACT_RAW_TEXT_SKIP_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ceasewatch {

struct ByteRange {
  size_t begin = 0;
  size_t end = 0;  // exclusive
};

constexpr size_t kNoDepthLimit = static_cast<size_t>(-1);

// What ExtractHtml cuts before parsing, in order, non-overlapping:
//  - the contents (between the start tag's '>' and the end tag's '<') of
//    <script> (not JSON-LD) and <style> elements;
//  - regions nested deeper than `depth_limit`, by an estimate of element
//    nesting from start and end tags (void elements and elements the
//    parser closes implicitly, such as p, li, td, a, h1..h6, are not
//    counted, so the estimate errs low on real pages): from the start tag
//    that goes past the limit to the end tag that comes back to it, or to
//    the end of the page. Gumbo's tree building is quadratic in nesting
//    depth (each start tag searches the stack of open elements), so
//    hostile nesting is removed before it reaches the parser.
std::vector<ByteRange> PlanCuts(std::string_view html, size_t depth_limit);

// PlanCuts without a depth limit: script and style contents only.
std::vector<ByteRange> FindScriptStyleContents(std::string_view html);

// A copy of an HTML page with some byte ranges removed, and the map from
// offsets in the copy back to offsets in the original.
class CompactHtml {
 public:
  // Removes `cuts` (sorted, non-overlapping, within html) from `html`.
  void Build(std::string_view html, const std::vector<ByteRange>& cuts);

  std::string_view text() const { return text_; }
  size_t removed() const { return removed_; }

  // Offset in the copy -> offset in the original. Monotonic; a position
  // at a cut maps to just after the removed bytes.
  size_t ToOriginal(size_t offset) const;

 private:
  std::string text_;
  // (offset in the copy, bytes removed before it), ascending.
  std::vector<std::pair<size_t, size_t>> map_;
  size_t removed_ = 0;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXTRACT_RAW_TEXT_SKIP_H_
