#include "numbers/lexicon.h"

#include <array>
#include <iterator>

#include "util/ascii.h"
#include "util/ascii_runs.h"
#include "util/word_table.h"

namespace ceasewatch::numbers_internal {
namespace {

struct Entry {
  std::string_view word;
  Lex lex;
  int32_t value = 0;
  int32_t value2 = 0;
  const char* canon = nullptr;
};

constexpr Entry kTable[] = {
    // Cardinals.
    {"zero", Lex::kCardinal, 0},
    {"one", Lex::kCardinal, 1},
    {"two", Lex::kCardinal, 2},
    {"three", Lex::kCardinal, 3},
    {"four", Lex::kCardinal, 4},
    {"five", Lex::kCardinal, 5},
    {"six", Lex::kCardinal, 6},
    {"seven", Lex::kCardinal, 7},
    {"eight", Lex::kCardinal, 8},
    {"nine", Lex::kCardinal, 9},
    {"ten", Lex::kCardinal, 10},
    {"eleven", Lex::kCardinal, 11},
    {"twelve", Lex::kCardinal, 12},
    {"thirteen", Lex::kCardinal, 13},
    {"fourteen", Lex::kCardinal, 14},
    {"fifteen", Lex::kCardinal, 15},
    {"sixteen", Lex::kCardinal, 16},
    {"seventeen", Lex::kCardinal, 17},
    {"eighteen", Lex::kCardinal, 18},
    {"nineteen", Lex::kCardinal, 19},
    {"twenty", Lex::kTens, 20},
    {"thirty", Lex::kTens, 30},
    {"forty", Lex::kTens, 40},
    {"fifty", Lex::kTens, 50},
    {"sixty", Lex::kTens, 60},
    {"seventy", Lex::kTens, 70},
    {"eighty", Lex::kTens, 80},
    {"ninety", Lex::kTens, 90},
    {"hundred", Lex::kHundred, 100},
    {"thousand", Lex::kThousand, 1000},
    {"million", Lex::kMillion, 1000000},
    {"mln", Lex::kMillion, 1000000},
    {"billion", Lex::kBillion, 1000000000},
    {"bn", Lex::kBillion, 1000000000},
    {"dozen", Lex::kDozen, 12},
    {"dozens", Lex::kDozens, 24, 99},
    {"hundreds", Lex::kHundreds, 200, 999},
    {"thousands", Lex::kThousands, 2000, 9999},
    {"millions", Lex::kMillions, 2000000, 9999999},
    {"tens", Lex::kTensOf, 0},
    {"scores", Lex::kScores, 40, 99},
    {"several", Lex::kSeveral, 3, 9},
    {"few", Lex::kFew, 2, 5},
    {"couple", Lex::kCouple, 2, 2},
    {"handful", Lex::kHandful, 2, 5},
    {"a", Lex::kA},
    {"an", Lex::kA},
    {"and", Lex::kAnd},
    {"of", Lex::kOf},
    {"or", Lex::kOr},
    {"to", Lex::kTo},
    {"between", Lex::kBetween},
    {"the", Lex::kThe},
    {"about", Lex::kAbout},
    {"around", Lex::kAbout},
    {"approximately", Lex::kAbout},
    {"approx", Lex::kAbout},
    {"roughly", Lex::kAbout},
    {"circa", Lex::kAbout},
    {"some", Lex::kSome},
    {"estimated", Lex::kEstimated},
    {"nearly", Lex::kNearly},
    {"almost", Lex::kNearly},
    {"approaching", Lex::kNearly},
    {"close", Lex::kClose},
    {"more", Lex::kMore},
    {"than", Lex::kThan},
    {"over", Lex::kOver},
    {"above", Lex::kAbove},
    {"excess", Lex::kExcess},
    {"upwards", Lex::kUpwards},
    {"at", Lex::kAt},
    {"least", Lex::kLeast},
    {"most", Lex::kMost},
    {"up", Lex::kUp},
    {"as", Lex::kAs},
    {"many", Lex::kMany},
    {"less", Lex::kLess},
    {"fewer", Lex::kLess},
    {"under", Lex::kUnder},
    {"below", Lex::kUnder},
    {"no", Lex::kNo},
    {"not", Lex::kNot},
    {"never", Lex::kNot},
    {"didn", Lex::kNot},
    {"don", Lex::kNot},
    {"doesn", Lex::kNot},
    {"wasn", Lex::kNot},
    {"weren", Lex::kNot},
    {"hasn", Lex::kNot},
    {"haven", Lex::kNot},
    {"hadn", Lex::kNot},
    {"just", Lex::kJust},
    {"well", Lex::kWell},
    {"plus", Lex::kPlus},
    {"odd", Lex::kOdd},
    {"so", Lex::kSo},
    {"another", Lex::kAnother},
    {"further", Lex::kAnother},
    {"additional", Lex::kAnother},
    // Casualty words.
    {"killed", Lex::kKilled},
    {"kill", Lex::kKill},
    {"kills", Lex::kKill},
    {"killing", Lex::kKill},
    {"died", Lex::kDied},
    {"die", Lex::kDied},
    {"dies", Lex::kDied},
    {"dying", Lex::kDied},
    {"perished", Lex::kDied},
    {"dead", Lex::kDead},
    {"death", Lex::kDeath},
    {"deaths", Lex::kDeaths},
    {"fatalities", Lex::kDeaths},
    {"toll", Lex::kToll},
    {"lives", Lex::kLives},
    {"lost", Lex::kLost},
    {"martyred", Lex::kMartyred},
    {"martyrs", Lex::kMartyrs},
    {"wounded", Lex::kWounded},
    {"injured", Lex::kWounded},
    {"hurt", Lex::kWounded},
    {"wounding", Lex::kWounding},
    {"injuring", Lex::kWounding},
    {"hurting", Lex::kWounding},
    {"injuries", Lex::kInjuries},
    {"missing", Lex::kMissing},
    {"captured", Lex::kCaptured},
    {"capture", Lex::kCapturing},
    {"captures", Lex::kCapturing},
    {"capturing", Lex::kCapturing},
    {"taken", Lex::kTaken},
    {"prisoner", Lex::kPrisoner},
    {"prisoners", Lex::kPrisoner},
    {"captive", Lex::kPrisoner},
    {"captives", Lex::kPrisoner},
    {"hostage", Lex::kPrisoner},
    {"hostages", Lex::kPrisoner},
    {"casualties", Lex::kCasualties},
    {"losses", Lex::kLosses},
    {"was", Lex::kBe},
    {"were", Lex::kBe},
    {"is", Lex::kBe},
    {"are", Lex::kBe},
    {"been", Lex::kBe},
    {"be", Lex::kBe},
    {"being", Lex::kBe},
    {"got", Lex::kBe},
    {"get", Lex::kBe},
    {"had", Lex::kHave},
    {"have", Lex::kHave},
    {"has", Lex::kHave},
    {"went", Lex::kWent},
    {"go", Lex::kWent},
    {"gone", Lex::kWent},
    {"remain", Lex::kWent},
    {"remains", Lex::kWent},
    {"remained", Lex::kWent},
    {"seriously", Lex::kAdverb},
    {"severely", Lex::kAdverb},
    {"critically", Lex::kAdverb},
    {"gravely", Lex::kAdverb},
    {"slightly", Lex::kAdverb},
    {"lightly", Lex::kAdverb},
    {"fatally", Lex::kAdverb},
    {"mortally", Lex::kAdverb},
    {"reportedly", Lex::kAdverb},
    {"allegedly", Lex::kAdverb},
    {"also", Lex::kAdverb},
    {"both", Lex::kAdverb},
    {"later", Lex::kAdverb},
    {"subsequently", Lex::kAdverb},
    {"reported", Lex::kAdverb},
    {"confirmed", Lex::kAdverb},
    {"believed", Lex::kAdverb},
    {"feared", Lex::kAdverb},
    {"presumed", Lex::kAdverb},
    {"still", Lex::kAdverb},
    {"officially", Lex::kAdverb},
    {"reportedly", Lex::kAdverb},
    {"instantly", Lex::kAdverb},
    {"immediately", Lex::kAdverb},
    {"now", Lex::kAdverb},
    // People.
    {"people", Lex::kWho, 0, 0, "people"},
    {"person", Lex::kWho, 0, 0, "people"},
    {"persons", Lex::kWho, 0, 0, "people"},
    {"civilian", Lex::kWho, 0, 0, "civilians"},
    {"civilians", Lex::kWho, 0, 0, "civilians"},
    {"soldier", Lex::kWho, 0, 0, "soldiers"},
    {"soldiers", Lex::kWho, 0, 0, "soldiers"},
    {"serviceman", Lex::kWho, 0, 0, "servicemen"},
    {"servicemen", Lex::kWho, 0, 0, "servicemen"},
    {"servicemember", Lex::kWho, 0, 0, "servicemen"},
    {"servicemembers", Lex::kWho, 0, 0, "servicemen"},
    {"troops", Lex::kWho, 0, 0, "troops"},
    {"personnel", Lex::kWho, 0, 0, "personnel"},
    {"policeman", Lex::kWho, 0, 0, "policemen"},
    {"policemen", Lex::kWho, 0, 0, "policemen"},
    {"police", Lex::kWho, 0, 0, "policemen"},
    {"officer", Lex::kWho, 0, 0, "officers"},
    {"officers", Lex::kWho, 0, 0, "officers"},
    {"fighter", Lex::kWho, 0, 0, "fighters"},
    {"fighters", Lex::kWho, 0, 0, "fighters"},
    {"militant", Lex::kWho, 0, 0, "militants"},
    {"militants", Lex::kWho, 0, 0, "militants"},
    {"rebel", Lex::kWho, 0, 0, "rebels"},
    {"rebels", Lex::kWho, 0, 0, "rebels"},
    {"separatist", Lex::kWho, 0, 0, "separatists"},
    {"separatists", Lex::kWho, 0, 0, "separatists"},
    {"terrorist", Lex::kWho, 0, 0, "terrorists"},
    {"terrorists", Lex::kWho, 0, 0, "terrorists"},
    {"guard", Lex::kWho, 0, 0, "guards"},
    {"guards", Lex::kWho, 0, 0, "guards"},
    {"peacekeeper", Lex::kWho, 0, 0, "peacekeepers"},
    {"peacekeepers", Lex::kWho, 0, 0, "peacekeepers"},
    {"child", Lex::kWho, 0, 0, "children"},
    {"children", Lex::kWho, 0, 0, "children"},
    {"woman", Lex::kWho, 0, 0, "women"},
    {"women", Lex::kWho, 0, 0, "women"},
    {"man", Lex::kWho, 0, 0, "men"},
    {"men", Lex::kWho, 0, 0, "men"},
    {"boy", Lex::kWho, 0, 0, "boys"},
    {"boys", Lex::kWho, 0, 0, "boys"},
    {"girl", Lex::kWho, 0, 0, "girls"},
    {"girls", Lex::kWho, 0, 0, "girls"},
    {"resident", Lex::kWho, 0, 0, "residents"},
    {"residents", Lex::kWho, 0, 0, "residents"},
    {"villager", Lex::kWho, 0, 0, "villagers"},
    {"villagers", Lex::kWho, 0, 0, "villagers"},
    {"worker", Lex::kWho, 0, 0, "workers"},
    {"workers", Lex::kWho, 0, 0, "workers"},
    {"journalist", Lex::kWho, 0, 0, "journalists"},
    {"journalists", Lex::kWho, 0, 0, "journalists"},
    {"reporter", Lex::kWho, 0, 0, "journalists"},
    {"reporters", Lex::kWho, 0, 0, "journalists"},
    {"medic", Lex::kWho, 0, 0, "medics"},
    {"medics", Lex::kWho, 0, 0, "medics"},
    {"citizen", Lex::kWho, 0, 0, "citizens"},
    {"citizens", Lex::kWho, 0, 0, "citizens"},
    {"individuals", Lex::kWho, 0, 0, "people"},
    {"member", Lex::kWho, 0, 0, "members"},
    {"members", Lex::kWho, 0, 0, "members"},
    {"conscript", Lex::kWho, 0, 0, "conscripts"},
    {"conscripts", Lex::kWho, 0, 0, "conscripts"},
    {"volunteer", Lex::kWho, 0, 0, "volunteers"},
    {"volunteers", Lex::kWho, 0, 0, "volunteers"},
    {"sapper", Lex::kWho, 0, 0, "sappers"},
    {"sappers", Lex::kWho, 0, 0, "sappers"},
    {"deminer", Lex::kWho, 0, 0, "deminers"},
    {"deminers", Lex::kWho, 0, 0, "deminers"},
    {"pilot", Lex::kWho, 0, 0, "pilots"},
    {"pilots", Lex::kWho, 0, 0, "pilots"},
    {"farmer", Lex::kWho, 0, 0, "farmers"},
    {"farmers", Lex::kWho, 0, 0, "farmers"},
    {"shepherd", Lex::kWho, 0, 0, "shepherds"},
    {"shepherds", Lex::kWho, 0, 0, "shepherds"},
    {"driver", Lex::kWho, 0, 0, "drivers"},
    {"drivers", Lex::kWho, 0, 0, "drivers"},
    {"employee", Lex::kWho, 0, 0, "employees"},
    {"employees", Lex::kWho, 0, 0, "employees"},
    {"victims", Lex::kWho, 0, 0, "people"},
    {"commander", Lex::kWho, 0, 0, "commanders"},
    {"commanders", Lex::kWho, 0, 0, "commanders"},
    {"official", Lex::kWho, 0, 0, "officials"},
    {"officials", Lex::kWho, 0, 0, "officials"},
    {"judge", Lex::kWho, 0, 0, "judges"},
    {"student", Lex::kWho, 0, 0, "students"},
    {"students", Lex::kWho, 0, 0, "students"},
    {"teacher", Lex::kWho, 0, 0, "teachers"},
    {"teachers", Lex::kWho, 0, 0, "teachers"},
    {"doctor", Lex::kWho, 0, 0, "doctors"},
    {"doctors", Lex::kWho, 0, 0, "doctors"},
    {"passenger", Lex::kWho, 0, 0, "passengers"},
    {"passengers", Lex::kWho, 0, 0, "passengers"},
    {"contractor", Lex::kWho, 0, 0, "contractors"},
    {"contractors", Lex::kWho, 0, 0, "contractors"},
    {"teenager", Lex::kWho, 0, 0, "teenagers"},
    {"teenagers", Lex::kWho, 0, 0, "teenagers"},
    {"Azeris", Lex::kWho, 0, 0, "Azerbaijanis"},
    // Clause words.
    {"who", Lex::kRelative},
    {"whom", Lex::kRelative},
    {"that", Lex::kRelative},
    {"which", Lex::kRelative},
    {"said", Lex::kBoundary},
    {"says", Lex::kBoundary},
    {"say", Lex::kBoundary},
    {"told", Lex::kBoundary},
    {"when", Lex::kBoundary},
    {"while", Lex::kBoundary},
    {"after", Lex::kBoundary},
    {"before", Lex::kBoundary},
    {"because", Lex::kBoundary},
    {"if", Lex::kBoundary},
    {"whereas", Lex::kBoundary},
    {"but", Lex::kBoundary},
    {"according", Lex::kBoundary},
    {"where", Lex::kBoundary},
    {"although", Lex::kBoundary},
    {"though", Lex::kBoundary},
    {"announced", Lex::kBoundary},
    {"stated", Lex::kBoundary},
    {"without", Lex::kWithout},
    {"nobody", Lex::kNobody},
    {"none", Lex::kNobody},
    {"suffering", Lex::kSuffering},
    {"suffered", Lex::kSuffering},
    {"suffer", Lex::kSuffering},
    {"sustaining", Lex::kSuffering},
    {"sustained", Lex::kSuffering},
    {"incurring", Lex::kSuffering},
    {"incurred", Lex::kSuffering},
    {"any", Lex::kSuffering},
    {"including", Lex::kIncluding},
    {"among", Lex::kAmong},
    {"left", Lex::kLeft},
    {"leaving", Lex::kLeft},
    {"claimed", Lex::kClaimed},
    {"took", Lex::kClaimed},
    {"in", Lex::kIn},
    {"on", Lex::kPrep},
    {"near", Lex::kPrep},
    {"during", Lex::kPrep},
    {"by", Lex::kPrep},
    {"from", Lex::kPrep},
    {"with", Lex::kPrep},
    {"for", Lex::kPrep},
    {"within", Lex::kPrep},
    {"throughout", Lex::kPrep},
    {"following", Lex::kPrep},
    {"into", Lex::kPrep},
    {"far", Lex::kFar},
    {"date", Lex::kDate},
    {"total", Lex::kTotal},
    {"altogether", Lex::kAltogether},
    {"overall", Lex::kAltogether},
    {"cumulatively", Lex::kAltogether},
    {"past", Lex::kPast},
    {"last", Lex::kPast},
    {"previous", Lex::kPast},
    {"recent", Lex::kPast},
    {"day", Lex::kUnit},
    {"days", Lex::kUnit},
    {"week", Lex::kUnit},
    {"weeks", Lex::kUnit},
    {"month", Lex::kUnit},
    {"months", Lex::kUnit},
    {"year", Lex::kUnit},
    {"years", Lex::kUnit},
    {"decade", Lex::kUnit},
    {"decades", Lex::kUnit},
    {"hour", Lex::kTimeWord},
    {"hours", Lex::kTimeWord},
    {"minute", Lex::kTimeWord},
    {"minutes", Lex::kTimeWord},
    {"seconds", Lex::kTimeWord},
    {"km", Lex::kTimeWord},
    {"kilometers", Lex::kTimeWord},
    {"kilometres", Lex::kTimeWord},
    {"meters", Lex::kTimeWord},
    {"metres", Lex::kTimeWord},
    {"percent", Lex::kTimeWord},
    {"square", Lex::kTimeWord},
    {"war", Lex::kWar},
    {"wars", Lex::kWar},
    {"conflict", Lex::kWar},
    {"conflicts", Lex::kWar},
    {"zone", Lex::kPlace},
    {"zones", Lex::kPlace},
    {"area", Lex::kPlace},
    {"areas", Lex::kPlace},
    {"region", Lex::kPlace},
    {"line", Lex::kPlace},
    {"side", Lex::kPlace},
    {"sides", Lex::kPlace},
    {"parties", Lex::kPlace},
    {"party", Lex::kPlace},
    {"since", Lex::kSince},
    {"all", Lex::kAll},
};


using Table = WordTable<Entry, 1024, 16>;

const Table& GetTable() {
  static const Table* table = new Table(kTable);
  return *table;
}

bool IsAlpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Byte classes of Tokenize, by table rather than by chains of compares.
enum ByteClass : uint8_t {
  kSpaceByte,    // ' ', '\t', '\f', '\v'
  kLineByte,     // '\n', '\r'
  kDigitByte,
  kAlphaByte,
  kHighByte,     // >= 0x80: a word byte unless it starts UTF-8 punctuation
  kPunctByte,
};

constexpr std::array<uint8_t, 256> MakeClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      t[c] = kSpaceByte;
    } else if (c == '\n' || c == '\r') {
      t[c] = kLineByte;
    } else if (c >= '0' && c <= '9') {
      t[c] = kDigitByte;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t[c] = kAlphaByte;
    } else if (c >= 0x80) {
      t[c] = kHighByte;
    } else {
      t[c] = kPunctByte;
    }
  }
  return t;
}
constexpr std::array<uint8_t, 256> kClass = MakeClasses();

// Only these lead bytes can start what Utf8PunctAsAscii recognises (the
// no-break space C2 A0 and the E2 80 xx punctuation).
bool MayBeUtf8Punct(unsigned char c) { return c == 0xC2 || c == 0xE2; }


}  // namespace

std::vector<Tok> Tokenize(std::string_view s) {
  std::vector<Tok> out;
  out.reserve(s.size() / 5 + 4);
  const Table& table = GetTable();
  bool line_start = true;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    const uint8_t cls = kClass[c];
    if (cls == kSpaceByte) {
      ++i;
      continue;
    }
    if (cls == kLineByte) {
      line_start = true;
      ++i;
      continue;
    }
    char ascii = 0;
    size_t w = cls == kHighByte && MayBeUtf8Punct(c)
                   ? Utf8PunctAsAscii(s, i, &ascii)
                   : 0;
    if (w && ascii == ' ') {
      i += w;
      continue;
    }
    // Built in place: a Tok assembled on the stack and copied stalls on
    // store forwarding.
    Tok& t = out.emplace_back();
    size_t j = i + 1;
    if (w) {
      t.kind = Tok::kPunct;
      t.punct = ascii;
      j = i + w;
    } else if (cls == kDigitByte) {
      t.kind = Tok::kNumber;
      while (j < s.size() && kClass[static_cast<unsigned char>(s[j])] ==
                                 kDigitByte)
        ++j;
    } else if (cls == kAlphaByte || cls == kHighByte) {
      t.kind = Tok::kWord;
      char dummy;
      while (j < s.size()) {
        j = EndOfAsciiLetters(s, j);
        if (j == s.size()) break;
        const unsigned char d = s[j];
        if (kClass[d] == kHighByte &&
            !(MayBeUtf8Punct(d) && Utf8PunctAsAscii(s, j, &dummy))) {
          ++j;
        } else {
          break;
        }
      }
      t.cap = c >= 'A' && c <= 'Z';
    } else {
      t.kind = Tok::kPunct;
      t.punct = static_cast<char>(c);
    }
    t.begin = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(j);
    t.text = s.substr(i, j - i);
    t.line_start = line_start;
    line_start = false;
    if (t.kind == Tok::kWord) {
      if (const Entry* e = table.Find(t.text)) {
        t.lex = e->lex;
        t.value = e->value;
        t.value2 = e->value2;
        t.canon = e->canon;
      }
    }
    i = j;
  }
  return out;
}

bool LooksLikeDemonym(const Tok& t) {
  if (t.kind != Tok::kWord || !t.cap || t.text.size() < 5) return false;
  std::string_view w = t.text;
  for (char c : w)
    if (!IsAlpha(static_cast<unsigned char>(c))) return false;
  return w.ends_with("ans") || w.ends_with("is") || w.ends_with("ians") ||
         w.ends_with("Turks") || w.ends_with("Kurds");
}

}  // namespace ceasewatch::numbers_internal
