#include "input/warc_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "input/gzip.h"
#include "input/input_test_util.h"

namespace ceasewatch {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing_util::GzipMember;
using testing_util::HtmlResponseRecord;
using testing_util::HttpResponse;
using testing_util::WarcRecord;

struct ReadAll {
  std::vector<RawDocument> docs;
  std::vector<std::pair<std::string, Status>> errors;  // locator, why
};

ReadAll Read(std::string_view warc) {
  ReadAll out;
  WarcReader reader(warc, "crawl.warc");
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

const char kPage[] = "<html><body><p>Talks resumed.</p></body></html>";

TEST(WarcReaderTest, EmitsHtmlResponsesAndSkipsTheRest) {
  const std::string warc =
      WarcRecord("warcinfo", "", "software: test\r\n",
                 "application/warc-fields") +
      WarcRecord("request", "https://news.example/a",
                 "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
                 "application/http; msgtype=request") +
      WarcRecord("response", "https://news.example/a",
                 HttpResponse("HTTP/1.1 200 OK",
                              {"Content-Type: text/html; charset=windows-1251",
                               "Content-Length: 47"},
                              kPage)) +
      WarcRecord("response", "https://news.example/logo.png",
                 HttpResponse("HTTP/1.1 200 OK", {"Content-Type: image/png"},
                              "\x89PNG\r\n")) +
      WarcRecord("metadata", "https://news.example/a", "via: x\r\n",
                 "application/warc-fields") +
      WarcRecord("response", "https://news.example/b.txt",
                 HttpResponse("HTTP/1.0 200 OK", {"Content-Type: text/plain"},
                              "plain words"));
  ReadAll got = Read(warc);
  EXPECT_TRUE(got.errors.empty());
  ASSERT_EQ(got.docs.size(), 2u);

  const RawDocument& a = got.docs[0];
  EXPECT_EQ(a.path, "crawl.warc");
  EXPECT_EQ(a.locator, "record 3");
  EXPECT_EQ(a.format, InputFormat::kHtml);
  EXPECT_EQ(a.bytes, kPage);
  EXPECT_EQ(a.url, "https://news.example/a");
  EXPECT_EQ(a.fetched_at, "2024-03-05T10:11:12Z");
  EXPECT_EQ(a.declared_charset, "windows-1251");
  EXPECT_THAT(a.envelope, StartsWith("WARC/1.0\r\nWARC-Type: response\r\n"));
  EXPECT_THAT(a.envelope, HasSubstr("\r\n\r\nHTTP/1.1 200 OK\r\n"));
  EXPECT_THAT(a.envelope,
              HasSubstr("Content-Type: text/html; charset=windows-1251\r\n"));
  EXPECT_EQ(a.envelope.find(kPage), std::string::npos);
  EXPECT_FALSE(a.source_id.has_value());

  const RawDocument& b = got.docs[1];
  EXPECT_EQ(b.locator, "record 6");
  EXPECT_EQ(b.format, InputFormat::kText);
  EXPECT_EQ(b.bytes, "plain words");
  EXPECT_EQ(b.declared_charset, "");
}

TEST(WarcReaderTest, SkippedRecordKinds) {
  struct Case {
    const char* name;
    std::string record;
  };
  const Case cases[] = {
      {"not found",
       WarcRecord("response", "https://x/404",
                  HttpResponse("HTTP/1.1 404 Not Found",
                               {"Content-Type: text/html"}, kPage))},
      {"redirect", WarcRecord("response", "https://x/",
                              HttpResponse("HTTP/1.1 301 Moved",
                                           {"Location: https://y/"}, ""))},
      {"javascript",
       WarcRecord(
           "response", "https://x/a.js",
           HttpResponse("HTTP/1.1 200 OK",
                        {"Content-Type: application/javascript"}, "var x;"))},
      {"empty body", WarcRecord("response", "https://x/e",
                                HttpResponse("HTTP/1.1 200 OK",
                                             {"Content-Type: text/html"}, ""))},
      {"binary without content type",
       WarcRecord("response", "https://x/blob",
                  HttpResponse("HTTP/1.1 200 OK", {},
                               std::string("GIF89a\0\0\x01", 9)))},
      {"dns", WarcRecord("response", "dns:news.example",
                         "20240305101112\nnews.example. 300 IN A 1.2.3.4\n",
                         "text/dns")},
      {"revisit", WarcRecord("revisit", "https://x/", "")},
      {"resource",
       WarcRecord("resource", "file:///a.html", kPage, "text/html")},
  };
  for (const Case& c : cases) {
    ReadAll got = Read(c.record);
    EXPECT_TRUE(got.docs.empty()) << c.name;
    EXPECT_TRUE(got.errors.empty()) << c.name;
  }
}

TEST(WarcReaderTest, ChunkedBody) {
  const std::string part1 = "<html><body><p>Chunked ";       // 0x17 bytes
  const std::string part2 = "pages are joined.</p></body>";  // 0x1c bytes
  ASSERT_EQ(part1.size(), 0x17u);
  ASSERT_EQ(part2.size(), 0x1cu);
  const std::string body = "17\r\n" + part1 + "\r\n1C;ext=1\r\n" + part2 +
                           "\r\n0\r\nX-Trailer: y\r\n\r\n";
  const std::string warc = WarcRecord(
      "response", "https://x/c",
      HttpResponse("HTTP/1.1 200 OK",
                   {"Content-Type: text/html", "Transfer-Encoding: chunked"},
                   body));
  ReadAll got = Read(warc);
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].second.ToString();
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].bytes,
            "<html><body><p>Chunked pages are joined.</p></body>");
}

TEST(WarcReaderTest, GzipAndDeflateContentEncoding) {
  const std::string gz = WarcRecord(
      "response", "https://x/gz",
      HttpResponse("HTTP/1.1 200 OK",
                   {"Content-Type: text/html", "Content-Encoding: gzip"},
                   GzipMember(kPage)));
  const std::string deflate = WarcRecord(
      "response", "https://x/deflate",
      HttpResponse("HTTP/1.1 200 OK",
                   {"Content-Type: text/html", "Content-Encoding: deflate"},
                   testing_util::Deflate(kPage, /*raw=*/false)));
  ReadAll got = Read(gz + deflate);
  ASSERT_TRUE(got.errors.empty());
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].bytes, kPage);
  EXPECT_EQ(got.docs[1].bytes, kPage);
}

TEST(WarcReaderTest, NoContentTypeIsDetected) {
  const std::string warc =
      WarcRecord("response", "https://x/1",
                 HttpResponse("HTTP/1.1 200 OK", {}, kPage)) +
      WarcRecord("response", "https://x/2",
                 HttpResponse("HTTP/1.1 200 OK", {}, "Just words."));
  ReadAll got = Read(warc);
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].format, InputFormat::kHtml);
  EXPECT_EQ(got.docs[1].format, InputFormat::kText);
}

TEST(WarcReaderTest, BrokenHttpSkipsOnlyThatRecord) {
  const std::string warc =
      WarcRecord("response", "https://x/bad",
                 HttpResponse(
                     "HTTP/1.1 200 OK",
                     {"Content-Type: text/html", "Transfer-Encoding: chunked"},
                     "zz\r\nnot hex\r\n0\r\n\r\n")) +
      WarcRecord(
          "response", "https://x/br",
          HttpResponse("HTTP/1.1 200 OK",
                       {"Content-Type: text/html", "Content-Encoding: br"},
                       "\x1b\x03")) +
      WarcRecord("response", "https://x/nostatus", "garbage, not HTTP\r\n") +
      HtmlResponseRecord("https://x/good", kPage);
  ReadAll got = Read(warc);
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].locator, "record 4");
  ASSERT_EQ(got.errors.size(), 3u);
  EXPECT_EQ(got.errors[0].first, "record 1");
  EXPECT_EQ(got.errors[0].second.code(), Status::Code::kInvalidInput);
  EXPECT_THAT(got.errors[0].second.message(),
              HasSubstr("record 1 at byte 0: HTTP body: malformed chunk"));
  EXPECT_EQ(got.errors[1].first, "record 2");
  EXPECT_EQ(got.errors[1].second.code(), Status::Code::kUnsupported);
  EXPECT_THAT(got.errors[1].second.message(), HasSubstr("Content-Encoding"));
  EXPECT_EQ(got.errors[2].first, "record 3");
  EXPECT_THAT(got.errors[2].second.message(), HasSubstr("no status line"));
}

TEST(WarcReaderTest, TruncatedRecordStopsButKeepsEarlierRecords) {
  const std::string first = HtmlResponseRecord("https://x/1", kPage);
  const std::string second = HtmlResponseRecord("https://x/2", kPage);
  const std::string third = HtmlResponseRecord("https://x/3", kPage);
  const std::string warc = first + second + third.substr(0, third.size() - 20);
  ReadAll got = Read(warc);
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[1].url, "https://x/2");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].first, "record 3");
  EXPECT_EQ(got.errors[0].second.code(), Status::Code::kInvalidInput);
  EXPECT_THAT(got.errors[0].second.message(),
              StartsWith("record 3 at byte " +
                         std::to_string(first.size() + second.size()) +
                         ": truncated: Content-Length is"));
}

TEST(WarcReaderTest, FramingFaults) {
  const std::string good = HtmlResponseRecord("https://x/1", kPage);
  struct Case {
    const char* name;
    std::string tail;
    std::string message;
  };
  const Case cases[] = {
      {"garbage", "this is not a record\r\n",
       "record 2 at byte " + std::to_string(good.size()) +
           ": not a WARC record"},
      {"no length", "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody",
       "no Content-Length"},
      {"bad length", "WARC/1.0\r\nContent-Length: 12x\r\n\r\nbody",
       "bad Content-Length \"12x\""},
      {"bad header", "WARC/1.0\r\nWARC-Type response\r\n\r\n",
       "malformed WARC header line at byte " +
           std::to_string(good.size() + 10)},
      {"headers cut", "WARC/1.0\r\nWARC-Type: resp", "truncated in the WARC"},
      {"version only", "WARC/1.0", "truncated in the WARC"},
      {"old version", "WARC/0.18\r\nContent-Length: 0\r\n\r\n",
       "not a WARC record"},
  };
  for (const Case& c : cases) {
    ReadAll got = Read(good + c.tail);
    EXPECT_EQ(got.docs.size(), 1u) << c.name;
    ASSERT_EQ(got.errors.size(), 1u) << c.name;
    EXPECT_EQ(got.errors[0].first, "record 2") << c.name;
    EXPECT_THAT(got.errors[0].second.message(), HasSubstr(c.message)) << c.name;
  }
}

TEST(WarcReaderTest, Warc11AngleUriAndBareLineFeeds) {
  const std::string http =
      "HTTP/1.1 200 OK\nContent-Type: text/html\n\n" + std::string(kPage);
  const std::string warc =
      "WARC/1.1\nWARC-Type: response\n"
      "WARC-Target-URI: <https://x/lf>\n"
      "Content-Length: " +
      std::to_string(http.size()) + "\n\n" + http + "\n\n";
  ReadAll got = Read(warc);
  ASSERT_TRUE(got.errors.empty()) << got.errors[0].second.ToString();
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].url, "https://x/lf");
  EXPECT_EQ(got.docs[0].bytes, kPage);
  EXPECT_EQ(got.docs[0].fetched_at, "");
}

TEST(WarcReaderTest, EmptyInput) {
  ReadAll got = Read("");
  EXPECT_TRUE(got.docs.empty());
  EXPECT_TRUE(got.errors.empty());
}

TEST(WarcReaderTest, GzipMemberPerRecord) {
  const std::string r1 = HtmlResponseRecord("https://x/1", kPage);
  const std::string r2 = HtmlResponseRecord("https://x/2", kPage);
  const std::string r3 = HtmlResponseRecord("https://x/3", kPage);
  const std::string gz = GzipMember(r1) + GzipMember(r2) + GzipMember(r3);
  std::string plain;
  ASSERT_TRUE(Gunzip(gz, 1 << 20, &plain).ok());
  EXPECT_EQ(Read(plain).docs.size(), 3u);

  // Cut inside the third member: the first two records survive.
  const std::string cut = gz.substr(0, gz.size() - 30);
  Status st = Gunzip(cut, 1 << 20, &plain);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  ReadAll got = Read(plain);
  EXPECT_EQ(got.docs.size(), 2u);
  EXPECT_LE(got.errors.size(), 1u);
}

}  // namespace
}  // namespace ceasewatch
