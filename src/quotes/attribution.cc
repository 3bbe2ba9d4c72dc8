#include "quotes/attribution.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quotes/sentences.h"
#include "util/ascii.h"
#include "util/ascii_runs.h"

namespace ceasewatch {
namespace {

// ------------------------------------------------------------------ lexicon
//
// One table of the English words the scanner reacts to, looked up once per
// word token. Word classes are bit flags; speech verbs carry a class and
// verb flags on top.

enum : uint32_t {
  kFStop = 1u << 0,            // ends a subject read leftwards
  kFAux = 1u << 1,             // has/have/had: skipped left of a verb
  kFAdverb = 1u << 2,          // also, again ...: skipped next to a verb
  kFTime = 1u << 3,            // Sunday, March, week, morning, ago ...
  kFTimeLead = 1u << 4,        // on, in, at, late, last, this ...: opens a time
  kFDet = 1u << 5,             // the, a, its ...
  kFPronoun = 1u << 6,         // he, she, it, they, we, I, you
  kFSpeaker = 1u << 7,         // ministry, agency, officials ...
  kFConj = 1u << 8,            // and, but
  kFStatement = 1u << 9,       // statement, version, report, claim ...
  kFLabel = 1u << 10,          // absurd, lies, fake ... after call/dismiss
  kFDispute = 1u << 11,        // one-sided, contradicts, unfounded ...
  kFDeny = 1u << 12,           // disinformation, groundless ... in content
  kFNeg = 1u << 13,            // not, never
  kFRelative = 1u << 14,       // which, who, whom, whose, what
  kFIntro = 1u << 15,          // opens an introductory phrase
  kFPrep = 1u << 16,           // opens an adjunct phrase
  kFModal = 1u << 17,          // will, would, can ... do, does, did
  kFCopula = 1u << 18,         // is, are, was, were, be, been, being
  kFLead = 1u << 19,           // stripped from a subject's start
  kFTruth = 1u << 20,          // truth, reality, facts
  kFPublish = 1u << 21,        // issued, released ...: "issued a statement"
  kFCut = 1u << 22,            // dropped from a content's end
  kFVersion = 1u << 23,        // version: a rival account
  kFLying = 1u << 24,          // lying, disinformation ... after accuse
  kFPlural = 1u << 25,         // media, people, police
  kFNumber = 1u << 26,         // one, two, several ...
  kFStatementHead = 1u << 27,  // statement, communique ...: "a X saying"
};

enum VerbClass : uint8_t {
  kVSay,       // said, claimed, reported, stressed ...
  kVTell,      // told: an addressee may follow
  kVDeny,      // denied
  kVRefute,    // rejected, refuted, dismissed
  kVDispute,   // disputed, contested, contradicted
  kVConfirm,   // confirmed, acknowledged, admitted
  kVCall,      // called: speech only with on/for, a label or a quote
  kVDescribe,  // described/characterised X as Y
  kVAccuse,    // accused X of Y
  kVNone = 255,
};

enum : uint8_t {
  kVPublish = 1,      // report/write: a kSourceReport
  kVNoun = 2,         // also a noun ("reports", "claims")
  kVBase = 4,         // base form: needs a plural subject or a modal
  kVInvert = 8,       // may precede its speaker: '," said X'
  kVParticiple = 16,  // saying, adding ...
  kVPassive = 32,     // "It was reported that"
};

constexpr size_t kMaxWord = 23;

// Words hot loops test by identity.
enum WordId : uint8_t {
  kWNone,
  kWAccording,
  kWIn,
  kWCiting,
  kWContradict,  // contradict, contradicts, contradicted, contradicting
  kWReflect,     // reflect, reflects, reflecting
  kWTrue,
  kWFalse,
  kWWords,  // "in X's words"
};

struct LexEntry {
  char word[kMaxWord + 1] = {};
  uint8_t len = 0;
  uint8_t vcls = kVNone;
  uint8_t vflags = 0;
  uint8_t wid = kWNone;
  uint32_t flags = 0;
};

struct IdGroup {
  const char* words;
  WordId id;
};

const IdGroup kIdGroups[] = {
    {"according", kWAccording},
    {"in", kWIn},
    {"citing", kWCiting},
    {"contradict contradicts contradicted contradicting", kWContradict},
    {"reflect reflects reflected reflecting", kWReflect},
    {"true", kWTrue},
    {"false", kWFalse},
    {"words", kWWords},
};

struct WordGroup {
  const char* words;  // space-separated, lower case
  uint32_t flags;
};

struct VerbGroup {
  const char* words;
  VerbClass cls;
  uint8_t vflags;
};

const WordGroup kWordGroups[] = {
    {"is are was were be been being am", kFStop | kFCopula},
    {"has have had", kFStop | kFAux},
    {"will would shall should can could may might must do does did",
     kFStop | kFModal},
    {"to that which who whom whose what when where while whereas because "
     "since if unless although though but or nor so than as not after "
     "before until how why whether despite during amid via without unlike "
     "besides",
     kFStop},
    {"which who whom whose what", kFRelative},
    {"and but", kFConj},
    {"and but although though while whereas as so yet or", kFCut},
    {"not never", kFNeg},
    {"also again repeatedly reportedly officially publicly previously "
     "recently earlier later then now once further likewise similarly too "
     "already still meanwhile subsequently separately immediately today "
     "yesterday tonight overnight allegedly explicitly firmly categorically "
     "strongly flatly swiftly quickly promptly formally openly",
     kFAdverb},
    {"monday tuesday wednesday thursday friday saturday sunday january "
     "february march april may june july august september october november "
     "december jan feb mar apr jun jul aug sep sept oct nov dec week weeks "
     "month months year years day days morning evening night afternoon "
     "weekend hour hours minutes ago occasions occasion time times",
     kFTime},
    {"on in at late early last this next earlier later during overnight "
     "past",
     kFTimeLead},
    {"one two three four five six seven eight nine ten several few "
     "numerous many",
     kFNumber},
    {"the a an this these those its his her their our my your some any no "
     "every each such both another all many several",
     kFDet},
    {"he she it they we i you", kFPronoun},
    {"ministry ministries agency agencies department government governments "
     "authorities authority side sides source sources media official "
     "officials spokesman spokeswoman spokesperson spokespeople office "
     "service embassy president minister leader leaders leadership expert "
     "experts analyst analysts commander commanders command military army "
     "forces police residents witnesses correspondent correspondents "
     "reporter reporters council committee parliament deputy deputies "
     "secretary ambassador envoy mission observers monitors statement "
     "statements newspaper outlet channel website people parties party "
     "administration staff headquarters diplomat diplomats politician "
     "politicians researcher researchers commentator commentators journalist "
     "journalists press representative representatives chief head lawmaker "
     "lawmakers member members service spokesmen sources governor mayor "
     "general colonel officer officers soldier soldiers villagers witness "
     "prosecutor court broadcaster ombudsman premier chairman",
     kFSpeaker},
    {"media people police military staff press personnel", kFPlural},
    {"statement statements version versions account accounts report reports "
     "claim claims allegation allegations accusation accusations information "
     "assertion assertions words remarks comments news thesis narrative "
     "story stories data interpretation charge charges rumor rumors rumour "
     "rumours figures message denial reporting",
     kFStatement},
    {"statement communique message note announcement report "
     "denial release post",
     kFStatementHead},
    {"version versions", kFVersion},
    {"absurd lies lie fake provocation provocative disinformation nonsense "
     "false groundless baseless untrue slander slanderous propaganda "
     "fabrication fabrications fabricated fiction hoax falsehood "
     "falsification one-sided biased distorted unfounded misleading "
     "ridiculous invented lies",
     kFLabel},
    {"one-sided contradict contradicts contradicted contradicting unfounded "
     "hypocrisy hypocritical manipulation manipulations manipulative "
     "distorted distortion distorts distorting biased misleading "
     "misrepresent misrepresents misrepresented misrepresentation",
     kFDispute},
    {"disinformation groundless baseless untrue fabricated fabrication "
     "fabrications falsehood hoax fake slander slanderous denial",
     kFDeny},
    {"lie lies lying liar liars disinformation falsification falsifying "
     "falsified fake fabricating fabrication fabricated manipulation "
     "manipulating distorting distortion misleading misinformation deceiving "
     "deception",
     kFLying},
    {"on in at after before during despite however meanwhile later earlier "
     "then subsequently also thus still yet now today yesterday following as "
     "when while although though if since because for with without by under "
     "from to according last this over amid against unlike like besides "
     "moreover furthermore instead",
     kFIntro},
    {"with in at on for from by after during despite including among under "
     "without amid via through against",
     kFPrep},
    {"and but then also so thus yet still however meanwhile earlier later "
     "now subsequently previously recently again once finally instead "
     "moreover furthermore besides indeed",
     kFLead},
    {"truth reality facts", kFTruth},
    {"issued released published made posted circulated spread sent put "
     "distributed",
     kFPublish},
};

const VerbGroup kVerbGroups[] = {
    {"say claim announce assert add", kVSay, kVBase},
    {"state stress note", kVSay, kVBase | kVNoun},
    {"says announces adds explains insists warns declares emphasizes "
     "emphasises underlines",
     kVSay, kVInvert},
    {"stresses notes states", kVSay, kVInvert | kVNoun},
    {"claims demands urges comments", kVSay, kVNoun},
    {"said", kVSay, kVInvert | kVPassive},
    {"claimed announced stated alleged believed", kVSay, kVPassive},
    {"announced stated", kVSay, kVInvert | kVPassive},
    {"stressed noted added explained insisted warned declared emphasized "
     "emphasised underlined underscored asserted argued affirmed assured "
     "reiterated clarified specified mentioned informed vowed pledged "
     "urged demanded predicted recalled commented",
     kVSay, kVInvert},
    {"alleges asserts argues affirms assures reiterates underscores believes "
     "mentions",
     kVSay, 0},
    {"explain insist warn declare emphasize emphasise underline underscore "
     "argue affirm assure believe reiterate mention urge demand allege",
     kVSay, kVBase},
    {"saying adding noting stressing warning insisting claiming stating "
     "explaining emphasizing emphasising arguing alleging asserting "
     "announcing reiterating",
     kVSay, kVParticiple},
    {"report", kVSay, kVPublish | kVBase | kVNoun},
    {"reports", kVSay, kVPublish | kVNoun | kVInvert},
    {"reported", kVSay, kVPublish | kVInvert | kVPassive},
    {"write", kVSay, kVPublish | kVBase},
    {"writes wrote", kVSay, kVPublish | kVInvert},
    {"tell", kVTell, kVBase},
    {"tells told", kVTell, 0},
    {"deny", kVDeny, kVBase},
    {"denies", kVDeny, 0},
    {"denied", kVDeny, kVPassive},
    {"denying", kVDeny, kVParticiple},
    {"reject refute dismiss rebuff", kVRefute, kVBase},
    {"rejects rejected refutes refuted dismisses dismissed rebuffed rebuffs",
     kVRefute, 0},
    {"rejecting refuting dismissing", kVRefute, kVParticiple},
    {"dispute contest", kVDispute, kVBase | kVNoun},
    {"disputes contests", kVDispute, kVNoun},
    {"disputed contested contradicted contradicts", kVDispute, 0},
    {"confirm acknowledge admit concede", kVConfirm, kVBase},
    {"confirms acknowledges admits concedes acknowledged admitted conceded",
     kVConfirm, 0},
    {"confirmed", kVConfirm, kVPassive},
    {"confirming acknowledging admitting", kVConfirm, kVParticiple},
    {"call", kVCall, kVBase | kVNoun},
    {"calls", kVCall, kVNoun},
    {"called", kVCall, 0},
    {"calling", kVCall, kVParticiple},
    {"describe characterise characterize", kVDescribe, kVBase},
    {"describes described characterises characterised characterizes "
     "characterized labelled labeled branded termed",
     kVDescribe, 0},
    {"describing characterising characterizing", kVDescribe, kVParticiple},
    {"accuse", kVAccuse, kVBase},
    {"accuses accused", kVAccuse, 0},
    {"accusing", kVAccuse, kVParticiple},
};

// Byte classes, and the lexicon's case folding (0: not a lexicon byte).
struct CharTables {
  bool alnum[256] = {};
  char fold[256] = {};
};

constexpr CharTables MakeCharTables() {
  CharTables t;
  for (int c = 0; c < 256; ++c) {
    const bool lower = c >= 'a' && c <= 'z';
    const bool upper = c >= 'A' && c <= 'Z';
    t.alnum[c] = lower || upper || (c >= '0' && c <= '9');
    if (lower || c == '-' || c == '\'') t.fold[c] = static_cast<char>(c);
    if (upper) t.fold[c] = static_cast<char>(c + ('a' - 'A'));
  }
  return t;
}

constexpr CharTables kChars = MakeCharTables();

bool IsAlnum(char c) { return kChars.alnum[static_cast<uint8_t>(c)]; }

// An open-addressing table of the words above: a dense entry array and a
// small index, so a lookup touches two cache lines at most.
class Lexicon {
 public:
  Lexicon() {
    entries_.reserve(1024);
    for (const WordGroup& g : kWordGroups) {
      ForEachWord(g.words,
                  [&](std::string_view w) { Insert(w)->flags |= g.flags; });
    }
    for (const VerbGroup& g : kVerbGroups) {
      ForEachWord(g.words, [&](std::string_view w) {
        LexEntry* e = Insert(w);
        e->vcls = g.cls;
        e->vflags = g.vflags;
      });
    }
    for (const IdGroup& g : kIdGroups) {
      ForEachWord(g.words, [&](std::string_view w) { Insert(w)->wid = g.id; });
    }
    for (const LexEntry& e : entries_) {
      const size_t k = FilterKey(e.len, e.word[0], e.len > 1 ? e.word[1] : 0);
      filter_[k / 64] |= uint64_t{1} << (k % 64);
      if (OpensStatement(e)) trigger_filter_[k / 64] |= uint64_t{1} << (k % 64);
    }
  }

  // Whether `word` (any bytes) is a word an attribution can start from: a
  // speech verb, "according", "citing", or "words" ("in X's words"). Any
  // case, although a verb is only read as one in lower case.
  bool OpensStatement(std::string_view word) const {
    if (word.empty() || word.size() > kMaxWord) return false;
    const char c0 = kChars.fold[static_cast<uint8_t>(word[0])];
    const char c1 =
        word.size() > 1 ? kChars.fold[static_cast<uint8_t>(word[1])] : 0;
    if (c0 == 0 || (word.size() > 1 && c1 == 0)) return false;
    const size_t k = FilterKey(word.size(), c0, c1);
    if (!(trigger_filter_[k / 64] >> (k % 64) & 1)) return false;
    const LexEntry* e = Find(word);
    return e != nullptr && OpensStatement(*e);
  }

  // The entry for `word` (ASCII letters, '-' and '\'', any case), or
  // nullptr.
  const LexEntry* Find(std::string_view word) const {
    if (word.empty() || word.size() > kMaxWord) return nullptr;
    // Most words of a text are in no entry: a bit set of the entries'
    // (length, first two letters) rejects most of those before hashing.
    // A word with a byte that does not fold is in no entry either.
    {
      const char c0 = kChars.fold[static_cast<uint8_t>(word[0])];
      const char c1 =
          word.size() > 1 ? kChars.fold[static_cast<uint8_t>(word[1])] : 0;
      if (c0 == 0 || (word.size() > 1 && c1 == 0)) return nullptr;
      const size_t k = FilterKey(word.size(), c0, c1);
      if (!(filter_[k / 64] >> (k % 64) & 1)) return nullptr;
    }
    // The folded word, zero-padded like LexEntry::word, so that it is
    // hashed and compared a machine word at a time.
    char buf[sizeof(LexEntry::word)] = {};
    for (size_t i = 0; i < word.size(); ++i) {
      const char c = kChars.fold[static_cast<uint8_t>(word[i])];
      if (c == 0) return nullptr;
      buf[i] = c;
    }
    for (size_t slot = Hash(buf, word.size());;
         slot = (slot + 1) & (kSlots - 1)) {
      const uint16_t idx = index_[slot];
      if (idx == 0) return nullptr;
      const LexEntry& e = entries_[idx - 1];
      if (e.len == word.size() && std::memcmp(e.word, buf, sizeof(buf)) == 0) {
        return &e;
      }
    }
  }

 private:
  static constexpr size_t kSlots = 4096;  // a power of two, > 4x the words
  static constexpr size_t kFilterBits = 8192;

  // The filter bit of a folded word of `len` bytes starting `c0` `c1` (0
  // for a one-letter word).
  static size_t FilterKey(size_t len, char c0, char c1) {
    const uint32_t x = static_cast<uint32_t>(len) * 0x9E3779B1u ^
                       static_cast<uint8_t>(c0) * 0x85EBCA6Bu ^
                       static_cast<uint8_t>(c1) * 0xC2B2AE35u;
    return (x >> 13) & (kFilterBits - 1);
  }

  template <typename F>
  static void ForEachWord(const char* words, F f) {
    std::string_view s(words);
    size_t b = 0;
    while (b < s.size()) {
      size_t e = s.find(' ', b);
      if (e == std::string_view::npos) e = s.size();
      if (e > b) f(s.substr(b, e - b));
      b = e + 1;
    }
  }

  // The slot of a word of `len` bytes held zero-padded in `w` (as
  // LexEntry::word holds it): three multiplies instead of one per byte.
  static size_t Hash(const char (&w)[sizeof(LexEntry::word)], size_t len) {
    static_assert(sizeof(LexEntry::word) == 24);
    uint64_t x[3];
    std::memcpy(x, w, sizeof(x));
    uint64_t h = (x[0] * 0x9E3779B97F4A7C15u) ^ (x[1] * 0xC2B2AE3D27D4EB4Fu) ^
                 (x[2] * 0x165667B19E3779F9u) ^ len;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9u;
    return static_cast<size_t>(h >> 40) & (kSlots - 1);
  }

  LexEntry* Insert(std::string_view w) {
    char padded[sizeof(LexEntry::word)] = {};
    std::copy(w.begin(), w.end(), padded);
    for (size_t slot = Hash(padded, w.size());;
         slot = (slot + 1) & (kSlots - 1)) {
      const uint16_t idx = index_[slot];
      if (idx == 0) {
        LexEntry e;
        std::copy(w.begin(), w.end(), e.word);
        e.len = static_cast<uint8_t>(w.size());
        entries_.push_back(e);
        index_[slot] = static_cast<uint16_t>(entries_.size());
        return &entries_.back();
      }
      LexEntry& e = entries_[idx - 1];
      if (std::string_view(e.word, e.len) == w) return &e;
    }
  }

  static bool OpensStatement(const LexEntry& e) {
    return e.vcls != kVNone || e.wid == kWAccording || e.wid == kWCiting ||
           e.wid == kWWords;
  }

  std::vector<LexEntry> entries_;
  std::array<uint16_t, kSlots> index_ = {};
  std::array<uint64_t, kFilterBits / 64> filter_ = {};
  // The same bits for the words OpensStatement accepts.
  std::array<uint64_t, kFilterBits / 64> trigger_filter_ = {};
};

const Lexicon& Lex() {
  static const Lexicon* lexicon = new Lexicon();
  return *lexicon;
}

// ------------------------------------------------------------------ tokens

enum TokType : uint8_t {
  kWord,
  kComma,
  kColon,
  kSemi,
  kTerm,   // . ! ? … ending a sentence
  kDot,    // the same inside a sentence ("U.S." "Gen.")
  kOpenQ,  // paired quotation marks
  kCloseQ,
  kApos,  // a single quote that pairs with nothing: an apostrophe
  kDash,
  kParenOpen,
  kParenClose,
  kMark,  // a quotation mark before pairing
  kOther,
};

enum Mark : uint8_t {
  kNoMark,
  kMOpenDbl,      // “
  kMCloseDbl,     // ”
  kMLowDbl,       // „
  kMStraightDbl,  // "
  kMGuilOpen,     // «
  kMGuilClose,    // »
  kMOpenSgl,      // ‘
  kMCloseSgl,     // ’
  kMStraightSgl,  // '
};

struct Tok {
  uint32_t b = 0;
  uint32_t e = 0;
  uint32_t flags = 0;
  int32_t quote = -1;  // the quotation this token is inside or delimits
  TokType type = kOther;
  Mark mark = kNoMark;
  uint8_t vcls = kVNone;
  uint8_t vflags = 0;
  uint8_t wid = kWNone;
  bool cap = false;    // starts with A-Z or a non-ASCII character
  bool lower = false;  // starts with a-z
};

struct Quote {
  int open = 0;
  int close = -1;   // -1: runs to the end of the paragraph
  uint32_t cb = 0;  // the words inside, trimmed, a final ',' dropped
  uint32_t ce = 0;
};

uint8_t U8(std::string_view t, size_t p) { return static_cast<uint8_t>(t[p]); }

size_t Utf8Len(uint8_t lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF8) return 4;
  return 1;
}

// Bytes of the character at `p`: its lead byte and the continuation bytes
// that follow it, so a broken sequence never swallows a space.
size_t CharLen(std::string_view t, size_t p, size_t end) {
  const size_t n = Utf8Len(U8(t, p));
  size_t k = 1;
  while (k < n && p + k < end && (U8(t, p + k) & 0xC0) == 0x80) ++k;
  return k;
}

// A speech-attribution candidate within one unit (a group of sentences no
// quotation crosses).
struct Cand {
  Attribution::Kind kind = Attribution::kReportedSpeech;
  uint8_t vcls = kVSay;
  bool negated = false;
  int verb_tok = -1;         // -1: none of its own (continued quotation)
  std::string_view verb;     // as written
  uint32_t sb = 0, se = 0;   // speaker bytes
  bool own_speaker = false;  // the speaker is part of the statement
  int quote = -1;            // the content is this quotation's words ...
  int ctb = 0, cte = 0;      // ... else these tokens
  int stb = 0, ste = 0;      // statement tokens
  int cut = 0;               // where its own words start
  bool cuttable = false;     // content runs right to the next candidate
  int cue_b = 0, cue_e = 0;  // extra tokens read for stance cues
};

// A speaker a later quotation may continue.
struct Carry {
  bool valid = false;
  uint32_t sb = 0, se = 0;
  std::string verb;
  uint8_t vcls = kVSay;
};

constexpr int kMaxSubjectWords = 14;

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<Attribution>* out)
      : t_(text), out_(out) {}

  // Reads one paragraph [pb, pe) whose sentences are `sents[0..n)`.
  void Paragraph(size_t pb, size_t pe, const Span* sents, size_t n);

 private:
  // Tokens.
  bool MayAttribute(size_t pb, size_t pe) const;
  void Tokenize(size_t pb, size_t pe);
  void PairQuotes(size_t pe);
  bool WordCharAt(size_t p, size_t end) const;
  bool SingleOpener(int i, size_t pb, size_t pe) const;
  bool SingleCloser(int i, size_t pb, size_t pe) const;
  std::string_view Text(int i) const {
    return t_.substr(toks_[i].b, toks_[i].e - toks_[i].b);
  }
  bool Is(int i, std::string_view w) const {
    return toks_[i].type == kWord && EqualsIgnoreCase(Text(i), w);
  }
  bool Has(int i, uint32_t f) const {
    return toks_[i].type == kWord && (toks_[i].flags & f);
  }
  bool EndsNt(int i) const;
  bool IsNumber(int i) const {
    return toks_[i].type == kWord && IsAsciiDigit(t_[toks_[i].b]);
  }
  bool Outside(int i) const { return toks_[i].quote < 0; }
  // A capitalised word that is not a capitalised function word ("The",
  // "However", "Sunday").
  bool Named(int i) const {
    return toks_[i].type == kWord && toks_[i].cap &&
           !(toks_[i].flags &
             (kFDet | kFStop | kFLead | kFIntro | kFPronoun | kFTime));
  }
  bool Possessive(int i) const {
    std::string_view w = Text(i);
    return toks_[i].type == kWord && (EndsWithIgnoreCase(w, "'s") ||
                                      EndsWithIgnoreCase(w, "\xE2\x80\x99s"));
  }
  bool IsClauseVerb(int i) const {
    return toks_[i].type == kWord && toks_[i].lower &&
           toks_[i].vcls != kVNone && !(toks_[i].vflags & kVNoun);
  }

  // Units.
  void Unit(int ub, int ue);
  void HandleVerb(int v, int ub, int ue);
  void HandleParticiple(int v, int ub, int ue);
  void HandleAccording(int a, int ub, int ue);
  void HandleInWords(int a, int ue);
  void HandleCiting(int c, int ub, int ue);
  void Attribute(int v, int left, int ub, int ue, uint8_t vcls, uint8_t vf);
  bool TryInverted(int v, int i, int ub, int ue, uint8_t vcls, uint8_t vf);
  int SkipLeft(int i, int ub, bool base, bool* negated, bool* modal) const;
  int TimePhraseStart(int i, int ub) const;
  int BracketedAdverbial(int i, int ub) const;
  int SkipRight(int k, int ue) const;
  int WalkSubject(int i, int ub) const;
  bool SimpleConjunct(int j, int ub, int* start) const;
  bool Appositive(int i, int ub, int* first, int* last) const;
  bool ValidSubject(int b, int e, uint8_t vf, bool modal) const;
  bool Inherit(int v, int ub, Cand* c) const;
  int TrailingRest(int v, int ue, uint8_t vcls) const;
  int ContentEnd(int k, int ue, int* colon_quote) const;
  bool QuoteOpensUnit(int q, int ub) const;
  bool TakeQuoteBefore(int at, int ub, Cand* c) const;
  bool QuoteEndsUnit(int q, int ue) const;
  bool HasLabelOrQuote(int k, int ue) const;
  void SpeakerFirst(Cand c, int k, int ue);
  void AddQuoteCand(const Cand& like, int q, bool own_speaker);
  bool PluralLooking(int i) const;
  void Finish(int ue);
  void Emit(const Cand& c, int ue);
  Attribution::Stance ComputeStance(const Cand& c, int cb, int ce, int rb,
                                    int re, uint32_t* tb, uint32_t* te) const;
  bool Object(int k, int re, bool skip_as, bool stop_at_label, uint32_t* tb,
              uint32_t* te) const;
  bool ContentSubject(int cue, int cb, uint32_t* tb, uint32_t* te) const;

  std::string_view t_;
  std::vector<Attribution>* out_;
  std::vector<Tok> toks_;
  std::vector<Quote> quotes_;
  std::vector<Cand> cands_;
  std::vector<std::pair<int, int>> sent_toks_;  // per sentence: tokens
  Carry carry_;                                 // from the paragraph before
  Carry unit_carry_;             // a direct quotation in the unit just read
  uint8_t last_vcls_ = kVSay;    // verb class of the last attribution emitted
  Carry para_last_;              // the last attribution of this paragraph
  bool para_last_open_ = false;  // ... and it quotes an unclosed quotation
  int para_last_unit_end_ = -1;  // ... found in the unit ending here
  const Lexicon& lex_ = Lex();
};

// ---------------------------------------------------------- tokenisation

bool Scanner::WordCharAt(size_t p, size_t end) const {
  if (p >= end) return false;
  char c = t_[p];
  if (IsAlnum(c)) return true;
  uint8_t u = U8(t_, p);
  if (u < 0x80) return false;
  if (u == 0xC2) return false;  // U+0080..U+00BF
  if (u == 0xE2 && p + 1 < end) {
    uint8_t v = U8(t_, p + 1);
    if (v <= 0x83 || (v >= 0x94 && v <= 0x9F)) return false;  // punctuation
  }
  if (u == 0xE3 && p + 1 < end && U8(t_, p + 1) == 0x80) return false;
  if (u == 0xEF && p + 2 < end && U8(t_, p + 1) == 0xBB &&
      U8(t_, p + 2) == 0xBF) {
    return false;  // BOM
  }
  return u >= 0xC3;
}

bool Scanner::EndsNt(int i) const {
  std::string_view w = Text(i);
  return toks_[i].type == kWord && (EndsWithIgnoreCase(w, "n't") ||
                                    EndsWithIgnoreCase(w, "n\xE2\x80\x99t"));
}

// Bytes MayAttribute looks at: ASCII letters, and the bytes that start a
// quotation mark (" ' and the lead bytes of the UTF-8 marks).
enum : uint8_t { kScanOther, kScanLetter, kScanMark };
constexpr std::array<uint8_t, 256> kScanClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) t[c] = kScanLetter;
  }
  t['"'] = t['\''] = t[0xC2] = t[0xE2] = kScanMark;
  return t;
}();

// Every attribution comes from a quotation mark or from a word token that
// OpensStatement accepts (Unit and the bare-quotation rule in Paragraph
// start from nothing else). Such a word is all ASCII letters, and a word
// token never has a letter just before or after it, so it is a maximal run
// of letters here: looking up every run finds it. False only when
// [pb, pe) holds neither.
bool Scanner::MayAttribute(size_t pb, size_t pe) const {
  const auto* s = reinterpret_cast<const uint8_t*>(t_.data());
  size_t i = pb;
  while (i < pe) {
    const uint8_t cls = kScanClass[s[i]];
    if (cls == kScanOther) {
      ++i;
      continue;
    }
    if (cls == kScanLetter) {
      const size_t b = i;
      i = EndOfAsciiLetters(std::string_view(t_.data(), pe), i + 1);
      if (lex_.OpensStatement(t_.substr(b, i - b))) return true;
      continue;
    }
    // A mark: " ' “ ” „ ‘ ’ (E2 80 98..9E), « » (C2 AB, C2 BB); a
    // sequence cut by `pe` counts as one.
    if (s[i] == '"' || s[i] == '\'') return true;
    if (i + 1 >= pe) return true;
    if (s[i] == 0xC2 && (s[i + 1] == 0xAB || s[i + 1] == 0xBB)) return true;
    if (s[i] == 0xE2 && s[i + 1] == 0x80 &&
        (i + 2 >= pe || (s[i + 2] >= 0x98 && s[i + 2] <= 0x9E))) {
      return true;
    }
    ++i;
  }
  return false;
}

void Scanner::Tokenize(size_t pb, size_t pe) {
  toks_.clear();
  size_t i = pb;
  auto push = [&](size_t b, size_t e, TokType type, Mark mark) {
    // Built in place: a Tok assembled on the stack and then copied stalls
    // on store forwarding (its fields are written narrow, read wide).
    Tok& tok = toks_.emplace_back();
    tok.b = static_cast<uint32_t>(b);
    tok.e = static_cast<uint32_t>(e);
    tok.type = type;
    tok.mark = mark;
  };
  while (i < pe) {
    char c = t_[i];
    uint8_t u = U8(t_, i);
    if (IsAsciiSpace(c)) {
      ++i;
      continue;
    }
    if (u == 0xC2 && i + 1 < pe && U8(t_, i + 1) == 0xA0) {  // NBSP
      i += 2;
      continue;
    }
    if (u == 0xEF && i + 2 < pe && U8(t_, i + 1) == 0xBB &&
        U8(t_, i + 2) == 0xBF) {  // BOM
      i += 3;
      continue;
    }
    if (WordCharAt(i, pe)) {
      size_t b = i;
      const std::string_view para(t_.data(), pe);
      while (i < pe) {
        i = EndOfAsciiAlnum(para, i);
        if (i >= pe) break;
        if (WordCharAt(i, pe)) {
          i += CharLen(t_, i, pe);
          continue;
        }
        char d = t_[i];
        const bool prev_alpha =
            IsAsciiAlpha(t_[i - 1]) || U8(t_, i - 1) >= 0x80;
        const bool prev_digit = IsAsciiDigit(t_[i - 1]);
        // An apostrophe between letters: "Russia's", "didn’t".
        size_t apos = 0;
        if (d == '\'') apos = 1;
        if (i + 3 <= pe && U8(t_, i) == 0xE2 && U8(t_, i + 1) == 0x80 &&
            U8(t_, i + 2) == 0x99) {
          apos = 3;
        }
        if (apos && prev_alpha && i + apos < pe && IsAsciiAlpha(t_[i + apos])) {
          i += apos;
          continue;
        }
        if ((d == '-' || d == '/' || d == '&') && i + 1 < pe &&
            WordCharAt(i + 1, pe)) {
          ++i;
          continue;
        }
        if (d == '.' && prev_alpha && i + 1 < pe && IsAsciiAlpha(t_[i + 1])) {
          ++i;  // "U.S", "Korrespondent.net"
          continue;
        }
        if ((d == ',' || d == '.' || d == ':') && prev_digit && i + 1 < pe &&
            IsAsciiDigit(t_[i + 1])) {
          ++i;  // "6.5", "10,000", "00:05"
          continue;
        }
        break;
      }
      push(b, i, kWord, kNoMark);
      Tok& tok = toks_.back();
      char first = t_[b];
      tok.cap = (first >= 'A' && first <= 'Z') || U8(t_, b) >= 0x80;
      tok.lower = first >= 'a' && first <= 'z';
      if (const LexEntry* e = lex_.Find(t_.substr(b, i - b))) {
        tok.flags = e->flags;
        tok.wid = e->wid;
        if (tok.lower) {
          tok.vcls = e->vcls;
          tok.vflags = e->vflags;
        }
      }
      continue;
    }
    // Punctuation.
    if (c == '.' || c == '!' || c == '?' ||
        (u == 0xE2 && i + 2 < pe && U8(t_, i + 1) == 0x80 &&
         U8(t_, i + 2) == 0xA6)) {
      size_t b = i;
      while (i < pe) {
        if (t_[i] == '.' || t_[i] == '!' || t_[i] == '?') {
          ++i;
        } else if (i + 2 < pe && U8(t_, i) == 0xE2 && U8(t_, i + 1) == 0x80 &&
                   U8(t_, i + 2) == 0xA6) {
          i += 3;
        } else {
          break;
        }
      }
      push(b, i, kTerm, kNoMark);
      continue;
    }
    TokType type = kOther;
    Mark mark = kNoMark;
    const size_t len = CharLen(t_, i, pe);
    switch (c) {
      case ',':
        type = kComma;
        break;
      case ':':
        type = kColon;
        break;
      case ';':
        type = kSemi;
        break;
      case '(':
      case '[':
        type = kParenOpen;
        break;
      case ')':
      case ']':
        type = kParenClose;
        break;
      case '"':
        type = kMark;
        mark = kMStraightDbl;
        break;
      case '\'':
        type = kMark;
        mark = kMStraightSgl;
        break;
      case '-':
        type = kDash;
        break;
      default:
        break;
    }
    if (len == 3 && u == 0xE2 && U8(t_, i + 1) == 0x80) {
      switch (U8(t_, i + 2)) {
        case 0x9C:
          type = kMark;
          mark = kMOpenDbl;
          break;
        case 0x9D:
          type = kMark;
          mark = kMCloseDbl;
          break;
        case 0x9E:
          type = kMark;
          mark = kMLowDbl;
          break;
        case 0x98:
          type = kMark;
          mark = kMOpenSgl;
          break;
        case 0x99:
          type = kMark;
          mark = kMCloseSgl;
          break;
        case 0x93:
        case 0x94:
          type = kDash;
          break;
        default:
          break;
      }
    } else if (len == 2 && u == 0xC2) {
      if (U8(t_, i + 1) == 0xAB) {
        type = kMark;
        mark = kMGuilOpen;
      } else if (U8(t_, i + 1) == 0xBB) {
        type = kMark;
        mark = kMGuilClose;
      }
    }
    push(i, i + len, type, mark);
    i += len;
  }
}

bool Scanner::SingleOpener(int i, size_t pb, size_t pe) const {
  const Tok& k = toks_[i];
  if (!WordCharAt(k.e, pe)) return false;
  if (k.mark == kMOpenSgl) return true;
  if (k.b == pb) return true;
  char p = t_[k.b - 1];
  return IsAsciiSpace(p) || p == '(' || p == '[' || p == '"' ||
         (U8(t_, k.b - 1) >= 0x80 && !WordCharAt(k.b - 1, pe));
}

bool Scanner::SingleCloser(int i, size_t pb, size_t pe) const {
  const Tok& k = toks_[i];
  if (k.mark != kMCloseSgl && k.mark != kMStraightSgl) return false;
  if (k.b == pb || IsAsciiSpace(t_[k.b - 1])) return false;
  return !WordCharAt(k.e, pe);
}

void Scanner::PairQuotes(size_t pe) {
  quotes_.clear();
  const size_t pb = toks_.empty() ? 0 : toks_[0].b;
  int open = -1;
  Mark open_mark = kNoMark;
  int sgl = -1;
  auto close_quote = [&](int o, int c) {
    Quote q;
    q.open = o;
    q.close = c;
    toks_[o].type = kOpenQ;
    if (c >= 0) toks_[c].type = kCloseQ;
    quotes_.push_back(q);
  };
  const int n = static_cast<int>(toks_.size());
  for (int i = 0; i < n; ++i) {
    if (toks_[i].type != kMark) continue;
    const Mark m = toks_[i].mark;
    const bool dbl = m != kMOpenSgl && m != kMCloseSgl && m != kMStraightSgl;
    if (open >= 0) {
      bool closes = false;
      if (dbl) {
        switch (open_mark) {
          case kMOpenDbl:  // a second “ is a typo for ”
            closes = m == kMCloseDbl || m == kMOpenDbl || m == kMStraightDbl;
            break;
          case kMLowDbl:
            closes = m == kMOpenDbl || m == kMCloseDbl || m == kMStraightDbl;
            break;
          case kMGuilOpen:
            closes = m == kMGuilClose;
            break;
          default:  // straight
            closes = m == kMStraightDbl || m == kMCloseDbl;
            break;
        }
      }
      if (closes) {
        close_quote(open, i);
        open = -1;
      } else {
        toks_[i].type = dbl ? kOther : kApos;
      }
      continue;
    }
    if (sgl >= 0) {
      if (!dbl) {
        if (SingleCloser(i, pb, pe)) {
          close_quote(sgl, i);
          sgl = -1;
        } else if (SingleOpener(i, pb, pe)) {
          toks_[sgl].type = kApos;
          sgl = i;
        } else {
          toks_[i].type = kApos;
        }
        continue;
      }
      toks_[sgl].type = kApos;  // a double mark: that was no quotation
      sgl = -1;
    }
    if (dbl) {
      if (m == kMOpenDbl || m == kMLowDbl || m == kMGuilOpen ||
          m == kMStraightDbl) {
        open = i;
        open_mark = m;
      } else {
        toks_[i].type = kOther;  // a closing mark with nothing open
      }
    } else if (SingleOpener(i, pb, pe)) {
      sgl = i;
    } else {
      toks_[i].type = kApos;
    }
  }
  if (sgl >= 0) toks_[sgl].type = kApos;
  if (open >= 0) close_quote(open, -1);
  // Quotations were pushed in order of their closing; sort by opening.
  std::sort(quotes_.begin(), quotes_.end(),
            [](const Quote& a, const Quote& b) { return a.open < b.open; });
  for (size_t q = 0; q < quotes_.size(); ++q) {
    Quote& qt = quotes_[q];
    const int end = qt.close >= 0 ? qt.close + 1 : n;
    for (int i = qt.open; i < end; ++i) toks_[i].quote = static_cast<int>(q);
    size_t cb = toks_[qt.open].e;
    size_t ce = qt.close >= 0 ? toks_[qt.close].b : pe;
    while (cb < ce && IsAsciiSpace(t_[cb])) ++cb;
    while (ce > cb && IsAsciiSpace(t_[ce - 1])) --ce;
    if (ce > cb && t_[ce - 1] == ',') --ce;
    while (ce > cb && IsAsciiSpace(t_[ce - 1])) --ce;
    qt.cb = static_cast<uint32_t>(cb);
    qt.ce = static_cast<uint32_t>(ce);
  }
}

// ------------------------------------------------------------- paragraphs

void Scanner::Paragraph(size_t pb, size_t pe, const Span* sents, size_t n) {
  if (!MayAttribute(pb, pe)) {
    carry_ = Carry();  // as a paragraph without attributions leaves it
    return;
  }
  Tokenize(pb, pe);
  PairQuotes(pe);
  unit_carry_ = Carry();
  para_last_ = Carry();
  para_last_open_ = false;
  para_last_unit_end_ = -1;
  const int nt = static_cast<int>(toks_.size());
  // Sentence ends: a terminal inside a sentence is a kDot.
  int ti = 0;
  std::vector<std::pair<int, int>>& sent_toks = sent_toks_;
  sent_toks.clear();
  for (size_t s = 0; s < n; ++s) {
    while (ti < nt && toks_[ti].b < sents[s].begin) ++ti;
    int tb = ti;
    while (ti < nt && toks_[ti].b < sents[s].end) ++ti;
    int te = ti;
    int last = te - 1;
    while (last >= tb &&
           (toks_[last].mark != kNoMark || toks_[last].type == kParenClose)) {
      --last;
    }
    for (int k = tb; k < te; ++k) {
      if (toks_[k].type == kTerm && k != last) toks_[k].type = kDot;
    }
    if (te > tb) sent_toks.emplace_back(tb, te);
  }
  // Units: sentences grouped so that no quotation is cut.
  bool first_unit = true;
  for (size_t s = 0; s < sent_toks.size();) {
    int ub = sent_toks[s].first;
    int ue = sent_toks[s].second;
    ++s;
    for (int k = ub; k < ue; ++k) {
      if (toks_[k].type != kOpenQ) continue;
      const Quote& q = quotes_[toks_[k].quote];
      int need = q.close >= 0 ? q.close + 1 : nt;
      while (need > ue && s < sent_toks.size()) ue = sent_toks[s++].second;
    }
    cands_.clear();
    Unit(ub, ue);
    // A bare quotation continues the last quoted speaker.
    if (cands_.empty() && toks_[ub].type == kOpenQ) {
      const int q = toks_[ub].quote;
      const Carry& from = first_unit ? carry_ : unit_carry_;
      if (from.valid && QuoteEndsUnit(q, ue)) {
        Cand c;
        c.kind = Attribution::kDirectQuote;
        c.vcls = from.vcls;
        c.verb = from.verb;
        c.sb = from.sb;
        c.se = from.se;
        AddQuoteCand(c, q, false);
      }
    }
    const size_t before = out_->size();
    Finish(ue);
    first_unit = false;
    // Only the unit right after a quoted speaker may continue it.
    unit_carry_ = Carry();
    if (out_->size() > before) {
      const Attribution& last = out_->back();
      if (last.kind == Attribution::kDirectQuote &&
          last.speaker_end > last.speaker_begin) {
        unit_carry_.valid = true;
        unit_carry_.sb = last.speaker_begin;
        unit_carry_.se = last.speaker_end;
        unit_carry_.verb = last.verb;
        unit_carry_.vcls = last_vcls_;
      }
    }
  }
  // What the next paragraph may continue: a lead-in ending in ':' or a
  // quotation left open.
  const bool colon = nt > 0 && toks_[nt - 1].type == kColon && Outside(nt - 1);
  if (para_last_.valid &&
      ((colon && para_last_unit_end_ == nt) || para_last_open_)) {
    carry_ = para_last_;
  } else {
    carry_ = Carry();
  }
}

// ------------------------------------------------------------------ units

void Scanner::Unit(int ub, int ue) {
  for (int i = ub; i < ue; ++i) {
    const Tok& k = toks_[i];
    if (k.type != kWord || k.quote >= 0) continue;
    if (k.wid == kWAccording && i + 1 < ue && Is(i + 1, "to")) {
      HandleAccording(i, ub, ue);
    } else if (k.wid == kWIn && (i == ub || toks_[i - 1].type == kComma)) {
      HandleInWords(i, ue);
    } else if (k.wid == kWCiting && k.lower) {
      HandleCiting(i, ub, ue);
    } else if (k.vcls != kVNone) {
      HandleVerb(i, ub, ue);
    }
  }
}

void Scanner::HandleVerb(int v, int ub, int ue) {
  const Tok& tv = toks_[v];
  const uint8_t vf = tv.vflags;
  if (v > ub && toks_[v - 1].type == kWord &&
      ((toks_[v - 1].flags & kFDet) || Is(v - 1, "to") || Possessive(v - 1))) {
    return;  // "the report", "to say", "Northvale's claims"
  }
  if (v > ub && toks_[v - 1].type == kApos) return;  // "the sides' claims"
  if ((vf & kVNoun) && v + 1 < ue && toks_[v + 1].type == kWord) {
    const int n = v + 1;
    if (Has(n, kFModal | kFCopula | kFAux) || IsClauseVerb(n) || Is(n, "of") ||
        Is(n, "from") || Is(n, "about") || Is(n, "by") || Is(n, "and") ||
        Is(n, "or")) {
      return;  // "media reports can", "reports of shelling"
    }
  }
  if (vf & kVParticiple) {
    HandleParticiple(v, ub, ue);
    return;
  }
  Attribute(v, v - 1, ub, ue, tv.vcls, vf);
}

void Scanner::HandleParticiple(int v, int ub, int ue) {
  const uint8_t cls = toks_[v].vcls;
  // "X issued a statement saying (that) ...": X is the speaker.
  if (cls == kVSay && v - 1 >= ub && Has(v - 1, kFStatementHead)) {
    for (int p = v - 2; p >= ub && p >= v - 5; --p) {
      if (toks_[p].type != kWord) break;
      if (Has(p, kFPublish)) {
        Attribute(v, p - 1, ub, ue, kVSay, 0);
        return;
      }
    }
    return;
  }
  // "describing", "calling", "accusing" ... qualify the verb before them.
  if (cls != kVSay && cls != kVDeny && cls != kVConfirm) return;
  // ", adding that ...": the speaker of the attribution before.
  if (v - 1 < ub || !(toks_[v - 1].type == kComma || Is(v - 1, "and"))) {
    return;
  }
  Cand c;
  bool found = false;
  for (int j = static_cast<int>(cands_.size()) - 1; j >= 0; --j) {
    if (cands_[j].verb_tok < v && cands_[j].se > cands_[j].sb) {
      c.sb = cands_[j].sb;
      c.se = cands_[j].se;
      found = true;
      break;
    }
  }
  if (!found) return;
  c.vcls = cls;
  c.verb_tok = v;
  c.verb = Text(v);
  c.cut = v - 1;
  c.stb = v;
  SpeakerFirst(c, v + 1, ue);
}

// The speaker left of verb `v` (read from token `left`), then the content.
void Scanner::Attribute(int v, int left, int ub, int ue, uint8_t vcls,
                        uint8_t vf) {
  bool negated = false, modal = false;
  const int i = SkipLeft(left, ub, (vf & kVBase) != 0, &negated, &modal);
  if (i < ub) return;
  const Tok& l = toks_[i];
  if ((vf & kVInvert) && i == left && i == v - 1 &&
      (l.type == kCloseQ || l.type == kComma) &&
      TryInverted(v, i, ub, ue, vcls, vf)) {
    return;
  }
  Cand c;
  c.vcls = vcls;
  c.negated = negated;
  c.verb_tok = v;
  c.verb = Text(v);
  c.kind = (vf & kVPublish) ? Attribution::kSourceReport
                            : Attribution::kReportedSpeech;
  int first = -1;
  if (l.type == kComma) {
    if (vf & kVNoun) return;  // "..., calls for ending hostilities"
    int last = -1;
    if (!Appositive(i, ub, &first, &last)) return;
    c.sb = toks_[first].b;
    c.se = toks_[last].e;
    c.own_speaker = true;
    c.cut = first;
    c.stb = first;
  } else if (l.type == kWord || l.type == kApos || l.type == kDot) {
    first = WalkSubject(i, ub);
    if (first < 0) return;
    const int bnd = first - 1;
    bool conj = false;
    int f = first;
    while (f <= i && Has(f, kFLead)) {
      conj |= Has(f, kFConj);
      ++f;
    }
    while (f <= i && toks_[f].type != kWord) ++f;
    if (f > i) {  // no subject of its own
      if (conj || (bnd >= ub && Has(bnd, kFConj))) {
        if (!Inherit(v, ub, &c)) return;
        c.cut = (bnd >= ub && Has(bnd, kFConj)) ? bnd : first;
        c.stb = v;
      } else if (bnd >= ub && Has(bnd, kFCopula) && (vf & kVPassive) &&
                 v + 1 < ue && Is(v + 1, "that")) {
        int j = bnd;  // "It was reported that": no speaker
        while (j >= ub && Has(j, kFCopula | kFAux | kFModal)) --j;
        if (j < ub || !Is(j, "it")) return;
        c.cut = j;
        c.stb = j;
      } else {
        return;
      }
    } else {
      if (bnd >= ub && Has(bnd, kFRelative)) return;  // "what it said"
      first = f;
      if (!ValidSubject(first, i, vf, modal)) return;
      c.sb = toks_[first].b;
      c.se = toks_[i].e;
      c.own_speaker = true;
      c.cut = first;
      c.stb = first;
    }
  } else {
    return;
  }

  // Trailing: '"...," the ministry said.', '..., Trend reported.'
  if (c.own_speaker && first - 1 >= ub &&
      (toks_[first - 1].type == kComma || toks_[first - 1].type == kCloseQ)) {
    const int bt = first - 1;
    const int rest = TrailingRest(v, ue, vcls);
    if (rest >= 0) {
      bool trailing = true;
      if (!TakeQuoteBefore(bt, ub, &c)) {
        int words = 0;
        for (int x = ub; x < bt; ++x) words += toks_[x].type == kWord;
        if (words < 3 || (words <= 5 && Has(ub, kFIntro))) {
          trailing = false;
        } else {
          c.ctb = ub;
          c.cte = bt;
          c.stb = ub;
        }
      }
      if (trailing) {
        c.ste = rest;
        c.cue_b = v + 1;
        c.cue_e = rest;
        cands_.push_back(c);
        // '"A," he said, "B."'
        if (rest + 1 < ue && toks_[rest].type == kComma &&
            toks_[rest + 1].type == kOpenQ) {
          AddQuoteCand(c, toks_[rest + 1].quote, false);
        }
        return;
      }
    }
  }

  int k = SkipRight(v + 1, ue);
  if (vcls == kVTell) {
    // The addressee: "told Turan,", "told reporters that", "told Radio
    // "Azadlyg" that".
    int j = k, words = 0;
    while (j < ue && words <= 5) {
      const Tok& x = toks_[j];
      if (x.type == kWord) {
        if (Is(j, "that")) break;
        ++words;
        ++j;
      } else if (x.type == kOpenQ) {
        const Quote& q = quotes_[x.quote];
        if (q.close < 0 || q.close - j > 6) break;
        j = q.close + 1;
        ++words;
      } else if (x.type == kApos || x.type == kDot) {
        ++j;
      } else {
        break;
      }
    }
    if (j < ue &&
        (Is(j, "that") || toks_[j].type == kComma || toks_[j].type == kColon)) {
      k = (toks_[j].type == kComma &&
           !(j + 1 < ue && toks_[j + 1].type == kOpenQ))
              ? j + 1
              : j;
    }
  } else if (k < ue && (Is(k, "to") || Has(k, kFPrep))) {
    // "declares to the parties that", "said in a statement that"
    for (int j = k + 1; j < ue && j <= k + 7; ++j) {
      if (toks_[j].type != kWord && toks_[j].type != kApos) break;
      if (Is(j, "that")) {
        k = j;
        break;
      }
    }
  }
  if (vcls == kVCall) {
    if (k < ue && (Is(k, "on") || Is(k, "for") || Is(k, "upon"))) {
      ++k;
    } else if (!HasLabelOrQuote(k, ue)) {
      return;  // "called the president": a telephone call
    }
  }
  c.cue_b = v + 1;
  SpeakerFirst(c, k, ue);
}

// Content read rightwards from token `k`: a quotation right after the verb
// makes a direct quote; a ': "..."' inside the clause splits one off.
void Scanner::SpeakerFirst(Cand c, int k, int ue) {
  bool that = false;
  if (k < ue && Is(k, "that")) {
    that = true;
    ++k;
  }
  if (k >= ue) return;
  if (!that) {
    int qk = -1;
    if ((toks_[k].type == kColon || toks_[k].type == kComma) && k + 1 < ue &&
        toks_[k + 1].type == kOpenQ) {
      qk = k + 1;
    } else if (toks_[k].type == kOpenQ && QuoteEndsUnit(toks_[k].quote, ue)) {
      qk = k;
    }
    if (qk >= 0) {
      AddQuoteCand(c, toks_[qk].quote, c.own_speaker);
      return;
    }
    if (toks_[k].type == kColon || toks_[k].type == kComma) ++k;
  }
  int colon_quote = -1;
  const int ce = ContentEnd(k, ue, &colon_quote);
  bool words = false;
  for (int x = k; x < ce && !words; ++x) words = toks_[x].type == kWord;
  if (words) {
    c.ctb = k;
    c.cte = ce;
    c.ste = ce;
    c.cuttable = true;
    if (c.cue_b == 0 && c.cue_e == 0) c.cue_b = k;
    c.cue_e = ce;
    cands_.push_back(c);
  }
  if (colon_quote >= 0) AddQuoteCand(c, colon_quote, !words && c.own_speaker);
}

void Scanner::AddQuoteCand(const Cand& like, int q, bool own_speaker) {
  const Quote& qt = quotes_[q];
  if (qt.ce <= qt.cb) return;
  Cand c = like;
  c.kind = Attribution::kDirectQuote;
  c.quote = q;
  c.cuttable = false;
  c.own_speaker = own_speaker;
  if (!own_speaker) {
    c.stb = qt.open;
    c.cut = qt.open;
  }
  c.ste = qt.close >= 0 ? qt.close + 1 : static_cast<int>(toks_.size());
  c.cue_b = c.cue_e = 0;
  cands_.push_back(c);
}

bool Scanner::TryInverted(int v, int i, int ub, int ue, uint8_t vcls,
                          uint8_t vf) {
  // The speaker: a noun phrase from the verb to the clause end. After a
  // bare comma (no quotation) it must name someone: "..., said the
  // governor", not "..., announced its secession".
  const bool after_quote =
      toks_[i].type == kCloseQ || (i - 1 >= ub && toks_[i - 1].type == kCloseQ);
  int k = v + 1, words = 0;
  bool np = false;
  while (k < ue) {
    const Tok& x = toks_[k];
    if (x.type == kApos || x.type == kDot) {
      ++k;
      continue;
    }
    if (x.type != kWord) break;
    if (Has(k, kFStop | kFRelative) || IsClauseVerb(k)) return false;
    if (Named(k) || Has(k, kFPronoun | kFSpeaker) ||
        (after_quote && words > 0 && Has(v + 1, kFDet))) {
      np = true;
    }
    if (++words > kMaxSubjectWords) return false;
    ++k;
  }
  if (!np || words == 0) return false;
  if (k < ue && toks_[k].type != kTerm && toks_[k].type != kComma &&
      toks_[k].type != kSemi && toks_[k].type != kDash &&
      toks_[k].type != kParenOpen) {
    return false;
  }
  int last = k - 1;
  // '," said Ali Hasanov, a spokesman for the ministry.': the appositive
  // belongs to the speaker when it runs to the sentence end.
  if (k + 1 < ue && toks_[k].type == kComma && Has(k + 1, kFDet)) {
    int j = k + 1, more = 0;
    while (j < ue && (toks_[j].type == kWord || toks_[j].type == kApos) &&
           !Has(j, kFStop | kFRelative) && !IsClauseVerb(j) && more < 12) {
      more += toks_[j].type == kWord;
      ++j;
    }
    if (j >= ue || toks_[j].type == kTerm) {
      last = j - 1;
      k = j;
    }
  }
  Cand c;
  c.vcls = vcls;
  c.verb_tok = v;
  c.verb = Text(v);
  c.kind = (vf & kVPublish) ? Attribution::kSourceReport
                            : Attribution::kReportedSpeech;
  c.sb = toks_[v + 1].b;
  c.se = toks_[last].e;
  c.own_speaker = true;
  c.cut = v;
  c.ste = k;
  c.cue_b = v + 1;
  c.cue_e = k;
  if (!TakeQuoteBefore(i, ub, &c)) {
    int content_words = 0;
    for (int x = ub; x < i; ++x) content_words += toks_[x].type == kWord;
    if (content_words < 3) return false;
    c.ctb = ub;
    c.cte = i;
    c.stb = ub;
  }
  cands_.push_back(c);
  if (k + 1 < ue && toks_[k].type == kComma && toks_[k + 1].type == kOpenQ) {
    AddQuoteCand(c, toks_[k + 1].quote, false);
  }
  return true;
}

int Scanner::SkipLeft(int i, int ub, bool base, bool* negated,
                      bool* modal) const {
  while (i >= ub) {
    const Tok& k = toks_[i];
    if (k.type == kWord) {
      if ((k.flags & kFNeg) || EndsNt(i)) {
        *negated = true;
        *modal = true;
        --i;
        continue;
      }
      if (k.flags & (kFAux | kFAdverb)) {
        --i;
        continue;
      }
      if (k.flags & kFModal) {
        if (!base) break;
        *modal = true;
        --i;
        continue;
      }
      const int j = TimePhraseStart(i, ub);
      if (j >= 0) {
        i = j - 1;
        continue;
      }
      break;
    }
    if (k.type == kComma) {
      const int j = BracketedAdverbial(i, ub);
      if (j >= 0) {
        i = j - 1;
        continue;
      }
    }
    break;
  }
  return i;
}

// Start of a time phrase ending at token `i` ("on Sunday", "this week",
// "on March 7", "three days ago"), or -1.
int Scanner::TimePhraseStart(int i, int ub) const {
  if (!Has(i, kFTime) && !IsNumber(i)) return -1;
  int j = i;
  while (j - 1 >= ub) {
    const int p = j - 1;
    if (Has(p, kFTime | kFTimeLead | kFNumber) || IsNumber(p) || Is(p, "the") ||
        Is(p, "of")) {
      j = p;
      continue;
    }
    break;
  }
  for (int s = j; s <= i; ++s) {
    if (Has(s, kFTimeLead)) return s;
  }
  if (Is(i, "ago")) return j;
  return -1;
}

// For the comma at `i`, the comma opening ", in turn," ", though," ", on
// Sunday," before it, or -1.
int Scanner::BracketedAdverbial(int i, int ub) const {
  for (int j = i - 1; j >= ub && j >= i - 5; --j) {
    if (toks_[j].type == kComma) return j < i - 1 ? j : -1;
    if (toks_[j].type != kWord) return -1;
    if (!(Has(j, kFAdverb | kFLead | kFTime | kFTimeLead | kFNumber) ||
          IsNumber(j) || Is(j, "turn") || Is(j, "though") || Is(j, "however") ||
          Is(j, "for") || Is(j, "its") || Is(j, "their") || Is(j, "his") ||
          Is(j, "her") || Is(j, "part") || Is(j, "response") || Is(j, "the"))) {
      return -1;
    }
  }
  return -1;
}

// Past time phrases and adverbs right of the verb ("said on Saturday it").
int Scanner::SkipRight(int k, int ue) const {
  while (k < ue && toks_[k].type == kWord) {
    if (Has(k, kFAdverb) && !Has(k, kFTimeLead)) {
      ++k;
      continue;
    }
    // "on Saturday", "this week", "three days ago", "on March 7"
    int j = k;
    const bool lead = Has(k, kFTimeLead);
    if (!lead && !Has(k, kFNumber) && !IsNumber(k)) break;
    ++j;
    bool time = false;
    while (j < ue && (Has(j, kFTime | kFNumber) || IsNumber(j) ||
                      Is(j, "the") || Is(j, "of"))) {
      time |= Has(j, kFTime) || IsNumber(j);
      ++j;
    }
    if (!time) break;
    if (!lead && !Is(j - 1, "ago")) break;
    k = j;
  }
  return k;
}

// The first token of the subject ending at `i`: i + 1 when there is none,
// -1 when the run is too long to be one.
int Scanner::WalkSubject(int i, int ub) const {
  int j = i, words = 0;
  while (j >= ub) {
    const Tok& k = toks_[j];
    if (k.type == kApos || k.type == kDot) {
      --j;
      continue;
    }
    if (k.type != kWord) break;
    if (k.flags & (kFStop | kFRelative)) break;
    if (IsClauseVerb(j)) break;
    if (k.flags & kFConj) {
      int start = 0;
      if (Is(j, "and") && j < i && j - 1 >= ub &&
          SimpleConjunct(j - 1, ub, &start)) {
        j = start - 1;
        continue;
      }
      break;
    }
    if (++words > kMaxSubjectWords) return -1;
    --j;
  }
  return j + 1;
}

// "Russia and Azerbaijan said": the names left of "and" at token `j`.
bool Scanner::SimpleConjunct(int j, int ub, int* start) const {
  int s = j + 1, words = 0;
  bool np = false;
  for (int x = j; x >= ub; --x) {
    const Tok& k = toks_[x];
    if (k.type == kApos || k.type == kDot) {
      s = x;
      continue;
    }
    if (k.type != kWord) break;
    if (!(Named(x) || Has(x, kFDet | kFSpeaker) || Is(x, "of"))) break;
    np |= Named(x) || Has(x, kFSpeaker);
    if (++words > 6) return false;
    s = x;
  }
  if (!np || s > j) return false;
  if (s - 1 >= ub && toks_[s - 1].type == kWord &&
      !Has(s - 1, kFStop | kFConj | kFRelative) && !IsClauseVerb(s - 1)) {
    return false;
  }
  *start = s;
  return true;
}

// "Agil Abbas, a member of the committee, told": the verb follows a comma.
// Reads comma-separated pieces leftwards; drops adjuncts next to the verb
// (", with the support of Armenia,") and intros at the front ("On Sunday,",
// "Populated mainly by Armenians,").
bool Scanner::Appositive(int i, int ub, int* first, int* last) const {
  struct Seg {
    int b, e;  // tokens [b, e)
  };
  std::array<Seg, 8> segs;
  int nseg = 0;
  int e = i, j = i - 1, tokens = 0;
  while (true) {
    if (j < ub || toks_[j].type == kComma) {
      if (j + 1 < e) {
        if (nseg == static_cast<int>(segs.size())) break;
        segs[nseg++] = {j + 1, e};
      }
      if (j < ub) break;
      e = j;
      --j;
      continue;
    }
    const TokType tt = toks_[j].type;
    if (tt != kWord && tt != kApos && tt != kDot) {
      if (j + 1 < e && nseg < static_cast<int>(segs.size())) {
        segs[nseg++] = {j + 1, e};
      }
      break;
    }
    if (++tokens > 40) return false;
    --j;
  }
  if (nseg == 0) return false;
  // segs[0] is next to the verb. Drop adjuncts there.
  int r = 0;
  while (r < nseg) {
    const int b = segs[r].b;
    if (toks_[b].type == kWord && toks_[b].lower &&
        (Has(b, kFPrep) || Is(b, "as"))) {
      ++r;
    } else {
      break;
    }
  }
  if (r >= nseg) return false;
  auto is_intro = [&](const Seg& s) {
    const int b = s.b;
    if (toks_[b].type != kWord) return true;
    if (Has(b, kFIntro) && !Has(b, kFDet)) return true;
    std::string_view w = Text(b);
    return toks_[b].cap && b + 1 < s.e && toks_[b + 1].lower &&
           (EndsWithIgnoreCase(w, "ed") || EndsWithIgnoreCase(w, "ing"));
  };
  auto clause_free = [&](const Seg& s) {
    if (toks_[s.b].type == kWord && Has(s.b, kFRelative)) return true;
    for (int x = s.b; x < s.e; ++x) {
      if (Has(x, kFStop) || IsClauseVerb(x)) return false;
    }
    return true;
  };
  int h = -1;
  for (int s = r; s < nseg; ++s) {
    if (!clause_free(segs[s]) || is_intro(segs[s])) break;
    h = s;
  }
  if (h < 0) return false;
  const Seg& head = segs[h];
  if (Has(head.b, kFRelative)) return false;
  int words = 0;
  bool np = false;
  for (int x = head.b; x < head.e; ++x) {
    if (toks_[x].type != kWord) continue;
    ++words;
    np |= Named(x) || Has(x, kFPronoun | kFSpeaker);
  }
  if (!np || words > 8) return false;
  *first = head.b;
  *last = segs[r].e - 1;
  return true;
}

bool Scanner::PluralLooking(int i) const {
  if (Has(i, kFPlural)) return true;
  std::string_view w = Text(i);
  if (w.size() < 4 || AsciiLower(w.back()) != 's') return false;
  if (w[w.size() - 2] == '\'' ||
      static_cast<uint8_t>(w[w.size() - 2]) == 0x99) {
    return false;  // "Russia's"
  }
  return !EndsWithIgnoreCase(w, "ss") && !EndsWithIgnoreCase(w, "us") &&
         !EndsWithIgnoreCase(w, "is");
}

bool Scanner::ValidSubject(int b, int e, uint8_t vf, bool modal) const {
  int words = 0, head = -1;
  bool np = false, coordinated = false;
  for (int x = b; x <= e; ++x) {
    if (toks_[x].type != kWord) continue;
    ++words;
    head = x;
    np |= Named(x) || Has(x, kFPronoun | kFSpeaker) || PluralLooking(x);
    coordinated |= Is(x, "and");
  }
  // "the governor": a determiner and a noun.
  np |= words >= 2 && Has(b, kFDet) && !Has(head, kFDet);
  if (head < 0 || words > kMaxSubjectWords || !np) return false;
  // "of Nagorno-Karabakh declared": a prepositional tail, not a subject.
  if (toks_[b].type == kWord && toks_[b].lower &&
      (Has(b, kFPrep) || Is(b, "of"))) {
    return false;
  }
  if ((vf & kVBase) && !modal) {  // "officials say", "local media write"
    if (Has(head, kFPronoun)) {
      return Is(head, "they") || Is(head, "we") || Is(head, "i") ||
             Is(head, "you");
    }
    return coordinated || PluralLooking(head);
  }
  if (vf & kVNoun) {  // "reports", "claims": the head must name a speaker
    return Named(head) || Has(head, kFPronoun | kFSpeaker);
  }
  return true;
}

// The speaker of a coordinated verb ("..., and said"): the attribution
// before it in the unit, else the sentence's opening noun phrase.
bool Scanner::Inherit(int v, int ub, Cand* c) const {
  for (int j = static_cast<int>(cands_.size()) - 1; j >= 0; --j) {
    if (cands_[j].verb_tok < v && cands_[j].se > cands_[j].sb) {
      c->sb = cands_[j].sb;
      c->se = cands_[j].se;
      return true;
    }
  }
  int s = ub;
  if (Has(s, kFIntro)) {
    int x = s;
    while (x < v && x < s + 8 && toks_[x].type != kComma) ++x;
    if (x >= v || toks_[x].type != kComma) return false;
    s = x + 1;
  }
  int e = -1, words = 0;
  bool np = false;
  for (int x = s; x < v; ++x) {
    if (toks_[x].type == kApos) continue;
    if (toks_[x].type != kWord) break;
    const bool named =
        Named(x) || Has(x, kFSpeaker) || (x == s && Has(x, kFPronoun));
    if (!(named || Has(x, kFDet) || Is(x, "of"))) break;
    np |= named;
    e = x;
    if (++words > 8) return false;
  }
  if (!np || e < s) return false;
  c->sb = toks_[s].b;
  c->se = toks_[e].e;
  return true;
}

// After a trailing speaker ('," the agency said in a statement.'): the
// token ending the clause (a terminal, the unit end, or a comma before a
// participle or quotation), or -1 when a clause of its own follows.
int Scanner::TrailingRest(int v, int ue, uint8_t vcls) const {
  int k = v + 1, words = 0;
  bool first = true;
  while (k < ue) {
    const Tok& x = toks_[k];
    if (x.type == kTerm) return k;
    if (x.type == kComma) {
      if (k + 1 >= ue) return k;
      const Tok& n = toks_[k + 1];
      if (n.type == kOpenQ || (n.type == kWord && ((n.vflags & kVParticiple) ||
                                                   Is(k + 1, "citing") ||
                                                   Is(k + 1, "according")))) {
        return k;
      }
      return -1;
    }
    if (x.type == kApos || x.type == kDot || x.type == kCloseQ ||
        x.type == kParenClose || x.type == kOther) {
      ++k;
      continue;
    }
    if (x.type != kWord) return -1;
    if (Is(k, "that") || IsClauseVerb(k)) return -1;
    if (first && vcls != kVTell &&
        !(Has(k, kFPrep | kFTimeLead | kFAdverb | kFTime | kFNumber) ||
          IsNumber(k) || Is(k, "to"))) {
      return -1;
    }
    first = false;
    if (++words > 8) return -1;
    ++k;
  }
  return ue;
}

// End of a reported clause starting at `k`: a terminal, or a ':' that opens
// a quotation (returned in `colon_quote`), or the unit end.
int Scanner::ContentEnd(int k, int ue, int* colon_quote) const {
  for (int j = k; j < ue; ++j) {
    if (!Outside(j)) continue;
    if (toks_[j].type == kTerm) return j;
    if (toks_[j].type == kColon && j + 1 < ue && toks_[j + 1].type == kOpenQ) {
      *colon_quote = toks_[j + 1].quote;
      return j;
    }
  }
  return ue;
}

bool Scanner::QuoteOpensUnit(int q, int ub) const {
  for (int x = ub; x < quotes_[q].open; ++x) {
    const TokType tt = toks_[x].type;
    if (tt != kDash && tt != kOther && tt != kParenOpen) return false;
  }
  return true;
}

// A closing quote at `at` or just before it (a speaker after a quotation:
// '"...," the ministry said'). When the quotation opens the unit starting
// at `ub`, the statement is a direct quote; otherwise the content is the
// partly quoted clause from `ub` to the quote. Returns false, leaving `c`
// untouched, when there is no such quote.
bool Scanner::TakeQuoteBefore(int at, int ub, Cand* c) const {
  int qc = -1;
  if (toks_[at].type == kCloseQ) {
    qc = at;
  } else if (at - 1 >= ub && toks_[at - 1].type == kCloseQ) {
    qc = at - 1;
  }
  if (qc < 0) return false;
  const int q = toks_[qc].quote;
  if (QuoteOpensUnit(q, ub)) {
    c->kind = Attribution::kDirectQuote;
    c->quote = q;
    c->stb = quotes_[q].open;
  } else {
    c->ctb = ub;
    c->cte = qc + 1;
    c->stb = ub;
  }
  return true;
}

bool Scanner::QuoteEndsUnit(int q, int ue) const {
  const Quote& qt = quotes_[q];
  if (qt.close < 0) return true;
  for (int x = qt.close + 1; x < ue; ++x) {
    const TokType tt = toks_[x].type;
    if (tt == kWord || tt == kOpenQ) return false;
  }
  return true;
}

bool Scanner::HasLabelOrQuote(int k, int ue) const {
  for (int x = k; x < ue && x < k + 20; ++x) {
    if (toks_[x].type == kOpenQ || Has(x, kFLabel | kFDeny)) return true;
    if (toks_[x].type == kTerm && Outside(x)) break;
  }
  return false;
}

void Scanner::HandleAccording(int a, int ub, int ue) {
  // The source: "according to the so-called Artsakh Security Council".
  const int s = a + 2;
  int k = s, words = 0;
  while (k < ue) {
    const Tok& x = toks_[k];
    if (x.type == kWord || x.type == kApos || x.type == kDot) {
      if (x.type == kWord && ++words > 15) return;
      ++k;
      continue;
    }
    // "signed on November 10, 2020, Russian troops": a date's comma.
    if (x.type == kComma && k > s && k + 1 < ue && IsNumber(k - 1) &&
        toks_[k - 1].e - toks_[k - 1].b <= 2 && IsNumber(k + 1) &&
        toks_[k + 1].e - toks_[k + 1].b == 4) {
      ++k;
      continue;
    }
    if (x.type == kOpenQ) {  // a short name in quotes
      const Quote& q = quotes_[x.quote];
      if (q.close >= 0 && q.close - k <= 6) {
        k = q.close + 1;
        ++words;
        continue;
      }
    }
    break;
  }
  if (words == 0) return;
  Cand c;
  c.kind = Attribution::kAccordingTo;
  c.vcls = kVSay;
  c.verb_tok = a;
  c.verb = "according to";
  c.sb = toks_[s].b;
  c.se = toks_[k - 1].e;
  c.own_speaker = true;
  const bool after_comma = a > ub && toks_[a - 1].type == kComma;
  // Leading: at the sentence start, after "However," or a stray name.
  bool leading = a == ub;
  if (!leading) {
    int x = ub, lead_words = 0;
    bool ok = true;
    for (; x < a; ++x) {
      if (toks_[x].type == kComma) continue;
      if (toks_[x].type != kWord ||
          !(toks_[x].cap || Has(x, kFLead | kFIntro)) || ++lead_words > 2) {
        ok = false;
        break;
      }
    }
    leading = ok;
  }
  const bool ends = k >= ue || toks_[k].type == kTerm;
  if (after_comma && ends && !leading) {  // "..., according to X."
    int content_words = 0;
    for (int x = ub; x < a - 1; ++x) content_words += toks_[x].type == kWord;
    if (content_words < 2) return;
    c.ctb = ub;
    c.cte = a - 1;
    c.stb = ub;
    c.ste = k;
    c.cut = a - 1;
    c.cue_b = c.cue_e = 0;
    cands_.push_back(c);
    return;
  }
  if (k >= ue || (toks_[k].type != kComma && toks_[k].type != kColon)) {
    return;
  }
  if (leading) {  // "According to X, ..."
    c.stb = a;
    c.cut = after_comma ? a - 1 : a;
    c.cue_b = c.cue_e = 0;
    SpeakerFirst(c, k + 1, ue);
  } else if (after_comma) {  // "The army, according to X, has ..."
    int colon_quote = -1;
    c.ctb = ub;
    c.cte = ContentEnd(k + 1, ue, &colon_quote);
    c.stb = ub;
    c.ste = c.cte;
    c.cut = a - 1;
    cands_.push_back(c);
  }
}

// "In X's words, ..." and "In the words of X, ...".
void Scanner::HandleInWords(int a, int ue) {
  int sb = -1, se = -1, k = -1;
  if (a + 4 < ue && Is(a + 1, "the") && Is(a + 2, "words") && Is(a + 3, "of")) {
    int x = a + 4, words = 0;
    while (x < ue && (toks_[x].type == kWord || toks_[x].type == kApos)) {
      if (++words > 10) return;
      ++x;
    }
    if (words == 0) return;
    sb = a + 4;
    se = x - 1;
    k = x;
  } else {
    for (int x = a + 1; x < ue && x <= a + 7; ++x) {
      if (toks_[x].type != kWord) return;
      if (Is(x, "words") && x - 1 > a) {
        sb = a + 1;
        se = x - 1;
        k = x + 1;
        break;
      }
    }
    if (sb < 0) return;
    std::string_view w = Text(se);
    if (!(EndsWithIgnoreCase(w, "'s") ||
          EndsWithIgnoreCase(w, "\xE2\x80\x99s") || Has(se, kFDet))) {
      return;
    }
  }
  if (k >= ue || toks_[k].type != kComma) return;
  Cand c;
  c.kind = Attribution::kAccordingTo;
  c.verb_tok = a;
  c.verb = "in words";
  c.sb = toks_[sb].b;
  c.se = toks_[se].e;
  std::string_view last = Text(se);
  if (EndsWithIgnoreCase(last, "'s")) c.se -= 2;
  if (EndsWithIgnoreCase(last, "\xE2\x80\x99s")) c.se -= 4;
  if (c.se <= c.sb) return;
  c.own_speaker = true;
  c.stb = a;
  c.cut = a;
  SpeakerFirst(c, k + 1, ue);
}

// "..., citing the defence ministry."
void Scanner::HandleCiting(int ci, int ub, int ue) {
  if (ci - 1 <= ub || toks_[ci - 1].type != kComma || !cands_.empty()) return;
  int k = ci + 1, words = 0;
  bool np = false;
  while (k < ue && (toks_[k].type == kWord || toks_[k].type == kApos)) {
    if (toks_[k].type == kWord) {
      if (++words > 12 || Has(k, kFStop)) return;
      np |= Named(k) || Has(k, kFSpeaker | kFPronoun);
    }
    ++k;
  }
  if (!np || (k < ue && toks_[k].type != kTerm)) return;
  int content_words = 0;
  for (int x = ub; x < ci - 1; ++x) content_words += toks_[x].type == kWord;
  if (content_words < 3) return;
  Cand c;
  c.kind = Attribution::kAccordingTo;
  c.verb_tok = ci;
  c.verb = "citing";
  c.sb = toks_[ci + 1].b;
  c.se = toks_[k - 1].e;
  c.own_speaker = true;
  c.ctb = ub;
  c.cte = ci - 1;
  c.stb = ub;
  c.ste = k;
  c.cut = ci - 1;
  cands_.push_back(c);
}

// ----------------------------------------------------------------- stance

struct Cues {
  int deny = -1;     // a flat denial in the content
  int dispute = -1;  // a rival-version cue
  int label = -1;    // a label for call/dismiss/describe
  int version = -1;
  int lying = -1;
  int contradict = -1;
};

// The statement-naming object from token `k` ("the Russian statement",
// "Moscow's version of events"); false when the phrase names none.
bool Scanner::Object(int k, int re, bool skip_as, bool stop_at_label,
                     uint32_t* tb, uint32_t* te) const {
  if (skip_as && k < re && Is(k, "as")) {  // "dismissed as nonsense the ..."
    ++k;
    for (int n = 0; k < re && n < 4; ++n) {
      if (Has(k, kFLabel | kFDeny)) {
        ++k;
      } else if (toks_[k].type == kOpenQ && quotes_[toks_[k].quote].close > 0) {
        k = quotes_[toks_[k].quote].close + 1;
      } else {
        break;
      }
    }
  }
  k = SkipRight(k, re);
  const int start = k;
  int words = 0;
  bool statement = false, clause = false;
  while (k < re) {
    const Tok& x = toks_[k];
    if (x.type == kApos || x.type == kDot) {
      ++k;
      continue;
    }
    if (x.type != kWord) break;
    if (Is(k, "as") || Has(k, kFRelative) || Is(k, "because") ||
        (stop_at_label && Has(k, kFLabel)) || Is(k, "after") ||
        Is(k, "while") || Is(k, "but") || Is(k, "and") || Is(k, "although") ||
        Is(k, "though")) {
      break;
    }
    // "called the report a provocation": the label's own phrase (but "the
    // claims that troops crossed the river" is one phrase).
    if (stop_at_label && k > start &&
        (Has(k, kFDeny) || (Has(k, kFDet) && !clause))) {
      break;
    }
    clause |= Is(k, "that");
    if (++words > 20) return false;
    statement |= Has(k, kFStatement | kFVersion);
    ++k;
  }
  if (!statement || k == start) return false;
  *tb = toks_[start].b;
  *te = toks_[k - 1].e;
  return true;
}

// The subject of the clause holding the cue at `cue`, read from the
// clause start (content start, or after a comma or "that").
bool Scanner::ContentSubject(int cue, int cb, uint32_t* tb,
                             uint32_t* te) const {
  int s = cb;
  for (int x = cue - 1; x >= cb; --x) {
    if (toks_[x].type == kComma || Is(x, "that")) {
      s = x + 1;
      break;
    }
  }
  int e = s;
  bool statement = false;
  while (e < cue && e - s < 20) {
    const Tok& x = toks_[e];
    if (x.type == kApos || x.type == kDot) {
      ++e;
      continue;
    }
    if (x.type != kWord) break;
    if (Has(e, kFStop | kFModal | kFCopula | kFNeg) || EndsNt(e) ||
        (e > s && IsClauseVerb(e))) {
      break;
    }
    statement |= Has(e, kFStatement);
    ++e;
  }
  if (!statement || e == s) return false;
  *tb = toks_[s].b;
  *te = toks_[e - 1].e;
  return true;
}

Attribution::Stance Scanner::ComputeStance(const Cand& c, int cb, int ce,
                                           int rb, int re, uint32_t* tb,
                                           uint32_t* te) const {
  if (c.negated) return Attribution::kAsserts;
  Cues cues;
  int reflect = -1;
  auto scan = [&](int b, int e) {
    for (int k = b; k < e; ++k) {
      const Tok& x = toks_[k];
      if (x.type != kWord) continue;
      auto first = [k](int* slot) {
        if (*slot < 0) *slot = k;
      };
      if (x.flags & kFDispute) first(&cues.dispute);
      if (x.flags & kFDeny) first(&cues.deny);
      if (x.flags & kFLabel) first(&cues.label);
      if (x.flags & kFVersion) first(&cues.version);
      if (x.flags & kFLying) first(&cues.lying);
      if (x.wid == kWContradict) first(&cues.contradict);
      if (k > b && x.wid == kWFalse &&
          (Has(k - 1, kFCopula) || Is(k - 1, "as"))) {
        first(&cues.deny);
      }
      if (k > b && x.wid == kWTrue && (Has(k - 1, kFNeg) || EndsNt(k - 1))) {
        first(&cues.deny);
      }
      if (x.wid == kWReflect) {
        bool neg = false, truth = false;
        for (int p = k - 1; p >= b && p >= k - 2; --p) {
          neg |= Has(p, kFNeg) || EndsNt(p);
        }
        for (int n = k + 1; n < e && n <= k + 3; ++n) truth |= Has(n, kFTruth);
        if (neg && truth) first(&reflect);
      }
    }
  };
  scan(cb, ce);
  if (rb < re && (re <= cb || rb >= ce)) scan(rb, re);
  const int after_verb = c.verb_tok >= 0 ? c.verb_tok + 1 : cb;
  const int obj_end = std::max(ce, re);
  auto contradict_target = [&]() {
    if (cues.contradict >= 0)
      Object(cues.contradict + 1, obj_end, false, false, tb, te);
  };
  switch (c.vcls) {
    case kVDeny:
      if (!Object(after_verb, obj_end, false, false, tb, te))
        contradict_target();
      return Attribution::kDenies;
    case kVRefute: {
      const bool rival = cues.version >= 0 || cues.dispute >= 0;
      if (!Object(after_verb, obj_end, true, false, tb, te))
        contradict_target();
      return rival ? Attribution::kDisputes : Attribution::kDenies;
    }
    case kVDispute:
      Object(after_verb, obj_end, false, false, tb, te);
      return Attribution::kDisputes;
    case kVConfirm:
      return Attribution::kConfirms;
    case kVCall:
      if (cues.label >= 0 || cues.deny >= 0) {
        Object(after_verb, obj_end, false, true, tb, te);
        return Attribution::kDenies;
      }
      return Attribution::kAsserts;
    case kVDescribe:
      if (cues.label >= 0 || cues.deny >= 0 || cues.dispute >= 0 ||
          reflect >= 0) {
        Object(after_verb, obj_end, false, false, tb, te);
        return Attribution::kDisputes;
      }
      return Attribution::kAsserts;
    case kVAccuse:
      return cues.lying >= 0 ? Attribution::kDisputes : Attribution::kAsserts;
    default:
      break;
  }
  if (cues.dispute >= 0) {
    if (!ContentSubject(cues.dispute, cb, tb, te)) contradict_target();
    return Attribution::kDisputes;
  }
  const int deny = cues.deny >= 0 ? cues.deny : reflect;
  if (deny >= 0 && (reflect < 0 || deny <= reflect)) {
    ContentSubject(deny, cb, tb, te);
    return Attribution::kDenies;
  }
  if (reflect >= 0) {
    ContentSubject(reflect, cb, tb, te);
    return Attribution::kDenies;
  }
  return Attribution::kAsserts;
}

// ----------------------------------------------------------------- output

void Scanner::Finish(int ue) {
  // A reported clause ends where the next attribution's own words start.
  for (Cand& c : cands_) {
    if (!c.cuttable) continue;
    for (const Cand& d : cands_) {
      if (&d != &c && d.cut > c.ctb && d.cut < c.cte) c.cte = d.cut;
    }
  }
  for (const Cand& c : cands_) Emit(c, ue);
}

void Scanner::Emit(const Cand& c, int ue) {
  const int nt = static_cast<int>(toks_.size());
  Attribution a;
  a.kind = c.kind;
  a.verb = AsciiLowercase(c.verb);
  a.speaker_begin = c.sb;
  a.speaker_end = c.se;
  int stb = c.stb, ste = c.ste;
  int cb = 0, ce = 0;  // content tokens, for stance cues
  if (c.quote >= 0) {
    const Quote& q = quotes_[c.quote];
    if (q.ce <= q.cb) return;
    a.content_begin = q.cb;
    a.content_end = q.ce;
    cb = q.open + 1;
    ce = q.close >= 0 ? q.close : nt;
  } else {
    int b = c.ctb, e = c.cte;
    while (e > b) {
      const Tok& x = toks_[e - 1];
      if (x.type == kComma || x.type == kTerm || x.type == kColon ||
          x.type == kSemi || x.type == kDash ||
          (x.type == kWord && (x.flags & kFCut) && Outside(e - 1))) {
        --e;
      } else {
        break;
      }
    }
    while (b < e && (toks_[b].type == kComma || toks_[b].type == kColon ||
                     toks_[b].type == kSemi || toks_[b].type == kDash)) {
      ++b;
    }
    bool words = false;
    for (int x = b; x < e && !words; ++x) words = toks_[x].type == kWord;
    if (!words) return;
    a.content_begin = toks_[b].b;
    a.content_end = toks_[e - 1].e;
    if (toks_[b].type == kOpenQ && toks_[e - 1].type == kCloseQ &&
        toks_[b].quote == toks_[e - 1].quote) {
      const Quote& q = quotes_[toks_[b].quote];
      if (q.ce > q.cb) {
        a.content_begin = q.cb;
        a.content_end = q.ce;
      }
    }
    cb = b;
    ce = e;
    if (ste < e) ste = e;
  }
  uint32_t tb = 0, te = 0;
  a.stance = ComputeStance(c, cb, ce, c.cue_b, c.cue_e, &tb, &te);
  if ((a.stance == Attribution::kDenies ||
       a.stance == Attribution::kDisputes) &&
      te > tb) {
    a.target_begin = tb;
    a.target_end = te;
  }
  // The statement, with its closing marks and final punctuation.
  const int limit = std::max(ue, std::min(nt, ste));
  while (ste < limit &&
         (toks_[ste].type == kTerm || toks_[ste].type == kCloseQ)) {
    ++ste;
  }
  stb = std::max(0, std::min(stb, nt - 1));
  ste = std::max(stb + 1, std::min(ste, nt));
  a.begin = toks_[stb].b;
  a.end = toks_[ste - 1].e;
  if (c.own_speaker) {
    a.begin = std::min(a.begin, a.speaker_begin);
    a.end = std::max(a.end, a.speaker_end);
  }
  a.begin = std::min(a.begin, a.content_begin);
  a.end = std::max(a.end, a.content_end);

  const bool has_speaker = a.speaker_end > a.speaker_begin;
  last_vcls_ = c.vcls;
  para_last_.valid = has_speaker;
  para_last_.sb = a.speaker_begin;
  para_last_.se = a.speaker_end;
  para_last_.verb = a.verb;
  para_last_.vcls = c.vcls;
  para_last_open_ = a.kind == Attribution::kDirectQuote && c.quote >= 0 &&
                    quotes_[c.quote].close < 0;
  para_last_unit_end_ = ue;
  out_->push_back(std::move(a));
}

}  // namespace

namespace {

// FindAttributions over `text` (under 4 GiB) whose sentences are `sents`.
std::vector<Attribution> AttributionsOf(std::string_view text,
                                        const std::vector<Span>& sents) {
  std::vector<Attribution> out;
  Scanner scanner(text, &out);
  // Paragraphs (lines) are read whole; a pathological line is read in
  // pieces of whole sentences, and a sentence over the cap is skipped, so
  // token indices stay small.
  constexpr size_t kMaxPiece = size_t{1} << 20;
  constexpr size_t kMaxSentence = size_t{1} << 24;
  size_t s = 0;
  size_t b = 0;
  while (b < text.size() && s < sents.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    while (s < sents.size() && sents[s].begin < e) {
      size_t first = s;
      while (s < sents.size() && sents[s].begin < e &&
             (s == first || sents[s].end - sents[first].begin <= kMaxPiece)) {
        ++s;
      }
      const size_t pb = sents[first].begin;
      const size_t pe = sents[s - 1].end;
      if (pe - pb <= kMaxSentence) {
        scanner.Paragraph(pb, pe, &sents[first], s - first);
      }
    }
    b = e + 1;
  }
  auto before = [](const Attribution& x, const Attribution& y) {
    if (x.begin != y.begin) return x.begin < y.begin;
    return x.content_begin < y.content_begin;
  };
  if (!std::is_sorted(out.begin(), out.end(), before)) {
    std::stable_sort(out.begin(), out.end(), before);
  }
  return out;
}

}  // namespace

std::vector<Attribution> FindAttributions(std::string_view text) {
  if (text.size() > std::numeric_limits<uint32_t>::max()) {
    text = text.substr(0, std::numeric_limits<uint32_t>::max());
  }
  return AttributionsOf(text, SplitSentences(text));
}

std::vector<Attribution> FindAttributions(std::string_view text,
                                          const std::vector<Span>& sentences) {
  // Past 4 GiB the sentences of the whole text need not be those of the
  // part that is read: split again (a text that size is never annotated).
  if (text.size() > std::numeric_limits<uint32_t>::max()) {
    return FindAttributions(text);
  }
  return AttributionsOf(text, sentences);
}

std::string_view StanceName(Attribution::Stance stance) {
  switch (stance) {
    case Attribution::kAsserts:
      return "asserts";
    case Attribution::kDenies:
      return "denies";
    case Attribution::kDisputes:
      return "disputes";
    case Attribution::kConfirms:
      return "confirms";
  }
  return "asserts";
}

std::string_view KindName(Attribution::Kind kind) {
  switch (kind) {
    case Attribution::kDirectQuote:
      return "direct";
    case Attribution::kReportedSpeech:
      return "reported";
    case Attribution::kAccordingTo:
      return "according_to";
    case Attribution::kSourceReport:
      return "source_report";
  }
  return "reported";
}

std::string DumpAttribution(std::string_view text, const Attribution& a) {
  std::string out = "speaker=[";
  out += a.speaker(text);
  out += "] stance=";
  out += StanceName(a.stance);
  out += " kind=";
  out += KindName(a.kind);
  out += " verb=";
  out += a.verb;
  out += " content=[";
  out += a.content(text);
  out += "]";
  if (a.target_end > a.target_begin) {
    out += " target=[";
    out += a.target(text);
    out += "]";
  }
  return out;
}

}  // namespace ceasewatch
