#include "events/event_lexicon.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "util/ascii.h"

namespace ceasewatch {
namespace {

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || IsAsciiAlpha(static_cast<char>(c)) ||
         IsAsciiDigit(static_cast<char>(c));
}

std::vector<std::string_view> SplitOn(std::string_view s,
                                      std::string_view sep) {
  std::vector<std::string_view> out;
  size_t at = 0;
  while (true) {
    size_t k = s.find(sep, at);
    out.push_back(s.substr(at, k == std::string_view::npos ? s.npos : k - at));
    if (k == std::string_view::npos) break;
    at = k + sep.size();
  }
  return out;
}

// Lines of a TSV file without comments, blank lines and the header (the
// first line left), each with its 1-based line number.
std::vector<std::pair<int, std::string_view>> DataLines(std::string_view tsv) {
  std::vector<std::pair<int, std::string_view>> out;
  int line_no = 0;
  bool header_seen = false;
  for (std::string_view line : SplitOn(tsv, "\n")) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (TrimAscii(line).empty() || line.front() == '#') continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    out.emplace_back(line_no, line);
  }
  return out;
}

uint64_t Fnv1a(std::string_view s, uint64_t h) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

void TokenizeWords(std::string_view text, std::string& buffer,
                   std::vector<WordToken>& out) {
  out.clear();
  buffer.assign(text.begin(), text.end());
  for (char& c : buffer) c = AsciiLower(c);
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!IsWordByte(c)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n) {
      unsigned char d = static_cast<unsigned char>(text[j]);
      if (IsWordByte(d)) {
        ++j;
      } else if ((d == '-' || d == '\'') && j + 1 < n &&
                 IsWordByte(static_cast<unsigned char>(text[j + 1]))) {
        j += 2;
      } else {
        break;
      }
    }
    // A curly apostrophe's bytes count as letters; cut a possessive "’s"
    // off so that "Russia’s" gives "russia".
    size_t word_end = j;
    if (j - i > 4 && text.substr(j - 4, 4) == "\xE2\x80\x99s") word_end = j - 4;
    if (j - i > 3 && text.substr(j - 3, 3) == "\xE2\x80\x99") word_end = j - 3;
    if (word_end - i > 2 && text.substr(word_end - 2, 2) == "'s") word_end -= 2;
    out.push_back(WordToken{static_cast<uint32_t>(i),
                            static_cast<uint32_t>(word_end),
                            std::string_view(buffer).substr(i, word_end - i)});
    i = j;
  }
}

bool EventCue::Slot::Matches(std::string_view w) const {
  for (const std::string& x : words)
    if (x == w) return true;
  for (const std::string& p : prefixes)
    if (w.size() >= p.size() && w.compare(0, p.size(), p) == 0) return true;
  return false;
}

int EventLexicon::TypeIndex(std::string_view name) const {
  for (size_t i = 0; i < types_.size(); ++i)
    if (types_[i].name == name) return static_cast<int>(i);
  return -1;
}

Result<std::unique_ptr<EventLexicon>> EventLexicon::Load(
    const std::string& dir) {
  auto types = ReadWholeFile(dir + "/types.tsv");
  if (!types.ok()) return types.status();
  auto cues = ReadWholeFile(dir + "/cues.tsv");
  if (!cues.ok()) return cues.status();
  return Parse(*types, *cues, dir);
}

Result<std::unique_ptr<EventLexicon>> EventLexicon::Parse(
    std::string_view types_tsv, std::string_view cues_tsv,
    std::string_view name) {
  std::unique_ptr<EventLexicon> lex(new EventLexicon());
  auto bad = [&](std::string_view file, int line, std::string_view why) {
    return Status::InvalidInput(std::string(name) + "/" + std::string(file) +
                                ":" + std::to_string(line) + ": " +
                                std::string(why));
  };
  for (auto [line_no, line] : DataLines(types_tsv)) {
    std::vector<std::string_view> c = SplitOn(line, "\t");
    if (c.size() < 5) return bad("types.tsv", line_no, "expected 5 columns");
    EventTypeInfo t;
    t.name = std::string(TrimAscii(c[0]));
    t.group = std::string(TrimAscii(c[1]));
    t.acled_event_type = std::string(TrimAscii(c[2]));
    t.acled_sub_event_type = std::string(TrimAscii(c[3]));
    t.future_ok = TrimAscii(c[4]) == "1";
    if (t.name.empty() || t.group.empty())
      return bad("types.tsv", line_no, "empty type or group");
    if (lex->TypeIndex(t.name) >= 0)
      return bad("types.tsv", line_no, "type defined twice: " + t.name);
    lex->types_.push_back(std::move(t));
  }
  if (lex->types_.empty()) return bad("types.tsv", 0, "no event types");

  for (auto [line_no, line] : DataLines(cues_tsv)) {
    std::vector<std::string_view> c = SplitOn(line, "\t");
    if (c.size() < 4)
      return bad("cues.tsv", line_no, "expected 4 to 6 columns");
    int type = lex->TypeIndex(TrimAscii(c[1]));
    if (type < 0)
      return bad("cues.tsv", line_no,
                 "unknown type '" + std::string(TrimAscii(c[1])) + "'");
    int priority = 0;
    std::string_view pr = TrimAscii(c[3]);
    auto [p, ec] = std::from_chars(pr.data(), pr.data() + pr.size(), priority);
    if (ec != std::errc() || p != pr.data() + pr.size())
      return bad("cues.tsv", line_no, "priority is not an integer");
    std::vector<int> applies_to;
    if (c.size() >= 5) {
      for (std::string_view a : SplitOn(TrimAscii(c[4]), ",")) {
        a = TrimAscii(a);
        if (a.empty()) continue;
        int t = lex->TypeIndex(a);
        if (t < 0)
          return bad("cues.tsv", line_no,
                     "unknown type in applies_to '" + std::string(a) + "'");
        applies_to.push_back(t);
      }
    }
    EventCue::Slot required;
    if (c.size() >= 6) {
      for (std::string_view w : SplitOn(TrimAscii(c[5]), "|")) {
        if (w.empty()) continue;
        std::string lw = AsciiLowercase(w);
        if (lw.back() == '*') {
          lw.pop_back();
          if (!lw.empty()) required.prefixes.push_back(lw);
        } else {
          required.words.push_back(lw);
        }
      }
    }
    for (std::string_view phrase : SplitOn(c[0], ";")) {
      phrase = TrimAscii(phrase);
      if (phrase.empty()) return bad("cues.tsv", line_no, "empty phrase");
      EventCue cue;
      cue.type = type;
      cue.sub_event_type = std::string(TrimAscii(c[2]));
      cue.priority = priority;
      cue.applies_to = applies_to;
      cue.required = required;
      cue.pattern = std::string(phrase);
      cue.line = line_no;
      for (std::string_view part : SplitOn(phrase, " ")) {
        if (part.empty()) continue;
        EventCue::Slot slot;
        if (part[0] == '~') {
          int gap = 0;
          auto [q, e2] =
              std::from_chars(part.data() + 1, part.data() + part.size(), gap);
          if (e2 != std::errc() || q != part.data() + part.size() || gap <= 0)
            return bad("cues.tsv", line_no,
                       "bad gap '" + std::string(part) + "'");
          slot.gap = gap;
        } else {
          for (std::string_view w : SplitOn(part, "|")) {
            if (w.empty()) return bad("cues.tsv", line_no, "empty word");
            std::string lw = AsciiLowercase(w);
            if (lw.back() == '*') {
              lw.pop_back();
              if (lw.empty()) return bad("cues.tsv", line_no, "bare '*'");
              slot.prefixes.push_back(lw);
            } else {
              slot.words.push_back(lw);
            }
          }
        }
        cue.slots.push_back(std::move(slot));
      }
      if (cue.slots.empty() || cue.slots.front().gap || cue.slots.back().gap)
        return bad("cues.tsv", line_no,
                   "a phrase must start and end with a word");
      lex->cues_.push_back(std::move(cue));
    }
  }
  for (size_t i = 0; i < lex->cues_.size(); ++i) {
    const EventCue::Slot& first = lex->cues_[i].slots.front();
    for (const std::string& w : first.words)
      lex->by_first_word_[w].push_back(static_cast<int>(i));
    for (const std::string& prefix : first.prefixes) {
      auto& list = lex->prefix_first_[static_cast<unsigned char>(prefix[0])];
      if (list.empty() || list.back() != static_cast<int>(i))
        list.push_back(static_cast<int>(i));
    }
  }
  lex->digest_ = Fnv1a(cues_tsv, Fnv1a(types_tsv, 1469598103934665603ull));
  return lex;
}

bool EventLexicon::MatchAt(const EventCue& cue,
                           const std::vector<WordToken>& tokens, uint32_t at,
                           uint32_t end, uint32_t* last) const {
  // Slots are matched left to right; a gap lets the next word slot match
  // at the first of the following `gap + 1` tokens that fits (shortest).
  uint32_t pos = at;
  int pending_gap = 0;
  for (size_t s = 0; s < cue.slots.size(); ++s) {
    const EventCue::Slot& slot = cue.slots[s];
    if (slot.gap) {
      pending_gap += slot.gap;
      continue;
    }
    bool found = false;
    for (int skip = 0; skip <= pending_gap && pos + skip < end; ++skip) {
      if (slot.Matches(tokens[pos + skip].lower)) {
        pos += skip;
        found = true;
        break;
      }
    }
    if (!found) return false;
    *last = pos;
    ++pos;
    pending_gap = 0;
  }
  return true;
}

void EventLexicon::Match(const std::vector<WordToken>& tokens, uint32_t begin,
                         uint32_t end, std::vector<CueMatch>& out) const {
  for (uint32_t i = begin; i < end; ++i) {
    auto check = [&](int id) {
      uint32_t last = i;
      if (MatchAt(cues_[id], tokens, i, end, &last))
        out.push_back(CueMatch{id, i, last});
    };
    if (tokens[i].lower.empty()) continue;
    auto it = by_first_word_.find(tokens[i].lower);
    if (it != by_first_word_.end())
      for (int id : it->second) check(id);
    for (int id : prefix_first_[static_cast<unsigned char>(tokens[i].lower[0])])
      if (cues_[id].slots.front().Matches(tokens[i].lower)) {
        // Skip cues already tried through an exact first word.
        bool tried = false;
        if (it != by_first_word_.end())
          for (int k : it->second) tried |= (k == id);
        if (!tried) check(id);
      }
  }
}

}  // namespace ceasewatch
