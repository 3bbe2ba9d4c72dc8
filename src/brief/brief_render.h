// The brief as Markdown or as one self-contained HTML page (no scripts,
// no external resources; every text from the store escaped). Both render
// the same sections in the same order:
//   Summary, Incidents by type, Incidents by place, Incidents by side,
//   Casualties, Contradictions, Provisions, Incidents, Sources
// (doc/brief.md).
#ifndef CEASEWATCH_BRIEF_BRIEF_RENDER_H_
#define CEASEWATCH_BRIEF_BRIEF_RENDER_H_

#include <string>
#include <vector>

#include "brief/brief.h"

namespace ceasewatch {

// A piece of text, a link when `href` is set.
struct Span {
  std::string text;
  std::string href;
};
using Line = std::vector<Span>;

// One block of the report.
struct BriefBlock {
  enum class Kind { kHeading, kParagraph, kTable, kList };
  Kind kind = Kind::kParagraph;
  int level = 2;                    // headings
  Line text;                        // headings, paragraphs
  std::vector<std::string> header;  // tables
  std::vector<std::vector<Line>> rows;
  std::vector<Line> items;  // lists
};

// The report as blocks, in the order above.
std::vector<BriefBlock> BriefBlocks(const Brief& brief);

std::string BriefMarkdown(const Brief& brief);
std::string BriefHtml(const Brief& brief);

// `s` with &, <, >, " and ' as HTML entities.
std::string HtmlEscape(const std::string& s);

}  // namespace ceasewatch

#endif  // CEASEWATCH_BRIEF_BRIEF_RENDER_H_
