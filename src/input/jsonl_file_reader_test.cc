#include "input/jsonl_file_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "input/input_test_util.h"

namespace ceasewatch {
namespace {

using testing_util::FreshDir;
using testing_util::GzipMember;
using testing_util::WriteFile;

// What a reader gave, one line per record: "doc <locator> <source_id>" or
// "error <code> <message>".
std::vector<std::string> ReadAll(const std::string& path, size_t max_line) {
  std::vector<std::string> out;
  auto reader = JsonlFileReader::Open(path, max_line);
  if (!reader.ok()) return {"open " + reader.status().message()};
  RawDocument doc;
  Status error;
  while ((*reader)->Next(&doc, &error)) {
    if (!error.ok())
      out.push_back("error " + std::to_string(static_cast<int>(error.code())) +
                    " " + error.message());
    else
      out.push_back("doc " + doc.locator + " " + doc.source_id.value_or(""));
  }
  return out;
}

const std::string kFeed =
    "{\"id\": 1, \"text\": \"one\"}\n"
    "\n"
    "{\"id\": 2, \"text\": }\n"
    "{\"id\": 3, \"text\": \"three\"}\r\n"
    "{\"id\": 4, \"text\": \"four, no newline at the end\"}";

std::string Code(Status::Code c) { return std::to_string(static_cast<int>(c)); }

TEST(JsonlFileReaderTest, PlainAndGzipGiveTheSameRecords) {
  const auto dir = FreshDir("jsonl_file_reader");
  WriteFile(dir / "feed.jsonl", kFeed);
  WriteFile(dir / "feed.jsonl.gz", GzipMember(kFeed));
  const std::vector<std::string> want = {
      "doc line 1 1",
      "error " + Code(Status::Code::kInvalidInput) +
          " line 3: not valid JSON (error at column 19)",
      "doc line 4 3", "doc line 5 4"};
  EXPECT_EQ(ReadAll((dir / "feed.jsonl").string(), 1000), want);
  EXPECT_EQ(ReadAll((dir / "feed.jsonl.gz").string(), 1000), want);
}

// Lines over the limit are skipped without being held, wherever they end:
// inside one read, across several reads of 1 MB, or at the end of the file.
TEST(JsonlFileReaderTest, LongLinesRejectedAndSkipped) {
  const auto dir = FreshDir("jsonl_file_reader_long");
  const std::string big =
      "{\"id\": 9, \"text\": \"" + std::string(3 * 1024 * 1024, 'x') + "\"}";
  WriteFile(dir / "long.jsonl", "{\"id\": 1, \"text\": \"one\"}\n" + big +
                                    "\n{\"id\": 3, \"text\": \"three\"}\n" +
                                    big);
  const std::string too_large = "error " + Code(Status::Code::kTooLarge);
  EXPECT_EQ(
      ReadAll((dir / "long.jsonl").string(), 100),
      (std::vector<std::string>{
          "doc line 1 1",
          too_large + " line 2: over 100 bytes (the --max-bytes limit)",
          "doc line 3 3",
          too_large + " line 4: over 100 bytes (the --max-bytes limit)"}));
  // A whole line in the buffer but over the limit.
  WriteFile(dir / "short.jsonl",
            "{\"id\": 1, \"text\": \"a line longer than forty bytes\"}\n"
            "{\"id\": 2, \"text\": \"ok\"}\n");
  EXPECT_EQ(ReadAll((dir / "short.jsonl").string(), 40),
            (std::vector<std::string>{
                too_large + " line 1: over 40 bytes (the --max-bytes limit)",
                "doc line 2 2"}));
}

TEST(JsonlFileReaderTest, TruncatedGzipKeepsTheLinesBefore) {
  const auto dir = FreshDir("jsonl_file_reader_truncated");
  std::string feed;
  for (int i = 1; i <= 2000; ++i)
    feed += "{\"id\": " + std::to_string(i) + ", \"text\": \"article " +
            std::to_string(i * 7919) + "\"}\n";
  std::string gz = GzipMember(feed);
  WriteFile(dir / "cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  auto got = ReadAll((dir / "cut.jsonl.gz").string(), 1000);
  ASSERT_GE(got.size(), 2u);
  EXPECT_LT(got.size(), 2000u);
  EXPECT_EQ(got[0], "doc line 1 1");
  const std::string& last = got.back();
  EXPECT_EQ(last.rfind("error " + Code(Status::Code::kIOError), 0), 0u) << last;
  EXPECT_NE(last.find("truncated gzip stream"), std::string::npos) << last;
  for (size_t i = 0; i + 1 < got.size(); ++i)
    EXPECT_EQ(got[i].rfind("doc ", 0), 0u) << got[i];
}

TEST(JsonlFileReaderTest, HeadTellsTheFormat) {
  const auto dir = FreshDir("jsonl_file_reader_head");
  WriteFile(dir / "a", "\xEF\xBB\xBF{\"text\": \"x\"}\n");
  WriteFile(dir / "b.txt", "Just text.\n{\"text\": \"x\"}\n");
  WriteFile(dir / "c.jsonl", std::string("{\0\0\0", 4));
  struct Case {
    const char* name;
    bool jsonl;
  } cases[] = {{"a", true}, {"b.txt", false}, {"c.jsonl", false}};
  for (const Case& c : cases) {
    auto reader = JsonlFileReader::Open((dir / c.name).string(), 1000);
    ASSERT_TRUE(reader.ok());
    EXPECT_EQ(LooksLikeJsonLines((*reader)->head(), c.name), c.jsonl) << c.name;
  }
  EXPECT_EQ(ReadAll((dir / "a").string(), 1000),
            (std::vector<std::string>{"doc line 1 "}));
  EXPECT_FALSE(JsonlFileReader::Open((dir / "missing").string(), 10).ok());
}

}  // namespace
}  // namespace ceasewatch
