#include "input/format_detect.h"

#include <gtest/gtest.h>

#include <string>

#include "input/input_test_util.h"

namespace ceasewatch {
namespace {

using testing_util::GzipMember;

struct FormatCase {
  std::string head;
  std::string path;
  InputFormat want;
};

TEST(DetectFormatTest, Table) {
  const FormatCase cases[] = {
      {"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x.bin", InputFormat::kWarc},
      {"WARC/1.1\r\n", "", InputFormat::kWarc},
      {"{\"text\": \"hi\"}\n{\"text\": \"there\"}\n", "feed.txt",
       InputFormat::kJsonLines},
      {"\n  {\"id\": 1, \"text\": \"x\"}\r\n", "", InputFormat::kJsonLines},
      {"{not json\n{\"text\":\"x\"}\n", "feed.jsonl", InputFormat::kJsonLines},
      {"{not json\n", "notes.txt", InputFormat::kText},
      {"[1, 2, 3]\n", "", InputFormat::kText},
      {"<!DOCTYPE html><html>", "page.txt", InputFormat::kHtml},
      {"\xEF\xBB\xBF  <!-- saved --> <HTML lang=uk>", "", InputFormat::kHtml},
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML\">",
       "", InputFormat::kHtml},
      {"<div class=story>Text</div>", "", InputFormat::kHtml},
      {"<p>One paragraph.</p>", "", InputFormat::kHtml},
      {"<pre>not really</pre>", "", InputFormat::kText},
      {"Saved from the web\n<html><body>", "", InputFormat::kHtml},
      {"Plain news text about a ceasefire.\n", "article.html",
       InputFormat::kHtml},
      {"Plain news text about a ceasefire.\n", "article.txt",
       InputFormat::kText},
      {"Plain news text about a ceasefire.\n", "dump.warc", InputFormat::kWarc},
      {"Plain news text.\n", "", InputFormat::kText},
      {"a < b and c > d", "", InputFormat::kText},
      {"", "", InputFormat::kText},
      {std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14), "", InputFormat::kHtml},
      {std::string("\xFE\xFF\0h\0i", 6), "", InputFormat::kText},
      {GzipMember("WARC/1.0\r\n"), "crawl.warc.gz", InputFormat::kWarc},
      {GzipMember("<html><body>"), "page.gz", InputFormat::kHtml},
      {GzipMember("{\"text\":\"x\"}\n"), "", InputFormat::kJsonLines},
      {GzipMember("WARC/1.0\r\n").substr(0, 5), "crawl.warc.gz",
       InputFormat::kWarc},
      {GzipMember("x").substr(0, 5), "blob.gz", InputFormat::kUnknown},
  };
  for (const FormatCase& c : cases) {
    EXPECT_EQ(DetectFormat(c.head, c.path), c.want)
        << "path=" << c.path << " head=" << c.head.substr(0, 40)
        << " got=" << FormatName(DetectFormat(c.head, c.path));
  }
}

TEST(LooksLikeHtmlTest, Table) {
  const std::pair<std::string, bool> cases[] = {
      {"<html>", true},
      {"<HEAD>", true},
      {"<body class=x>", true},
      {"<p>", true},
      {"<p/>", true},
      {"<div\n id=a>", true},
      {"<!doctype html>", true},
      {"<!doctype   HTML>", true},
      {"<!-- c --><title>T</title>", true},
      {"<!doctype svg>", false},
      {"<pre>", false},
      {"<unknowntag>", false},
      {"text", false},
      {"<", false},
      {"<!-- never closed", false},
      {std::string(2000, 'x') + "<html>", false},
  };
  for (const auto& [head, want] : cases) {
    EXPECT_EQ(LooksLikeHtml(head), want) << head;
  }
}

TEST(LooksBinaryTest, Table) {
  std::string controls;
  for (int i = 0; i < 100; ++i) controls += (i % 5 == 0) ? '\x01' : 'a';
  std::string few_controls(100, 'a');
  few_controls[10] = '\x07';
  const std::pair<std::string, bool> cases[] = {
      {"plain text\twith\ttabs\r\nand\fform feeds", false},
      {std::string("PK\x03\x04\0\0", 6), true},
      {std::string("abc\0def", 7), true},
      {controls, true},
      {few_controls, false},
      {"\x1B$B text in ISO-2022-JP \x1B(B", false},
      {"\xD0\x9F\xD1\x80\xD0\xB8", false},  // UTF-8
      {std::string("\xFF\xFEh\0i\0", 6), false},
      {std::string("\xFF\xFEh\0\0\0", 6), true},
      {"", false},
  };
  for (const auto& [head, want] : cases) {
    EXPECT_EQ(LooksBinary(head), want) << head.substr(0, 20);
  }
}

}  // namespace
}  // namespace ceasewatch
