#include "brief/brief_render.h"

#include <cstdio>
#include <string_view>

namespace ceasewatch {
namespace {

// Markdown: text from the store never breaks the structure: characters
// that would open a link, code, emphasis, an HTML tag or a table cell are
// backslash-escaped, line breaks folded.
std::string MdText(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*[]<>|").find(c) != std::string_view::npos)
      out += '\\';
    out += c;
  }
  return out;
}

// Only web links are linked; anything else is shown as text.
bool IsWebLink(const std::string& href) {
  return href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0;
}

std::string MdLine(const Line& line) {
  std::string out;
  for (const Span& s : line) {
    if (IsWebLink(s.href)) {
      std::string url;
      for (char c : s.href) {
        if (c == '(' || c == ')' || c == ' ' || c == '<' || c == '>') {
          char buf[4];
          std::snprintf(buf, sizeof buf, "%%%02X",
                        static_cast<unsigned char>(c));
          url += buf;
        } else {
          url += c;
        }
      }
      out += "[" + MdText(s.text) + "](" + url + ")";
    } else {
      out += MdText(s.text);
    }
  }
  return out;
}

std::string HtmlLine(const Line& line) {
  std::string out;
  for (const Span& s : line) {
    if (IsWebLink(s.href))
      out += "<a href=\"" + HtmlEscape(s.href) + "\">" + HtmlEscape(s.text) +
             "</a>";
    else
      out += HtmlEscape(s.text);
  }
  return out;
}

}  // namespace

std::string HtmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string BriefMarkdown(const Brief& brief) {
  std::string out;
  for (const BriefBlock& b : BriefBlocks(brief)) {
    switch (b.kind) {
      case BriefBlock::Kind::kHeading:
        out += std::string(b.level, '#') + " " + MdLine(b.text) + "\n\n";
        break;
      case BriefBlock::Kind::kParagraph:
        out += MdLine(b.text) + "\n\n";
        break;
      case BriefBlock::Kind::kList:
        for (const Line& item : b.items) out += "- " + MdLine(item) + "\n";
        out += "\n";
        break;
      case BriefBlock::Kind::kTable: {
        out += "|";
        for (const std::string& h : b.header) out += " " + MdText(h) + " |";
        out += "\n|";
        for (size_t k = 0; k < b.header.size(); ++k) out += " --- |";
        out += "\n";
        for (const auto& row : b.rows) {
          out += "|";
          for (const Line& cell : row) out += " " + MdLine(cell) + " |";
          out += "\n";
        }
        out += "\n";
        break;
      }
    }
  }
  return out;
}

std::string BriefHtml(const Brief& brief) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>Incident brief " +
      HtmlEscape(brief.since) + " to " + HtmlEscape(brief.until) +
      "</title>\n<style>\nbody{font-family:sans-serif;max-width:60em;"
      "margin:2em auto;line-height:1.4}\ntable{border-collapse:collapse;"
      "margin:1em 0}\nth,td{border:1px solid #999;padding:.2em .5em;"
      "text-align:left;vertical-align:top}\nli{margin:.4em 0}\n</style>\n"
      "</head>\n<body>\n";
  for (const BriefBlock& b : BriefBlocks(brief)) {
    switch (b.kind) {
      case BriefBlock::Kind::kHeading: {
        const std::string tag = "h" + std::to_string(b.level);
        out += "<" + tag + ">" + HtmlLine(b.text) + "</" + tag + ">\n";
        break;
      }
      case BriefBlock::Kind::kParagraph:
        out += "<p>" + HtmlLine(b.text) + "</p>\n";
        break;
      case BriefBlock::Kind::kList:
        out += "<ul>\n";
        for (const Line& item : b.items)
          out += "<li>" + HtmlLine(item) + "</li>\n";
        out += "</ul>\n";
        break;
      case BriefBlock::Kind::kTable:
        out += "<table>\n<tr>";
        for (const std::string& h : b.header)
          out += "<th>" + HtmlEscape(h) + "</th>";
        out += "</tr>\n";
        for (const auto& row : b.rows) {
          out += "<tr>";
          for (const Line& cell : row) out += "<td>" + HtmlLine(cell) + "</td>";
          out += "</tr>\n";
        }
        out += "</table>\n";
        break;
    }
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace ceasewatch
