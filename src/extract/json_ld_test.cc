#include "extract/json_ld.h"

#include <gtest/gtest.h>

#include <string>

namespace ceasewatch {
namespace {

TEST(JsonLd, DatePublished) {
  EXPECT_EQ(
      JsonLdDatePublished(
          R"({"@type":"NewsArticle","datePublished" : "2020-10-10T12:00:00+04:00"})"),
      "2020-10-10T12:00:00+04:00");
  // Inside @graph, after other keys and escaped strings.
  EXPECT_EQ(
      JsonLdDatePublished(
          R"({"@graph":[{"@type":"WebSite","name":"a \"datePublished\": x"},
                   {"@type":"NewsArticle","datePublished":"2021-01-02"}]})"),
      "2021-01-02");
  // Not a string: keep looking.
  EXPECT_EQ(JsonLdDatePublished(
                R"([{"datePublished":null},{"datePublished":"2022-03-04"}])"),
            "2022-03-04");
  EXPECT_EQ(JsonLdDatePublished(R"({"dateModified":"2020-01-01"})"), "");
  EXPECT_EQ(JsonLdDatePublished(R"({"datePublished":"2020-)"), "");
  EXPECT_EQ(JsonLdDatePublished(""), "");
}

TEST(JsonLd, AuthorForms) {
  EXPECT_EQ(JsonLdAuthor(R"({"author":"Jane Doe"})"), "Jane Doe");
  EXPECT_EQ(JsonLdAuthor(
                R"({"author":{"@type":"Person","url":"x","name":"Jane Doe"}})"),
            "Jane Doe");
  EXPECT_EQ(
      JsonLdAuthor(
          R"({"author":[{"@type":"Person","name":"A B"},{"name":"C D"}]})"),
      "A B, C D");
  // \u escapes, including a surrogate pair.
  EXPECT_EQ(
      JsonLdAuthor(R"({"author":{"name":"\u0420\u0443\u0441 \ud83d\ude00"}})"),
      "\xD0\xA0\xD1\x83\xD1\x81 \xF0\x9F\x98\x80");
  EXPECT_EQ(JsonLdAuthor(R"({"author":{"@type":"Person"}})"), "");
  EXPECT_EQ(JsonLdAuthor(R"({"author":[)"), "");
  EXPECT_EQ(JsonLdAuthor(R"({"author":{"name":)"), "");
}

TEST(JsonLd, HostileInputDoesNotCrash) {
  std::string deep = R"({"author":)";
  deep.append(100000, '[');
  EXPECT_EQ(JsonLdAuthor(deep), "");
  std::string quotes(10000, '"');
  EXPECT_EQ(JsonLdAuthor(quotes), "");
  EXPECT_EQ(JsonLdDatePublished(quotes), "");
  EXPECT_EQ(JsonLdAuthor(R"({"author":"\u12)"), "");
  EXPECT_EQ(JsonLdAuthor(R"({"author":"\)"), "");
}

}  // namespace
}  // namespace ceasewatch
