#include "ceasewatch/records.h"

namespace ceasewatch {

const char* FormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kText:
      return "text";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kJsonLines:
      return "jsonl";
    case InputFormat::kWarc:
      return "warc";
    case InputFormat::kUnknown:
      break;
  }
  return "unknown";
}

std::string Article::Text() const {
  std::string out;
  for (const Paragraph& p : paragraphs) {
    if (!out.empty()) out += '\n';
    out += p.text;
  }
  return out;
}

}  // namespace ceasewatch
