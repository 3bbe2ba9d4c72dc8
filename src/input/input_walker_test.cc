#include "input/input_walker.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "input/charset.h"
#include "input/input_test_util.h"

namespace ceasewatch {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing_util::FreshDir;
using testing_util::GzipMember;
using testing_util::HtmlResponseRecord;
using testing_util::WriteFile;

struct Rejection {
  std::string path, locator;
  Status why;
};

class RecordingReporter : public InputReporter {
 public:
  void Reject(const std::string& path, const std::string& locator,
              const Status& why) override {
    rejections.push_back({path, locator, why});
  }
  std::vector<Rejection> rejections;
};

struct WalkResult {
  Status status;
  std::vector<RawDocument> docs;
  std::vector<Rejection> rejections;
};

WalkResult WalkAll(const std::vector<std::string>& inputs,
                   InputOptions options = InputOptions()) {
  WalkResult out;
  RecordingReporter reporter;
  InputWalker walker(options);
  out.status = walker.Walk(
      inputs,
      [&](RawDocument&& doc) {
        out.docs.push_back(std::move(doc));
        return Status::Ok();
      },
      reporter);
  out.rejections = std::move(reporter.rejections);
  return out;
}

const char kPage[] =
    "<!doctype html><html><body><p>Ceasefire holds.</p></body></html>";

TEST(InputWalkerTest, FolderWithBinaryEmptyAndGoodPage) {
  const fs::path dir = FreshDir("walker_mixed");
  WriteFile(dir / "a_image.jpg", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10));
  WriteFile(dir / "b_empty.html", "");
  WriteFile(dir / "c_page.html", kPage);
  WriteFile(dir / "d" / "notes.txt", "Plain notes.\n");
  WriteFile(dir / ".DS_Store", std::string("\0\0\0\1Bud1", 8));

  const std::string root = dir.generic_string();
  WalkResult got = WalkAll({root});
  ASSERT_TRUE(got.status.ok());

  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].path, root + "/c_page.html");
  EXPECT_EQ(got.docs[0].locator, "");
  EXPECT_EQ(got.docs[0].format, InputFormat::kHtml);
  EXPECT_EQ(got.docs[0].bytes, kPage);
  EXPECT_EQ(got.docs[1].path, root + "/d/notes.txt");
  EXPECT_EQ(got.docs[1].format, InputFormat::kText);

  ASSERT_EQ(got.rejections.size(), 2u);
  EXPECT_EQ(got.rejections[0].path, root + "/a_image.jpg");
  EXPECT_EQ(got.rejections[0].why.code(), Status::Code::kUnsupported);
  EXPECT_EQ(got.rejections[0].why.message(),
            "binary file (NUL bytes), not a text, HTML, JSON-lines or WARC "
            "document");
  EXPECT_EQ(got.rejections[1].path, root + "/b_empty.html");
  EXPECT_EQ(got.rejections[1].why.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(got.rejections[1].why.message(), "empty file");
}

TEST(InputWalkerTest, TooLargeAndMissing) {
  const fs::path dir = FreshDir("walker_limits");
  WriteFile(dir / "big.html", std::string(2000, 'x'));
  WriteFile(dir / "ok.txt", "fine");
  InputOptions options;
  options.max_file_bytes = 1000;
  const std::string missing = (dir / "missing.html").string();
  WalkResult got =
      WalkAll({(dir / "big.html").string(), missing, (dir / "ok.txt").string()},
              options);
  ASSERT_TRUE(got.status.ok());
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].bytes, "fine");
  ASSERT_EQ(got.rejections.size(), 2u);
  EXPECT_EQ(got.rejections[0].why.code(), Status::Code::kTooLarge);
  EXPECT_EQ(got.rejections[0].why.message(),
            "file is 2000 bytes, over the limit of 1000 (--max-bytes)");
  EXPECT_EQ(got.rejections[1].path, missing);
  EXPECT_EQ(got.rejections[1].why.code(), Status::Code::kIOError);
  EXPECT_THAT(got.rejections[1].why.message(), HasSubstr(missing));
}

TEST(InputWalkerTest, UnreadableFile) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads everything";
  const fs::path dir = FreshDir("walker_unreadable");
  WriteFile(dir / "locked.html", kPage);
  fs::permissions(dir / "locked.html", fs::perms::none);
  WalkResult got = WalkAll({(dir / "locked.html").string()});
  ASSERT_EQ(got.rejections.size(), 1u);
  EXPECT_EQ(got.rejections[0].why.code(), Status::Code::kIOError);
  EXPECT_THAT(got.rejections[0].why.message(), HasSubstr("locked.html"));
}

TEST(InputWalkerTest, WarcGzWithTruncatedLastMember) {
  const fs::path dir = FreshDir("walker_warc");
  const std::string r1 = HtmlResponseRecord("https://x/1", kPage);
  const std::string r2 = testing_util::WarcRecord(
      "request", "https://x/2", "GET / HTTP/1.1\r\n\r\n",
      "application/http; msgtype=request");
  const std::string r3 = HtmlResponseRecord("https://x/3", kPage);
  const std::string r4 = HtmlResponseRecord("https://x/4", kPage);
  const std::string m4 = GzipMember(r4);
  const std::string gz = GzipMember(r1) + GzipMember(r2) + GzipMember(r3) +
                         m4.substr(0, m4.size() / 2);
  WriteFile(dir / "crawl.warc.gz", gz);

  const std::string path = (dir / "crawl.warc.gz").string();
  WalkResult got = WalkAll({path});
  ASSERT_TRUE(got.status.ok());
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].locator, "record 1");
  EXPECT_EQ(got.docs[0].url, "https://x/1");
  EXPECT_EQ(got.docs[1].locator, "record 3");
  EXPECT_EQ(got.docs[1].path, path);
  ASSERT_GE(got.rejections.size(), 1u);
  EXPECT_EQ(got.rejections[0].locator, "");
  EXPECT_EQ(
      got.rejections[0].why.message(),
      "truncated gzip stream at compressed byte " + std::to_string(gz.size()));
  for (size_t i = 1; i < got.rejections.size(); ++i) {
    EXPECT_EQ(got.rejections[i].locator, "record 4");
  }
}

TEST(InputWalkerTest, GzipTooLarge) {
  const fs::path dir = FreshDir("walker_gzip_large");
  WriteFile(dir / "page.html.gz", GzipMember(std::string(5000, 'a')));
  InputOptions options;
  options.max_gunzip_bytes = 4000;
  WalkResult got = WalkAll({(dir / "page.html.gz").string()}, options);
  EXPECT_TRUE(got.docs.empty());
  ASSERT_EQ(got.rejections.size(), 1u);
  EXPECT_EQ(got.rejections[0].why.code(), Status::Code::kTooLarge);
}

TEST(InputWalkerTest, GzippedHtmlAndGzippedBinary) {
  const fs::path dir = FreshDir("walker_gzip");
  WriteFile(dir / "page.gz", GzipMember(kPage));
  WriteFile(dir / "blob.gz", GzipMember(std::string("\0\1\2\3", 4)));
  WalkResult got = WalkAll({dir.string()});
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].format, InputFormat::kHtml);
  EXPECT_EQ(got.docs[0].bytes, kPage);
  ASSERT_EQ(got.rejections.size(), 1u);
  EXPECT_EQ(got.rejections[0].why.code(), Status::Code::kUnsupported);
}

TEST(InputWalkerTest, JsonLinesWithBadLine) {
  const fs::path dir = FreshDir("walker_jsonl");
  WriteFile(dir / "feed",  // no extension: detected by content
            "{\"id\": 1, \"text\": \"one\"}\n"
            "{\"id\": 2, \"text\": }\n"
            "{\"id\": 3, \"text\": \"<p>three</p>\"}\n");
  const std::string path = (dir / "feed").string();
  WalkResult got = WalkAll({path});
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].source_id, "1");
  EXPECT_EQ(got.docs[1].locator, "line 3");
  EXPECT_EQ(got.docs[1].format, InputFormat::kHtml);
  ASSERT_EQ(got.rejections.size(), 1u);
  EXPECT_EQ(got.rejections[0].path, path);
  EXPECT_EQ(got.rejections[0].locator, "line 2");
  EXPECT_THAT(got.rejections[0].why.message(), StartsWith("line 2: "));
}

// A JSON-lines file over --max-bytes is read a line at a time (the limit
// then applies to each line); a text file over it is still rejected; a
// gzipped feed is streamed too.
TEST(InputWalkerTest, LargeJsonLinesAreStreamed) {
  const fs::path dir = FreshDir("walker_jsonl_large");
  std::string feed;
  for (int i = 1; i <= 50; ++i)
    feed += "{\"id\": " + std::to_string(i) + ", \"text\": \"article\"}\n";
  feed += "{\"id\": 51, \"text\": \"" + std::string(300, 'x') + "\"}\n";
  WriteFile(dir / "feed", feed);  // no extension: detected by content
  WriteFile(dir / "feed.jsonl.gz", testing_util::GzipMember(feed));
  WriteFile(dir / "big.txt", std::string(feed.size(), 'y'));
  InputOptions options;
  options.max_file_bytes = 200;
  WalkResult got =
      WalkAll({(dir / "feed").string(), (dir / "feed.jsonl.gz").string(),
               (dir / "big.txt").string()},
              options);
  ASSERT_EQ(got.docs.size(), 100u);
  EXPECT_EQ(got.docs[49].source_id, "50");
  EXPECT_EQ(got.docs[49].locator, "line 50");
  EXPECT_EQ(got.docs[50].path, (dir / "feed.jsonl.gz").string());
  ASSERT_EQ(got.rejections.size(), 3u);
  EXPECT_EQ(got.rejections[0].locator, "line 51");
  EXPECT_EQ(got.rejections[0].why.code(), Status::Code::kTooLarge);
  EXPECT_EQ(got.rejections[1].locator, "line 51");
  EXPECT_EQ(got.rejections[2].path, (dir / "big.txt").string());
  EXPECT_EQ(got.rejections[2].why.code(), Status::Code::kTooLarge);
}

TEST(InputWalkerTest, LegacyCharsetsArePassedRawAndDecodeLater) {
  const fs::path dir = FreshDir("walker_charsets");
  const std::string cp1251 =
      "<html><head><meta charset=\"windows-1251\"></head>"
      "<body><p>\xCF\xF0\xE8\xE2\xE5\xF2</p></body></html>";
  const std::string latin1 =
      "<html><head><meta http-equiv=\"Content-Type\" "
      "content=\"text/html; charset=iso-8859-1\"></head>"
      "<body><p>Caf\xE9</p></body></html>";
  const std::string utf16 = std::string("\xFF\xFE<\0p\0>\0\x1F\x04", 10);
  WriteFile(dir / "a.html", cp1251);
  WriteFile(dir / "b.html", latin1);
  WriteFile(dir / "c.html", utf16);
  WalkResult got = WalkAll({dir.string()});
  ASSERT_TRUE(got.rejections.empty());
  ASSERT_EQ(got.docs.size(), 3u);
  EXPECT_EQ(got.docs[0].bytes, cp1251);  // decoding is the pipeline's job

  const std::string want[] = {
      "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82", "Caf\xC3\xA9",
      "<p>\xD0\x9F"};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(got.docs[i].format, InputFormat::kHtml) << i;
    Result<std::string> text = DecodeToUtf8(
        got.docs[i].bytes, got.docs[i].declared_charset, got.docs[i].format);
    ASSERT_TRUE(text.ok()) << i << ": " << text.status().ToString();
    EXPECT_THAT(*text, HasSubstr(want[i])) << i;
  }
}

TEST(InputWalkerTest, SinkErrorStopsTheWalk) {
  const fs::path dir = FreshDir("walker_sink");
  WriteFile(dir / "1.txt", "one");
  WriteFile(dir / "2.txt", "two");
  WriteFile(dir / "3.txt", "three");
  RecordingReporter reporter;
  InputWalker walker{InputOptions()};
  int calls = 0;
  Status st = walker.Walk(
      {dir.string(), (dir / "3.txt").string()},
      [&](RawDocument&&) {
        return ++calls == 2 ? Status::IOError("disk full") : Status::Ok();
      },
      reporter);
  EXPECT_EQ(st.code(), Status::Code::kIOError);
  EXPECT_EQ(st.message(), "disk full");
  EXPECT_EQ(calls, 2);
  EXPECT_TRUE(reporter.rejections.empty());
}

TEST(InputWalkerTest, Stdin) {
  const fs::path dir = FreshDir("walker_stdin");
  WriteFile(dir / "in.jsonl", "{\"text\": \"from stdin\"}\n");
  ASSERT_NE(std::freopen((dir / "in.jsonl").c_str(), "rb", stdin), nullptr);
  WalkResult got = WalkAll({"-"});
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].path, "-");
  EXPECT_EQ(got.docs[0].locator, "line 1");
  EXPECT_EQ(got.docs[0].bytes, "from stdin");
}

TEST(InputWalkerTest, NoInputsAndEmptyFolder) {
  const fs::path dir = FreshDir("walker_empty_folder");
  WalkResult got = WalkAll({});
  EXPECT_TRUE(got.status.ok());
  got = WalkAll({dir.string()});
  EXPECT_TRUE(got.status.ok());
  EXPECT_TRUE(got.docs.empty());
  EXPECT_TRUE(got.rejections.empty());
}

}  // namespace
}  // namespace ceasewatch
