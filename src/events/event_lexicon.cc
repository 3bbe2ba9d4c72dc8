#include "events/event_lexicon.h"

#include <charconv>
#include <cmath>
#include <filesystem>

#include "util/ascii.h"
#include "util/ascii_runs.h"
#include "util/tsv.h"

namespace ceasewatch {
namespace {

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || IsAsciiAlpha(static_cast<char>(c)) ||
         IsAsciiDigit(static_cast<char>(c));
}

uint64_t Fnv1a(std::string_view s, uint64_t h) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// Adds one word of a pattern ("shell*" a prefix, "fire" a word) to `slot`.
Status AddWord(const TsvRow& row, std::string_view w, EventCue::Slot* slot) {
  if (w.empty()) return row.Error("empty word");
  std::string lw = AsciiLowercase(w);
  if (lw.back() == '*') {
    lw.pop_back();
    if (lw.empty()) return row.Error("bare '*'");
    slot->prefixes.push_back(std::move(lw));
  } else {
    slot->words.push_back(std::move(lw));
  }
  return Status::Ok();
}

}  // namespace

void TokenizeWords(std::string_view text, std::string& buffer,
                   std::vector<WordToken>& out) {
  out.clear();
  out.reserve(text.size() / 6 + 1);
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
      j = EndOfAsciiAlnum(text, j);  // sixteen bytes at a time
      if (j >= n) break;
      unsigned char d = static_cast<unsigned char>(text[j]);
      if (d >= 0x80) {
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
  std::string types, cues;
  CW_RETURN_IF_ERROR(ReadWholeFile(dir + "/types.tsv", &types));
  CW_RETURN_IF_ERROR(ReadWholeFile(dir + "/cues.tsv", &cues));
  auto lex = Parse(types, cues, dir);
  if (!lex.ok()) return lex.status();
  const std::string history = dir + "/history.txt";
  if (std::filesystem::exists(history))
    CW_RETURN_IF_ERROR((*lex)->LoadHistoryPhrases(history));
  return lex;
}

Status EventLexicon::LoadHistoryPhrases(const std::string& path) {
  std::string text;
  CW_RETURN_IF_ERROR(ReadWholeFile(path, &text));
  std::string buffer;
  std::vector<WordToken> words;
  size_t line_start = 0;
  int line_no = 0;
  while (line_start < text.size()) {
    size_t end = text.find('\n', line_start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + line_start, end - line_start);
    line_start = end + 1;
    ++line_no;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    TokenizeWords(line, buffer, words);
    if (words.empty()) continue;
    if (words.size() > 8)
      return Status::InvalidInput(path + ":" + std::to_string(line_no) +
                                  ": a phrase of more than 8 words");
    std::vector<std::string> phrase;
    for (const WordToken& w : words) phrase.emplace_back(w.lower);
    history_phrases_.push_back(std::move(phrase));
    digest_ = digest_ * 31 + std::hash<std::string_view>()(line);
  }
  return Status::Ok();
}

bool EventLexicon::HasHistoryPhrase(const std::vector<WordToken>& tokens,
                                    uint32_t begin, uint32_t end) const {
  for (const std::vector<std::string>& phrase : history_phrases_) {
    if (phrase.size() > end - begin) continue;
    for (uint32_t at = begin; at + phrase.size() <= end; ++at) {
      size_t k = 0;
      while (k < phrase.size() && tokens[at + k].lower == phrase[k]) ++k;
      if (k == phrase.size()) return true;
    }
  }
  return false;
}

Result<std::unique_ptr<EventLexicon>> EventLexicon::Parse(
    std::string_view types_tsv, std::string_view cues_tsv,
    std::string_view name) {
  std::unique_ptr<EventLexicon> lex(new EventLexicon());
  const std::string types_path = std::string(name) + "/types.tsv";
  CW_RETURN_IF_ERROR(ForEachRow(
      types_path, types_tsv,
      {"type", "group", "acled_event_type", "acled_sub_event_type", "future"},
      [&](const TsvRow& row) -> Status {
        EventTypeInfo t;
        t.name = std::string(row.Get("type"));
        t.group = std::string(row.Get("group"));
        t.acled_event_type = std::string(row.Get("acled_event_type"));
        t.acled_sub_event_type = std::string(row.Get("acled_sub_event_type"));
        t.future_ok = row.Get("future") == "1";
        if (t.name.empty() || t.group.empty())
          return row.Error("empty type or group");
        if (lex->TypeIndex(t.name) >= 0)
          return row.Error("type defined twice: " + t.name);
        lex->types_.push_back(std::move(t));
        return Status::Ok();
      }));
  if (lex->types_.empty())
    return Status::InvalidInput(types_path + ": no event types");

  CW_RETURN_IF_ERROR(ForEachRow(
      std::string(name) + "/cues.tsv", cues_tsv,
      {"pattern", "type", "priority"}, [&](const TsvRow& row) -> Status {
        const int type = lex->TypeIndex(row.Get("type"));
        if (type < 0)
          return row.Error("unknown type '" + std::string(row.Get("type")) +
                           "'");
        double priority = 0;
        CW_RETURN_IF_ERROR(row.Number("priority", -1000, 1000, &priority));
        if (priority != std::floor(priority))
          return row.Error("priority is not a whole number");
        std::vector<int> applies_to;
        for (std::string_view a : SplitString(row.Get("applies_to"), ',')) {
          a = TrimAscii(a);
          if (a.empty()) continue;
          const int t = lex->TypeIndex(a);
          if (t < 0)
            return row.Error("unknown type in applies_to '" + std::string(a) +
                             "'");
          applies_to.push_back(t);
        }
        EventCue::Slot required;
        for (std::string_view w : SplitString(row.Get("requires"), '|'))
          if (!w.empty()) CW_RETURN_IF_ERROR(AddWord(row, w, &required));
        EventCue::Slot excluded;
        for (std::string_view w : SplitString(row.Get("excludes"), '|'))
          if (!w.empty()) CW_RETURN_IF_ERROR(AddWord(row, w, &excluded));
        for (std::string_view phrase : SplitString(row.Get("pattern"), ';')) {
          phrase = TrimAscii(phrase);
          if (phrase.empty()) return row.Error("empty phrase");
          EventCue cue;
          cue.type = type;
          cue.sub_event_type = std::string(row.Get("sub_event_type"));
          cue.priority = static_cast<int>(priority);
          cue.applies_to = applies_to;
          cue.required = required;
          cue.excluded = excluded;
          cue.instrument = row.Get("instrument") == "1";
          cue.pattern = std::string(phrase);
          cue.line = row.line();
          for (std::string_view part : SplitString(phrase, ' ')) {
            if (part.empty()) continue;
            EventCue::Slot slot;
            if (part[0] == '~') {
              int gap = 0;
              auto [q, ec] = std::from_chars(part.data() + 1,
                                             part.data() + part.size(), gap);
              if (ec != std::errc() || q != part.data() + part.size() ||
                  gap <= 0)
                return row.Error("bad gap '" + std::string(part) + "'");
              slot.gap = gap;
            } else {
              for (std::string_view w : SplitString(part, '|'))
                CW_RETURN_IF_ERROR(AddWord(row, w, &slot));
            }
            cue.slots.push_back(std::move(slot));
          }
          if (cue.slots.empty() || cue.slots.front().gap ||
              cue.slots.back().gap)
            return row.Error("a phrase must start and end with a word");
          lex->cues_.push_back(std::move(cue));
        }
        return Status::Ok();
      }));
  for (size_t i = 0; i < lex->cues_.size(); ++i) {
    const EventCue::Slot& first = lex->cues_[i].slots.front();
    for (const std::string& w : first.words) {
      lex->by_first_word_[w].push_back(static_cast<int>(i));
      const size_t bit = FirstWordBit(w);
      lex->first_word_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
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
    // Most words start no cue: a bit per (length, first, last byte) rules
    // them out before the map hashes them.
    const size_t bit = FirstWordBit(tokens[i].lower);
    auto it = (first_word_filter_[bit / 64] >> (bit % 64) & 1)
                  ? by_first_word_.find(tokens[i].lower)
                  : by_first_word_.end();
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
