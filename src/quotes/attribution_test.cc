// Table-driven tests of FindAttributions: a snippet in, one dump line per
// attribution out (DumpAttribution). The snippets are written for these
// tests in the shapes news copy uses; no article text is quoted.
#include "quotes/attribution.h"

#include <gtest/gtest.h>

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace ceasewatch {
namespace {

std::string Dumps(std::string_view text) {
  std::string out;
  for (const Attribution& a : FindAttributions(text)) {
    if (!out.empty()) out += "\n";
    out += DumpAttribution(text, a);
  }
  return out;
}

struct Case {
  const char* name;
  const char* text;
  const char* want;  // dump lines joined by '\n'; "" for none
};

class FindAttributionsTest : public ::testing::TestWithParam<Case> {};

TEST_P(FindAttributionsTest, Dumps) {
  EXPECT_EQ(Dumps(GetParam().text), GetParam().want) << GetParam().text;
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  return info.param.name;
}

// ---------------------------------------------------------- direct quotes

const Case kDirect[] = {
    {"CurlySpeakerAfter",
     "“The convoy passed the bridge at noon,” the Northvale defence ministry "
     "said.",
     "speaker=[the Northvale defence ministry] stance=asserts kind=direct "
     "verb=said content=[The convoy passed the bridge at noon]"},
    {"StraightInverted",
     "\"Our positions have not changed,\" said the Southmark Foreign "
     "Ministry.",
     "speaker=[the Southmark Foreign Ministry] stance=asserts kind=direct "
     "verb=said content=[Our positions have not changed]"},
    {"InvertedWithAppositive",
     "\"The pass is open,\" said Ali Varo, a spokesman for the ministry.",
     "speaker=[Ali Varo, a spokesman for the ministry] stance=asserts "
     "kind=direct verb=said content=[The pass is open]"},
    {"AppositiveAfterQuote",
     "\"The pass is open,\" Ali Varo, a spokesman for the ministry, said.",
     "speaker=[Ali Varo, a spokesman for the ministry] stance=asserts "
     "kind=direct verb=said content=[The pass is open]"},
    {"MultiSentenceToldObject",
     "“We hold the ridge. Nobody has left it,” Colonel Ardo Pell told "
     "reporters.",
     "speaker=[Colonel Ardo Pell] stance=asserts kind=direct verb=told "
     "content=[We hold the ridge. Nobody has left it]"},
    {"SpeakerBeforeColon",
     "General Mara Voss said: “The convoy will pass tomorrow.”",
     "speaker=[General Mara Voss] stance=asserts kind=direct verb=said "
     "content=[The convoy will pass tomorrow.]"},
    {"SpeakerBeforeComma", "The spokesman said, \"Nobody crossed the line.\"",
     "speaker=[The spokesman] stance=asserts kind=direct verb=said "
     "content=[Nobody crossed the line.]"},
    {"NoCommaInAStatement",
     "\"The shelling stopped at dawn\" the Vessany army said in a statement.",
     "speaker=[the Vessany army] stance=asserts kind=direct verb=said "
     "content=[The shelling stopped at dawn]"},
    {"Guillemets", "«The village is calm», the mayor of Dunmore said.",
     "speaker=[the mayor of Dunmore] stance=asserts kind=direct verb=said "
     "content=[The village is calm]"},
    {"SingleCurly", "‘We will not withdraw,’ the commander’s deputy said.",
     "speaker=[the commander’s deputy] stance=asserts kind=direct verb=said "
     "content=[We will not withdraw]"},
    {"PeriodInsideThenComma",
     "“Fire was opened on the posts. Two were hit.” , the Vessany military "
     "department said.",
     "speaker=[the Vessany military department] stance=asserts kind=direct "
     "verb=said content=[Fire was opened on the posts. Two were hit.]"},
    {"TypoClosingMark",
     "“The night was quiet, the shelling stopped “notes the correspondent.",
     "speaker=[the correspondent] stance=asserts kind=direct verb=notes "
     "content=[The night was quiet, the shelling stopped]"},
    {"ContinuedInNextSentence",
     "\"We saw the trucks,\" he said. \"They crossed at night.\"",
     "speaker=[he] stance=asserts kind=direct verb=said content=[We saw the "
     "trucks]\n"
     "speaker=[he] stance=asserts kind=direct verb=said content=[They crossed "
     "at night.]"},
    {"ContinuationNeedsTheSentenceRightBefore",
     "\"We saw the trucks,\" he said. Later the army said it left. \"They "
     "crossed at night.\"",
     "speaker=[he] stance=asserts kind=direct verb=said content=[We saw the "
     "trucks]\n"
     "speaker=[the army] stance=asserts kind=reported verb=said content=[it "
     "left]"},
    {"Interrupted",
     "“We saw the trucks,” she said, “and they crossed at night.”",
     "speaker=[she] stance=asserts kind=direct verb=said content=[We saw the "
     "trucks]\n"
     "speaker=[she] stance=asserts kind=direct verb=said content=[and they "
     "crossed at night.]"},
    {"AddingThat",
     "“The front is quiet,” the ministry noted, adding that two soldiers "
     "were wounded.",
     "speaker=[the ministry] stance=asserts kind=direct verb=noted "
     "content=[The front is quiet]\n"
     "speaker=[the ministry] stance=asserts kind=reported verb=adding "
     "content=[two soldiers were wounded]"},
    {"PartialQuotesBeforeSpeaker",
     "The army is taking “all necessary measures” to “restore order,” "
     "Southmark stressed.",
     "speaker=[Southmark] stance=asserts kind=reported verb=stressed "
     "content=[The army is taking “all necessary measures” to “restore "
     "order,”]"},
    {"LeadInColonThenQuotedParagraph",
     "The envoy stressed that the accord stays in force:\n\n"
     "\"Nobody has cancelled the accord.\"",
     "speaker=[The envoy] stance=asserts kind=reported verb=stressed "
     "content=[the accord stays in force]\n"
     "speaker=[The envoy] stance=asserts kind=direct verb=stressed "
     "content=[Nobody has cancelled the accord.]"},
    {"UnclosedQuoteRunsToParagraphEnd",
     "Analyst Ren Halvo told that the reports were worrying:\n"
     "“The posts remain. The peace has not come.\n"
     "“Nothing will change soon.”",
     "speaker=[Analyst Ren Halvo] stance=asserts kind=reported verb=told "
     "content=[the reports were worrying]\n"
     "speaker=[Analyst Ren Halvo] stance=asserts kind=direct verb=told "
     "content=[The posts remain. The peace has not come.]\n"
     "speaker=[Analyst Ren Halvo] stance=asserts kind=direct verb=told "
     "content=[Nothing will change soon.]"},
    {"ReportedClauseThenColonQuote",
     "Deputy Sela Maren told Radio Dawn, the issue is discussed in private: "
     "\"I cannot say more. The ministry has spoken.\"",
     "speaker=[Deputy Sela Maren] stance=asserts kind=reported verb=told "
     "content=[the issue is discussed in private]\n"
     "speaker=[Deputy Sela Maren] stance=asserts kind=direct verb=told "
     "content=[I cannot say more. The ministry has spoken.]"},
    {"ScareQuotesAreNotStatements",
     "Nobody recognized the \"republic\" and its \"army\" stayed.", ""},
};

INSTANTIATE_TEST_SUITE_P(Direct, FindAttributionsTest,
                         ::testing::ValuesIn(kDirect), CaseName);

// -------------------------------------------------------- reported speech

const Case kReported[] = {
    {"SaidThat", "Northvale said that its troops had entered the zone.",
     "speaker=[Northvale] stance=asserts kind=reported verb=said "
     "content=[its troops had entered the zone]"},
    {"HasSaidNoThat",
     "Brenmoor has said soldiers from Southmark violated the truce.",
     "speaker=[Brenmoor] stance=asserts kind=reported verb=said "
     "content=[soldiers from Southmark violated the truce]"},
    {"TimeBetweenSubjectAndVerb",
     "Northvale on Saturday claimed that soldiers had entered the buffer "
     "zone.",
     "speaker=[Northvale] stance=asserts kind=reported verb=claimed "
     "content=[soldiers had entered the buffer zone]"},
    {"TimeAfterVerb",
     "Brenmoor said on Saturday it was deeply concerned by the clashes.",
     "speaker=[Brenmoor] stance=asserts kind=reported verb=said content=[it "
     "was deeply concerned by the clashes]"},
    {"Possessive",
     "Southmark's Defence Ministry said enemy drones struck two villages.",
     "speaker=[Southmark's Defence Ministry] stance=asserts kind=reported "
     "verb=said content=[enemy drones struck two villages]"},
    {"AbbreviatedTitle", "Gen. Ardo Pell said the U.S. envoy had arrived.",
     "speaker=[Gen. Ardo Pell] stance=asserts kind=reported verb=said "
     "content=[the U.S. envoy had arrived]"},
    {"Appositive",
     "Ilan Moor, a member of the Assembly Committee on Security, Defence and "
     "Oversight, told Radio Veritas, the talks were stalled.",
     "speaker=[Ilan Moor, a member of the Assembly Committee on Security, "
     "Defence and Oversight] stance=asserts kind=reported verb=told "
     "content=[the talks were stalled]"},
    {"AppositiveDropsIntroAndAdjunct",
     "After the vote, the Highland council, with the support of Vessany, "
     "announced its secession.",
     "speaker=[the Highland council] stance=asserts kind=reported "
     "verb=announced content=[its secession]"},
    {"ToldReportersThat",
     "The minister told reporters that the border was closed.",
     "speaker=[The minister] stance=asserts kind=reported verb=told "
     "content=[the border was closed]"},
    {"ReportedThatIsSourceReport",
     "The Northvale army reported that three posts were shelled overnight.",
     "speaker=[The Northvale army] stance=asserts kind=source_report "
     "verb=reported content=[three posts were shelled overnight]"},
    {"Announced", "The ministry announced an end to the exercises.",
     "speaker=[The ministry] stance=asserts kind=reported verb=announced "
     "content=[an end to the exercises]"},
    {"StressedNotedAdded",
     "The ministry stressed that the truce held. The expert noted that the "
     "convoy was late. The office added that talks would resume.",
     "speaker=[The ministry] stance=asserts kind=reported verb=stressed "
     "content=[the truce held]\n"
     "speaker=[The expert] stance=asserts kind=reported verb=noted "
     "content=[the convoy was late]\n"
     "speaker=[The office] stance=asserts kind=reported verb=added "
     "content=[talks would resume]"},
    {"AccusedOf", "Southmark accused Northvale of shelling the market.",
     "speaker=[Southmark] stance=asserts kind=reported verb=accused "
     "content=[Northvale of shelling the market]"},
    {"BracketedAdverbial",
     "Northvale, in turn, warned of a humanitarian crisis in the valley.",
     "speaker=[Northvale] stance=asserts kind=reported verb=warned "
     "content=[of a humanitarian crisis in the valley]"},
    {"InAStatementThat",
     "The agency said in a statement that the airport was closed.",
     "speaker=[The agency] stance=asserts kind=reported verb=said "
     "content=[the airport was closed]"},
    {"TrailingSourceReport",
     "The road was closed again on Friday, Vessany Press reported.",
     "speaker=[Vessany Press] stance=asserts kind=source_report "
     "verb=reported content=[The road was closed again on Friday]"},
    {"LocalMediaWrite", "Shelling resumed near the river, local media write.",
     "speaker=[local media] stance=asserts kind=source_report verb=write "
     "content=[Shelling resumed near the river]"},
    {"TrailingWithAdverbial",
     "The two sides traded fire overnight, the ministry said on Sunday.",
     "speaker=[the ministry] stance=asserts kind=reported verb=said "
     "content=[The two sides traded fire overnight]"},
    {"InvertedWithoutQuotes", "The bridge was destroyed, said the governor.",
     "speaker=[the governor] stance=asserts kind=reported verb=said "
     "content=[The bridge was destroyed]"},
    {"CoordinatedVerbs",
     "Brenmoor called on Northvale to withdraw its troops, and said it was "
     "sending observers.",
     "speaker=[Brenmoor] stance=asserts kind=reported verb=called "
     "content=[Northvale to withdraw its troops]\n"
     "speaker=[Brenmoor] stance=asserts kind=reported verb=said content=[it "
     "was sending observers]"},
    {"TwoSpeakersOneSentence",
     "Northvale accused Southmark of breaking the truce, although Southmark "
     "rejected the charge.",
     "speaker=[Northvale] stance=asserts kind=reported verb=accused "
     "content=[Southmark of breaking the truce]\n"
     "speaker=[Southmark] stance=denies kind=reported verb=rejected "
     "content=[the charge] target=[the charge]"},
    {"CoordinatedSubjects",
     "Northvale and Southmark said the talks would resume.",
     "speaker=[Northvale and Southmark] stance=asserts kind=reported "
     "verb=said content=[the talks would resume]"},
    {"PluralBaseForm", "Officials say the dam was damaged.",
     "speaker=[Officials] stance=asserts kind=reported verb=say content=[the "
     "dam was damaged]"},
    {"IssuedAStatementSaying",
     "On May 7, the Ministry of Defence of Northvale issued a statement "
     "saying that trucks were again seen on the pass road.",
     "speaker=[the Ministry of Defence of Northvale] stance=asserts "
     "kind=reported verb=saying content=[trucks were again seen on the pass "
     "road]"},
    {"ImpersonalPassive", "It was reported that the bridge had collapsed.",
     "speaker=[] stance=asserts kind=source_report verb=reported content=[the "
     "bridge had collapsed]"},
    {"NounReadingsAreNotAttributions",
     "Media reports of shelling could not be verified. The recent reports "
     "from the region are alarming. Pashvar also called the president of "
     "Brenmoor. It should be noted that the road is open.",
     ""},
    {"WhatItSaidIsNotASpeaker",
     "The truce held after what it said were two violations.", ""},
};

INSTANTIATE_TEST_SUITE_P(Reported, FindAttributionsTest,
                         ::testing::ValuesIn(kReported), CaseName);

// ------------------------------------------------------------ according to

const Case kAccording[] = {
    {"Leading",
     "According to the so-called Highland Security Council, drills will be "
     "held in May.",
     "speaker=[the so-called Highland Security Council] stance=asserts "
     "kind=according_to verb=according to content=[drills will be held in "
     "May]"},
    {"Trailing",
     "Two soldiers were wounded, according to the Northvale defence "
     "ministry.",
     "speaker=[the Northvale defence ministry] stance=asserts "
     "kind=according_to verb=according to content=[Two soldiers were "
     "wounded]"},
    {"AfterHowever", "However, according to the expert, the ceasefire helped.",
     "speaker=[the expert] stance=asserts kind=according_to verb=according "
     "to content=[the ceasefire helped]"},
    {"Parenthetical", "The army, according to witnesses, fired on the crowd.",
     "speaker=[witnesses] stance=asserts kind=according_to verb=according to "
     "content=[The army, according to witnesses, fired on the crowd]"},
    {"DateCommaInSource",
     "According to the treaty signed on November 10, 2020, the troops must "
     "leave.",
     "speaker=[the treaty signed on November 10, 2020] stance=asserts "
     "kind=according_to verb=according to content=[the troops must leave]"},
    {"ThenColonQuote",
     "According to the deputy, the road is used often: \"Everybody knows "
     "that road.\"",
     "speaker=[the deputy] stance=asserts kind=according_to verb=according "
     "to content=[the road is used often]\n"
     "speaker=[the deputy] stance=asserts kind=direct verb=according to "
     "content=[Everybody knows that road.]"},
    {"InPossessiveWords", "In the governor's words, the siege is over.",
     "speaker=[the governor] stance=asserts kind=according_to verb=in words "
     "content=[the siege is over]"},
    {"InTheWordsOf", "In the words of the mayor, the city is safe.",
     "speaker=[the mayor] stance=asserts kind=according_to verb=in words "
     "content=[the city is safe]"},
    {"Citing", "Two villages were shelled overnight, citing local officials.",
     "speaker=[local officials] stance=asserts kind=according_to "
     "verb=citing content=[Two villages were shelled overnight]"},
};

INSTANTIATE_TEST_SUITE_P(According, FindAttributionsTest,
                         ::testing::ValuesIn(kAccording), CaseName);

// ----------------------------------------------------------------- stance

const Case kStance[] = {
    {"QuoteFalseDenies",
     "“The information about the withdrawal is false,” the Northvale "
     "defence ministry said.",
     "speaker=[the Northvale defence ministry] stance=denies kind=direct "
     "verb=said content=[The information about the withdrawal is false] "
     "target=[The information about the withdrawal]"},
    {"DoesNotReflectTheTruth",
     "“The report about the pullout does not reflect the truth. Our army "
     "holds the line,” the ministry said in a statement.",
     "speaker=[the ministry] stance=denies kind=direct verb=said "
     "content=[The report about the pullout does not reflect the truth. Our "
     "army holds the line] target=[The report about the pullout]"},
    {"NotTrue", "“The reports are not true,” the governor said.",
     "speaker=[the governor] stance=denies kind=direct verb=said "
     "content=[The reports are not true] target=[The reports]"},
    {"DeniedTheStatement", "Northvale, though, denied the Southmark statement.",
     "speaker=[Northvale] stance=denies kind=reported verb=denied "
     "content=[the Southmark statement] target=[the Southmark statement]"},
    {"DeniedFactNoTarget",
     "Northvale on Sunday denied that its troops had withdrawn.",
     "speaker=[Northvale] stance=denies kind=reported verb=denied "
     "content=[its troops had withdrawn]"},
    {"DenialOverContradicting",
     "Southmark on Sunday denied pulling out its troops, contradicting a "
     "statement by Northvale which had accused it of aggression.",
     "speaker=[Southmark] stance=denies kind=reported verb=denied "
     "content=[pulling out its troops, contradicting a statement by "
     "Northvale which had accused it of aggression] target=[a statement by "
     "Northvale]"},
    {"RefutedVersionDisputes",
     "Southmark's defence ministry has refuted Northvale's version of "
     "events, describing the statement as \"biased.\"",
     "speaker=[Southmark's defence ministry] stance=disputes kind=reported "
     "verb=refuted content=[Northvale's version of events, describing the "
     "statement as \"biased.\"] target=[Northvale's version of events]"},
    {"RejectedTheAccount", "Northvale rejected the account.",
     "speaker=[Northvale] stance=denies kind=reported verb=rejected "
     "content=[the account] target=[the account]"},
    {"CalledDisinformation",
     "The defence ministry called this information \"disinformation\".",
     "speaker=[The defence ministry] stance=denies kind=reported verb=called "
     "content=[this information \"disinformation\"] target=[this "
     "information]"},
    {"CalledAbsurd",
     "They called the claims that troops crossed the river “absurd”.",
     "speaker=[They] stance=denies kind=reported verb=called content=[the "
     "claims that troops crossed the river “absurd”] target=[the claims "
     "that troops crossed the river]"},
    {"DismissedAsNonsense",
     "Officials dismissed as nonsense the report that the dam was mined.",
     "speaker=[Officials] stance=denies kind=reported verb=dismissed "
     "content=[as nonsense the report that the dam was mined] target=[the "
     "report that the dam was mined]"},
    {"DescribedAsNotReflectingReality",
     "The ministry described the Northvale statement as not reflecting the "
     "reality.",
     "speaker=[The ministry] stance=disputes kind=reported verb=described "
     "content=[the Northvale statement as not reflecting the reality] "
     "target=[the Northvale statement]"},
    {"OneSidedDisputes",
     "\"The Northvale statement is one-sided,\" the ministry said.",
     "speaker=[the ministry] stance=disputes kind=direct verb=said "
     "content=[The Northvale statement is one-sided] target=[The Northvale "
     "statement]"},
    {"ContradictsInContent",
     "The ministry stressed that Northvale's claims \"contradict the facts "
     "on the ground\".",
     "speaker=[The ministry] stance=disputes kind=reported verb=stressed "
     "content=[Northvale's claims \"contradict the facts on the ground\"] "
     "target=[Northvale's claims]"},
    {"AccusedOfLying",
     "Southmark accused Northvale of lying about the casualties.",
     "speaker=[Southmark] stance=disputes kind=reported verb=accused "
     "content=[Northvale of lying about the casualties]"},
    {"CalledAProvocation", "The ministry called the report a provocation.",
     "speaker=[The ministry] stance=denies kind=reported verb=called "
     "content=[the report a provocation] target=[the report]"},
    {"CalledFakeNoStatementNoun", "Officials called the footage fake.",
     "speaker=[Officials] stance=denies kind=reported verb=called content=[the "
     "footage fake]"},
    {"ContradictingAStatement",
     "Northvale said its troops stayed, contradicting a statement by "
     "Southmark.",
     "speaker=[Northvale] stance=disputes kind=reported verb=said content=[its "
     "troops stayed, contradicting a statement by Southmark] target=[a "
     "statement by Southmark]"},
    {"RefutedDenies", "Northvale refuted the reports.",
     "speaker=[Northvale] stance=denies kind=reported verb=refuted "
     "content=[the reports] target=[the reports]"},
    {"Admitted", "The ministry admitted two soldiers were killed.",
     "speaker=[The ministry] stance=confirms kind=reported verb=admitted "
     "content=[two soldiers were killed]"},
    {"Confirmed", "Vessany confirmed the losses: 12 soldiers.",
     "speaker=[Vessany] stance=confirms kind=reported verb=confirmed "
     "content=[the losses: 12 soldiers]"},
    {"Acknowledged", "The army acknowledged that two posts were lost.",
     "speaker=[The army] stance=confirms kind=reported verb=acknowledged "
     "content=[two posts were lost]"},
    {"NegatedConfirmAsserts", "The ministry did not confirm the report.",
     "speaker=[The ministry] stance=asserts kind=reported verb=confirm "
     "content=[the report]"},
    {"PlainNegationStaysAsserts",
     "“There has been no change in the positions of our army,” the ministry "
     "said.",
     "speaker=[the ministry] stance=asserts kind=direct verb=said "
     "content=[There has been no change in the positions of our army]"},
};

INSTANTIATE_TEST_SUITE_P(Stance, FindAttributionsTest,
                         ::testing::ValuesIn(kStance), CaseName);

// ------------------------------------------------------------- invariants

TEST(FindAttributions, OffsetsAreOrderedAndInRange) {
  const std::string text =
      "“We hold the ridge,” the commander said. Northvale said that the "
      "convoy left.\nAccording to the agency, the road is open: \"Come and "
      "see.\"\n“The report is false,” he said, “and everyone knows it.”";
  std::vector<Attribution> got = FindAttributions(text);
  ASSERT_EQ(got.size(), 6u);
  uint32_t prev = 0;
  for (const Attribution& a : got) {
    EXPECT_GE(a.begin, prev);
    prev = a.begin;
    EXPECT_LE(a.begin, a.end);
    EXPECT_LE(a.end, text.size());
    EXPECT_LT(a.content_begin, a.content_end);
    EXPECT_LE(a.begin, a.content_begin);
    EXPECT_LE(a.content_end, a.end);
    EXPECT_LE(a.speaker_begin, a.speaker_end);
    EXPECT_LE(a.speaker_end, text.size());
    EXPECT_LE(a.target_begin, a.target_end);
    EXPECT_LE(a.target_end, text.size());
  }
}

TEST(FindAttributions, EmptyAndOddInputs) {
  EXPECT_TRUE(FindAttributions("").empty());
  EXPECT_TRUE(FindAttributions("\n\n\n").empty());
  EXPECT_TRUE(FindAttributions("\"").empty());
  EXPECT_TRUE(FindAttributions("said said said").empty());
  EXPECT_TRUE(FindAttributions(std::string("\xE2\x80\x9C\xE2\x80", 5)).empty());
  EXPECT_TRUE(FindAttributions(std::string(3, '\0')).empty());
}

// A 5 KB article of attributed sentences, for timing.
std::string Article5K() {
  const char* paragraphs[] = {
      "“The convoy passed the bridge at noon,” the Northvale defence "
      "ministry said. Southmark on Sunday denied the Northvale statement.",
      "According to the so-called Highland Security Council, drills will be "
      "held in May. It was reported that the bridge had collapsed.",
      "Ilan Moor, a member of the Assembly Committee on Security, told Radio "
      "Veritas, the talks were stalled: \"I cannot say more. The ministry "
      "has spoken.\"",
      "The army is taking “all necessary measures” to “restore order,” "
      "Southmark stressed. The road was closed again on Friday, Vessany "
      "Press reported.",
      "Southmark's defence ministry has refuted Northvale's version of "
      "events, describing the statement as \"biased.\" Gen. Ardo Pell said "
      "the U.S. envoy had arrived on Jan. 5 with 6.5 tonnes of aid.",
  };
  std::string text;
  while (text.size() < 5000) {
    for (const char* p : paragraphs) {
      text += p;
      text += "\n";
    }
  }
  return text;
}

// Throughput is measured by bench/annotate_bench ("layer quotes"), not here.
TEST(FindAttributions, FindsTheAttributionsOfAFiveKilobyteArticle) {
  const std::string text = Article5K();
  ASSERT_GE(text.size(), 5000u);
  EXPECT_GE(FindAttributions(text).size(), 30u);
}

TEST(FindAttributions, HandlesA400KilobyteLine) {
  std::string text;
  while (text.size() < 400000) {
    text +=
        "“We hold,” he said, “the line.” ‘x “y, Northvale said that "
        "troops left, according to witnesses. ";
  }
  std::vector<Attribution> got = FindAttributions(text);
  EXPECT_FALSE(got.empty());
  for (const Attribution& a : got) EXPECT_LE(a.end, text.size());
}

TEST(Names, StanceAndKind) {
  EXPECT_EQ(StanceName(Attribution::kAsserts), "asserts");
  EXPECT_EQ(StanceName(Attribution::kDenies), "denies");
  EXPECT_EQ(StanceName(Attribution::kDisputes), "disputes");
  EXPECT_EQ(StanceName(Attribution::kConfirms), "confirms");
  EXPECT_EQ(KindName(Attribution::kDirectQuote), "direct");
  EXPECT_EQ(KindName(Attribution::kReportedSpeech), "reported");
  EXPECT_EQ(KindName(Attribution::kAccordingTo), "according_to");
  EXPECT_EQ(KindName(Attribution::kSourceReport), "source_report");
}

// Given the sentences, FindAttributions finds exactly what it finds
// splitting the text itself.
TEST(FindAttributionsTest, PresplitSentencesGiveTheSameResult) {
  const char* const texts[] = {
      "",
      "No one speaks here.",
      "\"There has been no change,\" the ministry said. Baku denied it.",
      "According to Trend, two soldiers were wounded.\nHe said: \"We will "
      "respond.\"\n\n\"It is false,\" she added.",
      "The agency reported that talks ended. U.S. officials confirmed it.",
  };
  for (const char* text : texts) {
    const std::vector<Attribution> want = FindAttributions(text);
    const std::vector<Attribution> got =
        FindAttributions(text, SplitSentences(text));
    ASSERT_EQ(got.size(), want.size()) << text;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(DumpAttribution(text, got[i]), DumpAttribution(text, want[i]))
          << text;
      EXPECT_EQ(got[i].begin, want[i].begin) << text;
      EXPECT_EQ(got[i].end, want[i].end) << text;
    }
  }
}

}  // namespace
}  // namespace ceasewatch
