#include "extract/raw_text_skip.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ceasewatch {
namespace {

std::vector<std::string> Contents(const std::string& html) {
  std::vector<std::string> out;
  for (const ByteRange& r : FindScriptStyleContents(html)) {
    EXPECT_LE(r.begin, r.end);
    EXPECT_LE(r.end, html.size());
    out.push_back(html.substr(r.begin, r.end - r.begin));
  }
  return out;
}

struct SkipCase {
  const char* name;
  const char* html;
  std::vector<std::string> want;
};

class ScriptStyleTest : public ::testing::TestWithParam<SkipCase> {};

TEST_P(ScriptStyleTest, Contents) {
  EXPECT_EQ(Contents(GetParam().html), GetParam().want) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ScriptStyleTest,
    ::testing::Values(
        SkipCase{"script_and_style",
                 "<head><script src=a.js></script><script>var a=1;</script>"
                 "<STYLE type=text/css>p{}</STYLE ></head>",
                 {"var a=1;", "p{}"}},
        SkipCase{"json_ld_kept",
                 "<script type='application/ld+json'>{}</script>"
                 "<script type=\"text/javascript\">x()</script>",
                 {"x()"}},
        SkipCase{"comment_hides_script",
                 "<!-- <script>no</script> --><script>yes</script>",
                 {"yes"}},
        SkipCase{"title_and_textarea_are_text",
                 "<title><script>no</script></title>"
                 "<textarea><style>no</style></textarea><style>s</style>",
                 {"s"}},
        SkipCase{"quoted_attribute_hides_tag",
                 "<div data-x='<script>no</script>' title=\"a>b\">"
                 "<script>yes</script>",
                 {"yes"}},
        SkipCase{"end_tag_needs_delimiter",
                 "<script>a='</scripts>';b='</script'+'>'</script>",
                 {"a='</scripts>';b='</script'+'>'"}},
        SkipCase{"unterminated_script_runs_to_end",
                 "<p>x</p><script>var a = 1;",
                 {"var a = 1;"}},
        SkipCase{"double_escape_stops_scan",
                 "<style>s</style><script><!-- document.write('<script>"
                 "x</script>') --></script><script>later</script>",
                 {"s"}},
        SkipCase{"plain_comment_in_script_is_fine",
                 "<script><!--\nvar a=1;\n//--></script><style>t</style>",
                 {"<!--\nvar a=1;\n//-->", "t"}},
        SkipCase{"plaintext_stops", "<plaintext><script>no</script>", {}},
        SkipCase{"bogus_and_doctype",
                 "<!DOCTYPE html><?xml x?></ x><script>y</script>",
                 {"y"}},
        SkipCase{"unterminated_tag", "<script src='a", {}},
        SkipCase{"lone_lt", "a < b <3 <script>z</script>", {"z"}}),
    [](const ::testing::TestParamInfo<SkipCase>& info) {
      return std::string(info.param.name);
    });

TEST(CompactHtml, MapsOffsetsBack) {
  std::string html = "ab<script>123456</script>cd<style>xy</style>ef";
  std::vector<ByteRange> cuts = FindScriptStyleContents(html);
  ASSERT_EQ(cuts.size(), 2u);
  CompactHtml c;
  c.Build(html, cuts);
  EXPECT_EQ(c.text(), "ab<script></script>cd<style></style>ef");
  EXPECT_EQ(c.removed(), 8u);
  for (size_t i = 0; i < c.text().size(); ++i) {
    size_t o = c.ToOriginal(i);
    ASSERT_LT(o, html.size());
    EXPECT_EQ(html[o], c.text()[i]) << i;
  }
  EXPECT_EQ(c.ToOriginal(c.text().size()), html.size());
}

}  // namespace
}  // namespace ceasewatch

namespace ceasewatch {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(PlanCuts, DeepNestingIsCut) {
  const std::string head = "<body><p>top</p>";
  const std::string html = head + Repeat("<div>", 2000) + "deep" +
                           Repeat("</div>", 2000) + "<p>after</p>";
  std::vector<ByteRange> cuts = PlanCuts(html, 1024);
  ASSERT_EQ(cuts.size(), 1u);
  // From the 1025th <div> to the end tag that closes it.
  EXPECT_EQ(cuts[0].begin, head.size() + 1024 * 5);
  EXPECT_EQ(html.substr(cuts[0].end), Repeat("</div>", 1024) + "<p>after</p>");
  EXPECT_TRUE(PlanCuts(html, 5000).empty());
}

TEST(PlanCuts, UnclosedDeepNestingCutToEnd) {
  const std::string html = "<p>x</p>" + Repeat("<div><span>", 800) + "z";
  std::vector<ByteRange> cuts = PlanCuts(html, 1024);
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_EQ(cuts[0].end, html.size());
}

TEST(PlanCuts, OrdinaryMarkupIsNotCounted) {
  // Thousands of unclosed p/li/td/a/br/img and self-closing svg children:
  // nothing here nests deeply.
  std::string html = "<body>" +
                     Repeat("<p>para <a href=x>link<br><img src=y>", 3000) +
                     "<ul>" + Repeat("<li>item", 3000) + "</ul><table>" +
                     Repeat("<tr><td>cell<td>cell", 2000) + "</table>" +
                     "<svg>" + Repeat("<path d='M0 0'/>", 3000) + "</svg>" +
                     Repeat("<h2>head", 2000) + Repeat("<div/>x</div>", 10);
  EXPECT_TRUE(PlanCuts(html, 1024).empty());
}

TEST(PlanCuts, SelfClosingHtmlTagsStillNest) {
  // <div/> does not close in HTML; inside <svg> a <div> breaks out first.
  const std::string html = "<svg>" + Repeat("<div/>", 3000);
  std::vector<ByteRange> cuts = PlanCuts(html, 1024);
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_EQ(cuts[0].end, html.size());
}

TEST(PlanCuts, ScriptsInsideDeepRegionAreNotCutTwice) {
  const std::string html = "<script>a</script>" + Repeat("<div>", 30) +
                           "<script>b</script>" + Repeat("</div>", 30) +
                           "<style>c</style>";
  std::vector<ByteRange> cuts = PlanCuts(html, 10);
  ASSERT_EQ(cuts.size(), 3u);
  for (size_t i = 1; i < cuts.size(); ++i) {
    EXPECT_LE(cuts[i - 1].end, cuts[i].begin);
  }
  EXPECT_EQ(html.substr(cuts[2].begin, cuts[2].end - cuts[2].begin), "c");
}

}  // namespace
}  // namespace ceasewatch
