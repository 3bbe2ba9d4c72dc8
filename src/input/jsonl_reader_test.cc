#include "input/jsonl_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace ceasewatch {
namespace {

using ::testing::HasSubstr;

struct ReadAll {
  std::vector<RawDocument> docs;
  std::vector<std::pair<std::string, Status>> errors;  // locator, why
};

ReadAll Read(std::string_view data) {
  ReadAll out;
  JsonlReader reader(data, "feed.jsonl");
  RawDocument doc;
  Status error;
  while (reader.Next(&doc, &error)) {
    if (error.ok()) {
      out.docs.push_back(std::move(doc));
    } else {
      out.errors.emplace_back(reader.locator(), error);
    }
  }
  return out;
}

TEST(JsonlReaderTest, AllFields) {
  const std::string line =
      R"({"id": "a-1", "url": "https://x/1", "title": "Truce", )"
      R"("published": "2024-03-01", "outlet": "Daily", "author": "Ann", )"
      R"("text": "Both sides agreed.", "extra": [1, 2]})";
  ReadAll got = Read(line + "\n");
  ASSERT_TRUE(got.errors.empty());
  ASSERT_EQ(got.docs.size(), 1u);
  const RawDocument& d = got.docs[0];
  EXPECT_EQ(d.path, "feed.jsonl");
  EXPECT_EQ(d.locator, "line 1");
  EXPECT_EQ(d.format, InputFormat::kText);
  EXPECT_EQ(d.bytes, "Both sides agreed.");
  EXPECT_EQ(d.envelope, line);
  EXPECT_EQ(d.source_id, "a-1");
  EXPECT_EQ(d.url, "https://x/1");
  EXPECT_EQ(d.title, "Truce");
  EXPECT_EQ(d.published, "2024-03-01");
  EXPECT_EQ(d.outlet, "Daily");
  EXPECT_EQ(d.author, "Ann");
  EXPECT_EQ(d.declared_charset, "utf-8");
  EXPECT_EQ(d.fetched_at, "");
}

TEST(JsonlReaderTest, FieldVariants) {
  struct Case {
    std::string line;
    std::optional<std::string> id;
    std::string author;
    InputFormat format;
  };
  const Case cases[] = {
      {R"({"text": "t"})", std::nullopt, "", InputFormat::kText},
      {R"({"id": 42, "text": "t"})", "42", "", InputFormat::kText},
      {R"({"id": -7, "text": "t"})", "-7", "", InputFormat::kText},
      {R"({"id": null, "author": null, "text": "t"})", std::nullopt, "",
       InputFormat::kText},
      {R"({"author": ["A", "B"], "text": "t"})", std::nullopt, "A, B",
       InputFormat::kText},
      {R"({"text": "<p>Para one.</p><p>Two</p>"})", std::nullopt, "",
       InputFormat::kHtml},
      {R"({"text": "caf\u00e9 \ud83d\ude00"})", std::nullopt, "",
       InputFormat::kText},
  };
  for (const Case& c : cases) {
    ReadAll got = Read(c.line);
    ASSERT_EQ(got.docs.size(), 1u) << c.line;
    EXPECT_EQ(got.docs[0].source_id, c.id) << c.line;
    EXPECT_EQ(got.docs[0].author, c.author) << c.line;
    EXPECT_EQ(got.docs[0].format, c.format) << c.line;
  }
  EXPECT_EQ(Read(R"({"text": "caf\u00e9 \ud83d\ude00"})").docs[0].bytes,
            "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST(JsonlReaderTest, MalformedLineInTheMiddle) {
  const std::string data =
      "{\"id\": 1, \"text\": \"first\"}\n"
      "\n"
      "{\"id\": 2, \"text\": \"second\"\r\n"  // missing brace
      "{\"id\": 3, \"text\": \"third\"}\r\n"
      "   \n"
      "{\"id\": 4, \"text\": \"fourth\"}";  // no final newline
  ReadAll got = Read(data);
  ASSERT_EQ(got.docs.size(), 3u);
  EXPECT_EQ(got.docs[0].locator, "line 1");
  EXPECT_EQ(got.docs[1].locator, "line 4");
  EXPECT_EQ(got.docs[1].bytes, "third");
  EXPECT_EQ(got.docs[1].envelope, "{\"id\": 3, \"text\": \"third\"}");
  EXPECT_EQ(got.docs[2].locator, "line 6");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].first, "line 3");
  EXPECT_EQ(got.errors[0].second.code(), Status::Code::kInvalidInput);
  EXPECT_THAT(got.errors[0].second.message(),
              HasSubstr("line 3: not valid JSON"));
}

TEST(JsonlReaderTest, RejectedLines) {
  struct Case {
    std::string line;
    std::string reason;
  };
  const Case cases[] = {
      {"not json at all", "line 1: not valid JSON (error at column 2)"},
      {"[1, 2]", "line 1: not a JSON object"},
      {"\"text\"", "line 1: not a JSON object"},
      {R"({"title": "no text"})", "line 1: no \"text\" field"},
      {R"({"text": null})", "line 1: no \"text\" field"},
      {R"({"text": 5})", "line 1: \"text\" is not a string"},
      {R"({"text": "  "})", "line 1: \"text\" is empty"},
      {R"({"text": "t", "id": [1]})",
       "line 1: \"id\" is not a string or a number"},
      {R"({"text": "t", "title": 3})", "line 1: \"title\" is not a string"},
      {R"({"text": "t", "author": [1]})",
       "line 1: \"author\" is not a string or an array of strings"},
      {"{\"text\": \"bad \xC3( utf8\"}", "line 1: not valid JSON"},
      {R"({"text": "t"} trailing)", "line 1: not valid JSON"},
  };
  for (const Case& c : cases) {
    ReadAll got = Read(c.line);
    EXPECT_TRUE(got.docs.empty()) << c.line;
    ASSERT_EQ(got.errors.size(), 1u) << c.line;
    EXPECT_THAT(got.errors[0].second.message(), HasSubstr(c.reason)) << c.line;
  }
}

TEST(JsonlReaderTest, BomAndEmpty) {
  EXPECT_EQ(Read("\xEF\xBB\xBF{\"text\": \"x\"}\n").docs.size(), 1u);
  ReadAll empty = Read("");
  EXPECT_TRUE(empty.docs.empty());
  EXPECT_TRUE(empty.errors.empty());
  EXPECT_TRUE(Read("\n\n  \n").docs.empty());
}

TEST(JsonlReaderTest, ManyLinesStreamOneAtATime) {
  std::string data;
  for (int i = 0; i < 20000; ++i) {
    data += "{\"id\": " + std::to_string(i) + ", \"text\": \"line\"}\n";
  }
  JsonlReader reader(data, "big.jsonl");
  RawDocument doc;
  Status error;
  int n = 0;
  while (reader.Next(&doc, &error)) {
    ASSERT_TRUE(error.ok());
    EXPECT_EQ(doc.source_id, std::to_string(n));
    ++n;
  }
  EXPECT_EQ(n, 20000);
}

}  // namespace
}  // namespace ceasewatch
