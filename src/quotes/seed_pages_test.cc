// FindAttributions on the real sample pages in ../shared/corpus/seeds.
// The expectations name only speakers, verbs, stances and the short
// phrases a denial targets; the pages themselves are read at run time.
// Skips when ../shared is absent.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "quotes/attribution.h"
#include "shared_data.h"

namespace ceasewatch {
namespace {

using ceasewatch::testing::ReadFile;
using ceasewatch::testing::SharedDir;

struct Expected {
  const char* file;     // under corpus/seeds, by prefix
  const char* speaker;  // a prefix of the speaker as written
  const char* verb;
  Attribution::Kind kind;
  Attribution::Stance stance;
  const char* target;  // nullptr: any; "*": any non-empty
};

constexpr Attribution::Kind kDirect = Attribution::kDirectQuote;
constexpr Attribution::Kind kReported = Attribution::kReportedSpeech;
constexpr Attribution::Kind kAccording = Attribution::kAccordingTo;
constexpr Attribution::Kind kSource = Attribution::kSourceReport;
constexpr Attribution::Stance kAsserts = Attribution::kAsserts;
constexpr Attribution::Stance kDenies = Attribution::kDenies;
constexpr Attribution::Stance kDisputes = Attribution::kDisputes;
constexpr Attribution::Stance kConfirms = Attribution::kConfirms;

const Expected kExpected[] = {
    {"000_", "the so-called Artsakh Security Council", "according to",
     kAccording, kAsserts, nullptr},
    {"000_", "Armenian sources", "reported", kSource, kAsserts, nullptr},
    {"000_", "Security expert", "told", kDirect, kAsserts, nullptr},
    {"001_", "the Ministry of Defense of Azerbaijan", "saying", kReported,
     kAsserts, nullptr},
    {"001_", "The Armenian Defense Ministry", "called", kReported, kDenies,
     "this information"},
    {"001_", "Agil Abbas, a member of the Milli Majlis Committee on Defense",
     "told", kReported, kAsserts, nullptr},
    {"001_", "Agil Abbas, a member of the Milli Majlis Committee on Defense",
     "told", kDirect, kAsserts, nullptr},
    {"002_", "the Armenian military department", "said", kDirect, kAsserts,
     nullptr},
    {"002_", "the agency", "said", kDirect, kAsserts, nullptr},
    {"002_", "Trend", "reported", kSource, kAsserts, nullptr},
    {"002_", "local media", "write", kSource, kAsserts, nullptr},
    {"002_", "Yerevan", "confirmed", kReported, kConfirms, nullptr},
    {"002_", "They", "called", kReported, kDenies, "*"},
    {"003_", "Moscow", "said", kReported, kAsserts, nullptr},
    {"003_", "Russia", "claimed", kReported, kAsserts, nullptr},
    {"003_", "Russia's Defense Ministry", "said", kReported, kAsserts, nullptr},
    {"003_", "Azerbaijan's Defense Ministry", "refuted", kReported, kDisputes,
     "Moscow's version of events"},
    {"003_", "Azerbaijan", "denied", kReported, kDenies,
     "the Russian statement"},
    {"003_", "the Azeri defense ministry", "said", kDirect, kAsserts, nullptr},
    {"003_", "Azerbaijan\xE2\x80\x99s defense ministry", "said", kDirect,
     kDenies, "*"},
    {"004_", "Azernews", "reports", kSource, kAsserts, nullptr},
    {"004_", "Galuzin", "emphasised", kDirect, kAsserts, nullptr},
};

std::string FindSeed(const std::string& dir, std::string_view prefix) {
  for (const char* name :
       {"000_f5f67fe135edf090.txt", "001_5a259469ce8bbc15.txt",
        "002_40bf29ce910d5a17.txt", "003_74ca31117742919c.txt",
        "004_2845e4e534468d56.txt"}) {
    if (std::string_view(name).substr(0, prefix.size()) == prefix) {
      return dir + "/corpus/seeds/" + name;
    }
  }
  return "";
}

TEST(SeedPages, FindsTheExpectedAttributions) {
  const std::string dir = SharedDir();
  if (dir.empty()) GTEST_SKIP() << "../shared not found";
  int found = 0;
  for (const Expected& want : kExpected) {
    const std::string path = FindSeed(dir, want.file);
    const std::string text = ReadFile(path);
    if (text.empty()) GTEST_SKIP() << "missing " << path;
    bool ok = false;
    for (const Attribution& a : FindAttributions(text)) {
      std::string_view speaker = a.speaker(text);
      if (speaker.substr(0, std::string_view(want.speaker).size()) !=
              want.speaker ||
          a.verb != want.verb || a.kind != want.kind ||
          a.stance != want.stance) {
        continue;
      }
      if (want.target != nullptr) {
        std::string_view target = a.target(text);
        if (std::string_view(want.target) == "*" ? target.empty()
                                                 : target != want.target) {
          continue;
        }
      }
      ok = true;
      break;
    }
    EXPECT_TRUE(ok) << want.file << " speaker=[" << want.speaker
                    << "] verb=" << want.verb << " kind=" << KindName(want.kind)
                    << " stance=" << StanceName(want.stance);
    found += ok;
  }
  EXPECT_EQ(found, static_cast<int>(std::size(kExpected)));
}

}  // namespace
}  // namespace ceasewatch
