#include "split/published_date.h"

#include <cctype>
#include <cstdlib>
#include <tuple>

#include "dates/date_scanner.h"

namespace ceasewatch {

namespace {

// True when the sentence around [begin, end) speaks of the future ("will
// meet", "is scheduled", "plans to"): such a day is not a reported event.
bool InFutureSentence(const std::string& text, size_t begin, size_t end) {
  size_t from = text.rfind(". ", begin);
  from = from == std::string::npos ? 0 : from + 2;
  size_t to = text.find(". ", end);
  if (to == std::string::npos) to = text.size();
  std::string s = " " + text.substr(from, to - from) + " ";
  for (char& c : s)
    c = static_cast<char>(std::isalpha(static_cast<unsigned char>(c))
                              ? std::tolower(static_cast<unsigned char>(c))
                              : ' ');
  static const char* const kMarkers[] = {
      " will ", " shall ", " would ", " plans to ", " planned ", " is to ",
      " are to ", " scheduled ", " expected to ", " next ", " upcoming ",
      " going to ", " intends to ", " until "};
  for (const char* m : kMarkers)
    if (s.find(m) != std::string::npos) return true;
  return false;
}

}  // namespace

std::optional<InferredDay> InferDayFromReportedEvents(
    const std::vector<Paragraph>& paragraphs) {
  // The latest date stated with both a year and a month.
  const DateMention* latest = nullptr;
  std::string latest_words;
  std::vector<std::vector<DateMention>> per_paragraph;
  per_paragraph.reserve(paragraphs.size());
  for (const Paragraph& p : paragraphs) {
    per_paragraph.push_back(ScanDates(p.text));
  }
  auto key = [](const DateMention& m) {
    return std::make_tuple(m.year, m.month, m.day ? m.day : 1);
  };
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    for (const DateMention& m : per_paragraph[i]) {
      if (!m.year || !m.month) continue;
      if (!latest || key(m) > key(*latest)) {
        latest = &m;
        latest_words = paragraphs[i].text.substr(m.begin, m.end - m.begin);
      }
    }
  }
  if (!latest) return std::nullopt;

  std::optional<InferredDay> best;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    bool year_seen = false;
    for (const DateMention& m : per_paragraph[i]) {
      if (m.year) {
        year_seen = true;
        continue;
      }
      if (year_seen || !m.month || !m.day) continue;  // history context
      if (InFutureSentence(paragraphs[i].text, m.begin, m.end)) continue;
      if (std::make_tuple(m.month, m.day) <
          std::make_tuple(latest->month, latest->day ? latest->day : 1))
        continue;  // would roll over into another year: unknowable
      CivilDay d{latest->year, m.month, m.day};
      if (!d.valid()) continue;
      if (!best || d > best->day) {
        best = InferredDay{
            d, "not stated; on or after the latest day it reports ('" +
                   paragraphs[i].text.substr(m.begin, m.end - m.begin) +
                   "', year from '" + latest_words + "')"};
      }
    }
  }
  return best;
}

void InferFromNeighbours(std::vector<Article>* articles) {
  auto stated = [](const Article& a) {
    return !a.published.empty() && a.published_precision == "day";
  };
  const int n = static_cast<int>(articles->size());
  for (int i = 0; i < n; ++i) {
    Article& a = (*articles)[i];
    if (!a.published.empty()) continue;
    for (int dist = 1; dist < n; ++dist) {
      const Article* near = nullptr;
      if (i + dist < n && stated((*articles)[i + dist]))
        near = &(*articles)[i + dist];
      else if (i - dist >= 0 && stated((*articles)[i - dist]))
        near = &(*articles)[i - dist];
      if (!near) continue;
      a.published = near->published;
      a.published_precision = "week";
      a.published_reason =
          "not stated; the neighbouring article in the same page ('" +
          near->title + "') is dated " + near->published;
      break;
    }
  }
}

}  // namespace ceasewatch
