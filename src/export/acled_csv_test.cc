#include "export/acled_csv.h"

#include <gtest/gtest.h>

#include <sstream>

#include "export/csv.h"
#include "query/query_testing.h"

namespace ceasewatch {
namespace {

TEST(CsvTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
  EXPECT_EQ(CsvRow({"a", "b,c", ""}), "a,\"b,c\",\r\n");
}

TEST(AcledCodesTest, InterAndInteraction) {
  EventActor az = TestActor("AZ army", "AZ", "military", "actor1");
  EventActor am = TestActor("AM army", "AM", "military", "actor2");
  EventActor nk = TestActor("NK forces", "NK", "military", "actor1");
  EventActor crowd = TestActor("Protesters", "", "protesters", "actor1");
  EventActor people = TestActor("Civilians", "", "civilians", "actor2");
  EventActor osce = TestActor("OSCE", "INTL", "international_body", "actor1");
  // As ACLED codes Azerbaijan's forces in Armenia: external forces.
  EXPECT_EQ(AcledInter(&az, "AM", "shelling"), 8);
  EXPECT_EQ(AcledInter(&am, "AM", "shelling"), 1);
  EXPECT_EQ(AcledInter(&az, "AZ", "shelling"), 1);
  EXPECT_EQ(AcledInter(&nk, "AZ", "armed_clash"), 2);
  EXPECT_EQ(AcledInter(&crowd, "AM", "protest_blockade"), 6);
  EXPECT_EQ(AcledInter(&crowd, "AM", "riot"), 5);
  EXPECT_EQ(AcledInter(&people, "AM", "attack_civilians"), 7);
  EXPECT_EQ(AcledInter(&osce, "AM", "agreement"), 8);
  EXPECT_EQ(AcledInter(nullptr, "AM", "shelling"), 0);
  EXPECT_EQ(AcledInteraction(8, 1), 18);
  EXPECT_EQ(AcledInteraction(1, 8), 18);
  EXPECT_EQ(AcledInteraction(6, 0), 60);
  EXPECT_EQ(AcledInteraction(0, 0), 0);
  EXPECT_EQ(AcledInteraction(2, 2), 22);
}

TEST(AcledCodesTest, TimePrecision) {
  Incident i;
  EXPECT_EQ(AcledTimePrecision(i), 0);
  i.date = "2022-09-13";
  EXPECT_EQ(AcledTimePrecision(i), 1);
  i.date_end = "2022-09-13";
  EXPECT_EQ(AcledTimePrecision(i), 1);
  i.date_end = "2022-09-15";
  EXPECT_EQ(AcledTimePrecision(i), 2);
  i.date_end = "2022-09-30";
  EXPECT_EQ(AcledTimePrecision(i), 3);
}

// Splits RFC 4180 text into rows of fields (quotes, doubled quotes, CRLF).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

TEST(AcledCsvTest, OneRowPerIncidentAndLocationWithAcledColumns) {
  IncidentStoreTest fixture("acled");
  ASSERT_TRUE(fixture.Fill());
  auto query = QueryDb::Open(fixture.db());
  ASSERT_TRUE(query.ok());
  std::ostringstream out;
  ASSERT_TRUE(ExportAcledCsv(fixture.store(), **query, {1, 2, 3, 4}, out).ok());
  auto rows = ParseCsv(out.str());
  ASSERT_EQ(rows.size(), 5u);  // header + 4 (the unplaced one has a row)
  EXPECT_EQ(rows[0], AcledColumns());
  EXPECT_EQ(rows[0].size(), 24u);
  EXPECT_EQ(rows[0][0], "event_id_cnty");
  EXPECT_EQ(rows[0][23], "fatalities");
  std::map<std::string, std::string> r;
  for (size_t k = 0; k < rows[0].size(); ++k) r[rows[0][k]] = rows[1][k];
  EXPECT_EQ(r["event_id_cnty"], "ARM1");
  EXPECT_EQ(r["event_date"], "2022-09-13");
  EXPECT_EQ(r["year"], "2022");
  EXPECT_EQ(r["time_precision"], "1");
  EXPECT_EQ(r["event_type"], "Explosions/Remote violence");
  EXPECT_EQ(r["actor1"], "Armed Forces of Azerbaijan");
  EXPECT_EQ(r["inter1"], "8");
  EXPECT_EQ(r["actor2"], "Armed Forces of Armenia");
  EXPECT_EQ(r["inter2"], "1");
  EXPECT_EQ(r["interaction"], "18");
  EXPECT_EQ(r["country"], "Armenia");
  EXPECT_EQ(r["admin1"], "Gegharkunik");
  EXPECT_EQ(r["location"], "Sotk");
  EXPECT_EQ(r["latitude"], "40.2000");
  EXPECT_EQ(r["longitude"], "45.9000");
  EXPECT_EQ(r["geo_precision"], "1");
  EXPECT_EQ(r["source"], "Wire A");
  EXPECT_EQ(r["fatalities"], "2");  // the low figure
  EXPECT_NE(r["notes"].find("Killed: 2-3"), std::string::npos) << r["notes"];
  EXPECT_NE(r["notes"].find("AM asserts, AZ denies"), std::string::npos);
  // The comma of "Paper, B" survives quoting.
  EXPECT_EQ(rows[2][0], "AZE2");
  EXPECT_EQ(rows[2][20], "Paper, B");
  EXPECT_EQ(rows[2][8], "2");  // Karabakh Armenian forces
  // No place: blank geography, an id all the same.
  EXPECT_EQ(rows[4][0], "XXX4");
  EXPECT_EQ(rows[4][16], "");
  EXPECT_EQ(rows[4][23], "0");
}

TEST(AcledCsvTest, SecondLocationGetsItsOwnIdAndNoFatalities) {
  IncidentFacts f;
  f.incident.id = 7;
  f.incident.type = "shelling";
  f.incident.date = "2022-09-13";
  f.incident.fatalities = {true, 4, 5};
  f.incident.places = {TestPlace("Sotk", "AM", "Gegharkunik", 40.2, 45.9),
                       TestPlace("Jermuk", "AM", "Vayots Dzor", 39.8, 45.7)};
  ArticleMeta from_url, bare;
  from_url.id = 3;
  from_url.url = "https://www.example.org/news/1?x=2";
  bare.id = 4;
  f.articles = {from_url, bare};
  auto rows = AcledRows(f);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][20], "example.org; article 4");  // no outlets named
  EXPECT_EQ(rows[0][0], "ARM7");
  EXPECT_EQ(rows[1][0], "ARM7-2");
  EXPECT_EQ(rows[0][23], "4");
  EXPECT_EQ(rows[1][23], "0");
  EXPECT_EQ(rows[1][16], "Jermuk");
}

}  // namespace
}  // namespace ceasewatch
