// The event lexicon of a theatre pack: event types with their ACLED coding
// (events/types.tsv) and the cue phrases that signal them (events/cues.tsv).
// The format is described in doc/events.md.
//
// Cues are matched over word tokens (ASCII-lowercased, offsets kept):
// "w*" matches any word starting with w, "a|b" either word, "~N" skips up
// to N words, and " ; " separates alternative phrases of one row.
//
// cues.tsv columns: pattern, type, sub_event_type, priority, applies_to
// (modifiers), requires (a word that must occur in the sentence), and the
// optional instrument ("1": the cue names a weapon; the first weapon of a
// list decides) and excludes (words that veto the cue in the sentence).
#ifndef CEASEWATCH_EVENTS_EVENT_LEXICON_H_
#define CEASEWATCH_EVENTS_EVENT_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ceasewatch/status.h"

namespace ceasewatch {

// A word of the text: [begin, end) bytes, `lower` its ASCII-lowercased
// bytes. Words are runs of letters, digits, '-' and inner apostrophes;
// any byte >= 0x80 counts as a letter.
struct WordToken {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view lower;  // points into the tokenizer's buffer
};

// Splits `text` into words. `buffer` holds the lowercased copy the tokens
// point into; it is overwritten.
void TokenizeWords(std::string_view text, std::string& buffer,
                   std::vector<WordToken>& out);

struct EventTypeInfo {
  std::string name;
  std::string group;
  std::string acled_event_type;
  std::string acled_sub_event_type;
  bool future_ok = false;  // an announced event is still news
};

struct EventCue {
  struct Slot {
    int gap = 0;  // > 0: skip up to `gap` words; the other fields unused
    std::vector<std::string> words;
    std::vector<std::string> prefixes;
    bool Matches(std::string_view w) const;
  };
  std::vector<Slot> slots;  // first and last are never gaps
  int type = -1;            // index into EventLexicon::types()
  std::string sub_event_type;
  int priority = 0;
  std::vector<int> applies_to;  // empty: a trigger; else a modifier
  // When not empty, one of these words must occur in the sentence.
  Slot required;
  // None of these words may occur in the sentence ("a group attacked" is
  // no mob when the group is armed).
  Slot excluded;
  // The cue names a weapon: of weapons of one group named in a sentence
  // the first decides (SentenceEventFinder), not the priority.
  bool instrument = false;
  std::string pattern;  // the phrase as written
  int line = 0;         // in cues.tsv
};

struct CueMatch {
  int cue = -1;
  uint32_t first = 0;  // token indices, inclusive
  uint32_t last = 0;
};

class EventLexicon {
 public:
  // Reads `dir`/types.tsv and `dir`/cues.tsv.
  static Result<std::unique_ptr<EventLexicon>> Load(const std::string& dir);
  // The same from the files' contents (`name` prefixes error messages).
  static Result<std::unique_ptr<EventLexicon>> Parse(std::string_view types_tsv,
                                                     std::string_view cues_tsv,
                                                     std::string_view name);

  const std::vector<EventTypeInfo>& types() const { return types_; }
  const std::vector<EventCue>& cues() const { return cues_; }
  int TypeIndex(std::string_view name) const;  // -1 when unknown

  // Every cue occurrence in tokens[begin, end), in order of first token.
  // At one start token each cue matches at most once (its shortest span).
  void Match(const std::vector<WordToken>& tokens, uint32_t begin, uint32_t end,
             std::vector<CueMatch>& out) const;

  // Reads the phrases that mark a sentence as recalling history rather than
  // reporting news ("to end the war", "during the war"), one a line with
  // `#` comments, from `path` (`dir`/history.txt, optional: Load reads it
  // when present).
  Status LoadHistoryPhrases(const std::string& path);
  // Whether tokens[begin, end) contain one of those phrases.
  bool HasHistoryPhrase(const std::vector<WordToken>& tokens, uint32_t begin,
                        uint32_t end) const;

  // A digest of both files, for telling reports of older lexicons apart.
  uint64_t digest() const { return digest_; }

 private:
  bool MatchAt(const EventCue& cue, const std::vector<WordToken>& tokens,
               uint32_t at, uint32_t end, uint32_t* last) const;
  std::vector<EventTypeInfo> types_;
  std::vector<EventCue> cues_;
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  // First-slot words -> cues; cues whose first slot has prefixes, by the
  // prefixes' first byte (tried at every token starting with it).
  std::unordered_map<std::string, std::vector<int>, StringHash, std::equal_to<>>
      by_first_word_;
  std::vector<int> prefix_first_[256];
  // A bit per FirstWordBit of the words in by_first_word_.
  static size_t FirstWordBit(std::string_view w) {
    if (w.empty()) return 0;
    return (w.size() * 131 + static_cast<unsigned char>(w.front()) * 31 +
            static_cast<unsigned char>(w.back())) %
           (64 * kFilterWords);
  }
  static constexpr size_t kFilterWords = 64;
  uint64_t first_word_filter_[kFilterWords] = {};
  std::vector<std::vector<std::string>> history_phrases_;  // lowercase words
  uint64_t digest_ = 0;
};

}  // namespace ceasewatch

#endif  // CEASEWATCH_EVENTS_EVENT_LEXICON_H_
