// Attribution of speech in English news text: who says what, and whether
// they assert, deny, dispute or confirm it.
//
//   std::string_view text = article.text;
//   for (const Attribution& a : FindAttributions(text)) {
//     std::string_view who = a.speaker(text);   // "the Azeri defense ministry"
//     std::string_view what = a.content(text);  // the quoted words
//     ... a.stance, a.kind, a.target(text) ...
//   }
//
// The text is read one paragraph (line) at a time, sentence by sentence
// (SplitSentences), with sentences regrouped so that no quotation is cut:
// a three-sentence quotation closed by '," the ministry said.' is one
// statement. Forms found:
//
//   kDirectQuote    "...," the ministry said.   "...," said X.
//                   "..." X said in a statement.   X said: "..."
//                   X said, "..."   "...," X noted, adding that ...
//                   A quotation that opens a paragraph after one ending in
//                   ':' ("X stressed that ...:" then "\"...\"") and a bare
//                   quotation right after an attributed one take that
//                   speaker.
//   kReportedSpeech X said (that) ...   Russia on Saturday claimed that ...
//                   X told Turan, ...   X told reporters that ...
//                   X, a member of Y, told ...   X accused Y of ...
//                   "..., Baku stressed." after a clause with quoted bits.
//                   It was announced that ... (no speaker).
//   kSourceReport   as reported speech, with a verb of publication:
//                   X reported (that) ...   ..., Trend reported.
//                   ..., local media write.
//   kAccordingTo    According to X, ...   ..., according to X.
//                   In X's words, ...   In the words of X, ...
//                   ..., citing X.
//
// A reported clause that runs into ': "..."' is cut at the colon and the
// quotation becomes a second, direct attribution to the same speaker.
// Verbs inside quotations are not read: a quoted speaker's own "they say"
// is their content, not a new attribution.
//
// Stance:
//   kDenies    deny/denied/denial; reject, refute, dismiss with no sign of
//              a rival version; "does not reflect the truth/reality",
//              "is false", "not true", "groundless", "disinformation" in
//              the content; "called X absurd/lies/fake/provocation/
//              disinformation/nonsense".
//   kDisputes  refute/reject + "version"; dispute, contest, contradict;
//              "one-sided", "contradicting a statement by", "unfounded",
//              "hypocrisy", "manipulation", "distorted", "biased";
//              "described X as <label or not reflecting the reality>";
//              "accused X of lying/disinformation".
//   kConfirms  confirm, acknowledge, admit, concede.
//   kAsserts   everything else (said, claimed, reported, accused ...),
//              and any verb under "not"/"n't" ("did not confirm").
// A deny-verb decides before any cue ("denied pulling out ..., contradicting
// a statement by Moscow" denies). Plain negations in the content ("there
// has been no change") stay kAsserts.
//
// Target: for kDenies and kDisputes, the words naming the statement denied
// when the text names one: the verb's object ("denied the Russian
// statement", "refuted Moscow's version of events", "called this
// information ..."), the object of "contradicting", or the subject of the
// negated clause ("The information about the withdrawal ... does not
// reflect the truth"). Only a phrase with a statement noun in it
// (statement, version, account, report, claim, allegation, information,
// thesis ...) is a target; otherwise the target is empty.
//
// Speakers are the words as written ("It", "he", "the agency"): the caller
// resolves pronouns and maps names to sides.
//
// Cost: one pass to split sentences, one to tokenise (a hash lookup per
// word in a fixed word table), then work local to each verb; buffers are
// reused across paragraphs. About 40 us for a 5 KB article (-O2).
// Thread-safe: no state is kept between calls; the word table is built once,
// on first use, and never changes.
#ifndef CEASEWATCH_QUOTES_ATTRIBUTION_H_
#define CEASEWATCH_QUOTES_ATTRIBUTION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "quotes/sentences.h"

namespace ceasewatch {

// One attributed statement. All offsets are bytes into the text given to
// FindAttributions, half-open, and begin <= end for every pair.
struct Attribution {
  enum Kind : uint8_t {
    kDirectQuote,     // the content is a quotation, marks excluded
    kReportedSpeech,  // "X said (that) ...", possibly with quoted bits
    kAccordingTo,     // "according to X", "in X's words", "citing X"
    kSourceReport,    // reported speech with report/write/publish
  };
  enum Stance : uint8_t { kAsserts, kDenies, kDisputes, kConfirms };

  // The whole statement: speaker, verb and content as they stand in the
  // sentence, closing mark and final punctuation included. A speaker taken
  // over from an earlier sentence lies outside it.
  uint32_t begin = 0;
  uint32_t end = 0;
  // What is claimed: the quoted words (no marks; a trailing ',' dropped) or
  // the reported clause (no "that", no final '.'). Never empty.
  uint32_t content_begin = 0;
  uint32_t content_end = 0;
  // Who says it, as written; empty (begin == end) when the text names no
  // one ("It was announced that ...").
  uint32_t speaker_begin = 0;
  uint32_t speaker_end = 0;
  // What a denial or dispute is aimed at ("the Russian statement"); empty
  // unless stance is kDenies or kDisputes and the text names it.
  uint32_t target_begin = 0;
  uint32_t target_end = 0;
  Kind kind = kReportedSpeech;
  Stance stance = kAsserts;
  // The reporting verb as written, ASCII-lowercased: "said", "denied",
  // "told", "according to", "in words", "citing".
  std::string verb;

  std::string_view statement(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  std::string_view content(std::string_view text) const {
    return text.substr(content_begin, content_end - content_begin);
  }
  std::string_view speaker(std::string_view text) const {
    return text.substr(speaker_begin, speaker_end - speaker_begin);
  }
  std::string_view target(std::string_view text) const {
    return text.substr(target_begin, target_end - target_begin);
  }
};

// Every attribution in `text`, ordered by begin (then content_begin).
// Statements may nest or overlap (a direct quotation split out of a
// reported clause shares its speaker). Any bytes are accepted; offsets
// past 4 GiB - 1 are not read.
std::vector<Attribution> FindAttributions(std::string_view text);
// The same, for a caller that has split the text already: `sentences`
// must be SplitSentences(text) (sentences.h), which is then not run again.
std::vector<Attribution> FindAttributions(std::string_view text,
                                          const std::vector<Span>& sentences);

// "asserts", "denies", "disputes", "confirms".
std::string_view StanceName(Attribution::Stance stance);
// "direct", "reported", "according_to", "source_report".
std::string_view KindName(Attribution::Kind kind);

// One line for tests and debugging:
//   speaker=[X] stance=S kind=K verb=V content=[C]
// followed by " target=[T]" when the target is not empty.
std::string DumpAttribution(std::string_view text, const Attribution& a);

}  // namespace ceasewatch

#endif  // CEASEWATCH_QUOTES_ATTRIBUTION_H_
