#include "extract/html_extract.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace ceasewatch {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

Page Extract(const std::string& html, const HtmlOptions& options = {}) {
  Result<Page> r = ExtractHtml(html, options);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return Page{};
  return std::move(*r);
}

std::vector<std::string> Texts(const Page& page) {
  std::vector<std::string> out;
  for (const TextBlock& b : page.blocks) out.push_back(b.text);
  return out;
}

void ExpectSpansInBounds(const Page& page) {
  for (const TextBlock& b : page.blocks) {
    ASSERT_LE(b.raw_begin, b.raw_end) << b.text;
    ASSERT_LE(b.raw_end, page.body.size()) << b.text;
  }
}

// Every block's span is in bounds, and the source it covers contains the
// block's first word.
void ExpectSpansSound(const Page& page) {
  for (const TextBlock& b : page.blocks) {
    ASSERT_LE(b.raw_begin, b.raw_end) << b.text;
    ASSERT_LE(b.raw_end, page.body.size()) << b.text;
    std::string first_word = b.text.substr(0, b.text.find(' '));
    std::string_view src(page.body);
    src = src.substr(b.raw_begin, b.raw_end - b.raw_begin);
    // Entities may stand for the first word; compare only plain ASCII words.
    bool plain = true;
    for (char c : first_word) {
      if (c == '&' || c == ';' || static_cast<unsigned char>(c) >= 0x80) {
        plain = false;
      }
    }
    if (plain) {
      EXPECT_THAT(std::string(src), HasSubstr(first_word))
          << "block \"" << b.text << "\"";
    }
  }
}

// ---------------------------------------------------------------------------
// What is kept and what is dropped.

struct BlocksCase {
  const char* name;
  const char* html;
  std::vector<std::string> want;
};

class HtmlBlocksTest : public ::testing::TestWithParam<BlocksCase> {};

TEST_P(HtmlBlocksTest, Blocks) {
  const BlocksCase& c = GetParam();
  Page page = Extract(c.html);
  EXPECT_THAT(Texts(page), ElementsAreArray(c.want)) << c.name;
  ExpectSpansSound(page);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, HtmlBlocksTest,
    ::testing::Values(
        BlocksCase{"paragraphs_in_order",
                   "<html><body><p>First.</p><p>Second.</p>"
                   "<p>Third.</p></body></html>",
                   {"First.", "Second.", "Third."}},
        BlocksCase{"nav_footer_aside_dropped",
                   "<body><nav><a>Home</a><a>World</a></nav>"
                   "<p>Body text.</p><aside>Also read</aside>"
                   "<footer>Copyright</footer></body>",
                   {"Body text."}},
        BlocksCase{"script_style_form_dropped",
                   "<body><div><script>var x = 1;</script>"
                   "<style>p{}</style><noscript>Enable JS</noscript>"
                   "<p>Kept.</p><div><form><input value=q>"
                   "<button>Search</button></form></div>"
                   "<template><p>T</p></template>"
                   "<svg><text>svgtext</text></svg>"
                   "<iframe src=x></iframe></div></body>",
                   {"Kept."}},
        BlocksCase{"chrome_classes_dropped",
                   "<body><div class='breadcrumbs'>Home &gt; World</div>"
                   "<p>Story.</p>"
                   "<div class='share-buttons'>Share on X</div>"
                   "<div id='comments'><p>Great article!</p></div>"
                   "<div class='newsletter-signup'>Sign up</div>"
                   "<div class='cookie-banner'>We use cookies</div>"
                   "<ul class='related-articles'><li>Other story</li></ul>"
                   "<div role='navigation'>Menu</div>"
                   "<div class='ad-slot'>Buy now</div>"
                   "<p>End.</p></body>",
                   {"Story.", "End."}},
        BlocksCase{"commentary_and_taxonomy_classes_kept",
                   "<body><div class='commentary-article'><p>Opinion.</p>"
                   "</div><div class='post tag-social-media "
                   "category-comment'><p>Tagged.</p></div>"
                   "<div class='content-with-sidebar'><p>Wide.</p></div>"
                   "</body>",
                   {"Opinion.", "Tagged.", "Wide."}},
        BlocksCase{"body_class_never_drops",
                   "<body class='has-sidebar nav-open single-post "
                   "sidebar'><p>Text.</p></body>",
                   {"Text."}},
        BlocksCase{"br_splits",
                   "<body><p>Line one<br>Line two<br/><br>Line three</p>"
                   "</body>",
                   {"Line one", "Line two", "Line three"}},
        BlocksCase{"inline_joins_and_whitespace_folds",
                   "<body><p>  The <b>quick</b>\n\t<a href=x>brown</a>"
                   "<span>fox</span>&nbsp;&nbsp;jumps <em>over</em>. </p>"
                   "</body>",
                   {"The quick brownfox jumps over."}},
        BlocksCase{"entities_and_unicode_spaces",
                   "<body><p>AT&amp;T &lt;b&gt; caf&eacute;\xC2\xA0"
                   "ok\xE2\x80\x83x\xE2\x80\x8By</p></body>",
                   {"AT&T <b> caf\xC3\xA9 ok xy"}},
        BlocksCase{"div_text_runs",
                   "<body><div>Intro text<div>Inner</div>Tail text</div>"
                   "</body>",
                   {"Intro text", "Inner", "Tail text"}},
        BlocksCase{"tables_lists_dl_figcaption",
                   "<body><table><tr><td>Cell 1</td><td>Cell 2</td></tr>"
                   "<tr><th>Head</th></tr></table>"
                   "<ul><li>One</li><li>Two</li></ul>"
                   "<dl><dt>Term</dt><dd>Definition</dd></dl>"
                   "<figure><img src=x alt=img><figcaption>Caption"
                   "</figcaption></figure>"
                   "<blockquote>Quoted words</blockquote></body>",
                   {"Cell 1", "Cell 2", "Head", "One", "Two", "Term",
                    "Definition", "Caption", "Quoted words"}},
        BlocksCase{"empty_runs_dropped",
                   "<body><p> </p><div>&nbsp;</div><p>\n</p><p>x</p>"
                   "</body>",
                   {"x"}},
        BlocksCase{"site_header_dropped_article_header_kept",
                   "<body><header><a>Logo</a><h1>Site Name</h1></header>"
                   "<article><header><h1>Headline</h1>"
                   "<time datetime='2020-10-10'>Oct 10</time></header>"
                   "<p>Body.</p></article></body>",
                   {"Headline", "Oct 10", "Body."}},
        BlocksCase{
            "aspnet_form_wrapper_kept",
            "<body><form id='form1' action='page.aspx'>"
            "<div><p>Page text.</p></div></form>"
            "<div><form><label>Search site</label><input name=q></form></div>"
            "</body>",
            {"Page text."}},
        BlocksCase{"malformed_unclosed_tags",
                   "<html><body><div><p>Unclosed para<p>Second <b>bold"
                   "<div>In div</span></td><li>Stray item",
                   {"Unclosed para", "Second bold", "In div", "Stray item"}},
        BlocksCase{"pre_lines",
                   "<body><pre>line one\n  line two\n\nline four</pre>"
                   "</body>",
                   {"line one", "line two", "line four"}},
        BlocksCase{"pre_with_entities_folds",
                   "<body><pre>a &amp; b\nc</pre></body>",
                   {"a & b c"}},
        BlocksCase{"hidden_elements_dropped",
                   "<body><p>Shown.</p><select><option>Pick</option>"
                   "</select><textarea>typed</textarea></body>",
                   {"Shown."}}),
    [](const ::testing::TestParamInfo<BlocksCase>& info) {
      return std::string(info.param.name);
    });

// ---------------------------------------------------------------------------
// Hints.

TEST(HtmlExtract, HeadingsAndHints) {
  Page page = Extract(
      "<body><h1>Title</h1><h2>Sub <em>title</em></h2><h6>Small</h6>"
      "<p>Para</p><ul><li>Item</li></ul><div>Plain</div>"
      "<li><h3>Heading in item</h3>after</li></body>");
  ASSERT_EQ(page.blocks.size(), 8u);
  EXPECT_EQ(page.blocks[0].hint, BlockHint::kHeading);
  EXPECT_EQ(page.blocks[0].heading_level, 1);
  EXPECT_EQ(page.blocks[1].text, "Sub title");
  EXPECT_EQ(page.blocks[1].heading_level, 2);
  EXPECT_EQ(page.blocks[2].heading_level, 6);
  EXPECT_EQ(page.blocks[3].hint, BlockHint::kParagraph);
  EXPECT_EQ(page.blocks[3].heading_level, 0);
  EXPECT_EQ(page.blocks[4].hint, BlockHint::kListItem);
  EXPECT_EQ(page.blocks[5].hint, BlockHint::kNone);
  EXPECT_EQ(page.blocks[6].hint, BlockHint::kHeading);
  EXPECT_EQ(page.blocks[6].heading_level, 3);
  EXPECT_EQ(page.blocks[7].text, "after");
  EXPECT_EQ(page.blocks[7].hint, BlockHint::kListItem);
}

// ---------------------------------------------------------------------------
// Offsets.

TEST(HtmlExtract, OffsetsPointAtText) {
  const std::string html =
      "<html><head><title>T</title></head><body>\n"
      "<p>\n   Alpha beta gamma.  </p>\n"
      "<p>Delta <b>epsilon</b> zeta</p>\n"
      "<h2>Eta&amp;Theta</h2>\n"
      "<p>Iota<br>Kappa</p></body></html>";
  Page page = Extract(html);
  ASSERT_EQ(Texts(page),
            (std::vector<std::string>{"Alpha beta gamma.", "Delta epsilon zeta",
                                      "Eta&Theta", "Iota", "Kappa"}));
  auto src = [&](const TextBlock& b) {
    return html.substr(b.raw_begin, b.raw_end - b.raw_begin);
  };
  EXPECT_EQ(src(page.blocks[0]), "Alpha beta gamma.");
  EXPECT_EQ(src(page.blocks[1]), "Delta <b>epsilon</b> zeta");
  EXPECT_EQ(src(page.blocks[2]), "Eta&amp;Theta");
  EXPECT_EQ(src(page.blocks[3]), "Iota");
  EXPECT_EQ(src(page.blocks[4]), "Kappa");
  EXPECT_EQ(page.body, html);
  ExpectSpansSound(page);
}

TEST(HtmlExtract, OffsetsWithMultibyteText) {
  const std::string html =
      "<p>Азərbaycan \xC2\xA0 xəbərləri</p><p>Հայաստան</p>";
  Page page = Extract(html);
  ASSERT_EQ(page.blocks.size(), 2u);
  EXPECT_EQ(page.blocks[0].text, "Азərbaycan xəbərləri");
  EXPECT_EQ(html.substr(page.blocks[1].raw_begin,
                        page.blocks[1].raw_end - page.blocks[1].raw_begin),
            "Հայաստան");
}

// ---------------------------------------------------------------------------
// The article region.

TEST(HtmlExtract, PrefersArticleAndKeepsOutsideH1) {
  Page page = Extract(
      "<body><div class='top'><h1>Ceasefire holds</h1></div>"
      "<div class='teaser-list'><p>Unrelated teaser text that is not part "
      "of the story.</p></div>"
      "<article><p>The ceasefire held overnight.</p>"
      "<p>Officials confirmed it.</p></article>"
      "<div><p>More boilerplate outside.</p></div></body>");
  EXPECT_THAT(Texts(page),
              ElementsAre("Ceasefire holds", "The ceasefire held overnight.",
                          "Officials confirmed it."));
}

TEST(HtmlExtract, SeveralArticlesAllEmittedInOrder) {
  Page page = Extract(
      "<body><h1>Live updates</h1><p>Page intro</p>"
      "<article><h2>10:00</h2><p>First update text here.</p></article>"
      "<article><h2>11:00</h2><p>Second update text here.</p></article>"
      "</body>");
  EXPECT_THAT(Texts(page),
              ElementsAre("Live updates", "10:00", "First update text here.",
                          "11:00", "Second update text here."));
}

TEST(HtmlExtract, ItempropArticleBodyAndMain) {
  Page page = Extract(
      "<body><div>Outside words</div>"
      "<div itemprop='articleBody'><p>Inside body.</p></div></body>");
  EXPECT_THAT(Texts(page), ElementsAre("Inside body."));

  page = Extract(
      "<body><div>Outside words</div><main><h1>Title</h1>"
      "<p>Main text.</p></main><div>After</div></body>");
  EXPECT_THAT(Texts(page), ElementsAre("Title", "Main text."));

  page = Extract(
      "<body><div>Outside</div><div role='main'><p>Role main.</p></div>"
      "</body>");
  EXPECT_THAT(Texts(page), ElementsAre("Role main."));
}

TEST(HtmlExtract, ThinArticleWrapperFallsBackToWholePage) {
  // <article> holds only a short label; the story is outside it.
  std::string story;
  for (int i = 0; i < 10; ++i) {
    story += "<p>Paragraph number " + std::to_string(i) +
             " of the story, which is long enough to matter.</p>";
  }
  Page page =
      Extract("<body><article><p>Label</p></article>" + story + "</body>");
  EXPECT_EQ(page.blocks.size(), 11u);
}

// ---------------------------------------------------------------------------
// Metadata.

struct MetaCase {
  const char* name;
  const char* html;
  PageMeta want;
};

class HtmlMetaTest : public ::testing::TestWithParam<MetaCase> {};

TEST_P(HtmlMetaTest, Meta) {
  const MetaCase& c = GetParam();
  Page page = Extract(c.html);
  EXPECT_EQ(page.meta.title, c.want.title) << c.name;
  EXPECT_EQ(page.meta.author, c.want.author) << c.name;
  EXPECT_EQ(page.meta.outlet, c.want.outlet) << c.name;
  EXPECT_EQ(page.meta.url, c.want.url) << c.name;
  EXPECT_EQ(page.meta.language, c.want.language) << c.name;
  EXPECT_EQ(page.meta.published, c.want.published) << c.name;
}

PageMeta M(const char* title, const char* author, const char* outlet,
           const char* url, const char* language, const char* published) {
  PageMeta m;
  m.title = title;
  m.author = author;
  m.outlet = outlet;
  m.url = url;
  m.language = language;
  m.published = published;
  return m;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, HtmlMetaTest,
    ::testing::Values(
        MetaCase{"og_and_article_meta",
                 "<html lang='en-US'><head><title>Ignored | Daily</title>"
                 "<meta property='og:title' content=' Truce &amp; talks '>"
                 "<meta property='og:site_name' content='Daily'>"
                 "<meta name='author' content='Jane Doe'>"
                 "<meta property='article:published_time' "
                 "content='2020-10-10T08:00:00Z'>"
                 "<link rel='canonical' href='https://daily.example/a/1'>"
                 "<meta property='og:url' content='https://daily.example/x'>"
                 "</head><body><h1>H1 title</h1></body></html>",
                 M("Truce & talks", "Jane Doe", "Daily",
                   "https://daily.example/a/1", "en", "2020-10-10T08:00:00Z")},
        MetaCase{"h1_title_article_author_og_url",
                 "<html lang='RU'><head><title>Site title</title>"
                 "<meta property='article:author' "
                 "content='https://facebook.com/someone'>"
                 "<meta property='article:author' content='Ivan Petrov'>"
                 "<meta property='og:url' content='https://x.example/2'>"
                 "</head><body><h1>Headline here</h1></body></html>",
                 M("Headline here", "Ivan Petrov", "", "https://x.example/2",
                   "ru", "")},
        MetaCase{"title_suffix_stripped",
                 "<head><title>Talks resume - News Site</title>"
                 "<meta property='og:site_name' content='News Site'>"
                 "</head><body><p>x</p></body>",
                 M("Talks resume", "", "News Site", "", "", "")},
        MetaCase{"title_pipe_suffix_stripped_case_insensitive",
                 "<head><title>Talks resume | NEWS SITE</title>"
                 "<meta property='og:site_name' content='News Site'>"
                 "</head><body></body>",
                 M("Talks resume", "", "News Site", "", "", "")},
        MetaCase{"title_suffix_kept_when_not_site",
                 "<head><title>Talks resume - Day 2</title>"
                 "<meta property='og:site_name' content='News Site'>"
                 "</head><body></body>",
                 M("Talks resume - Day 2", "", "News Site", "", "", "")},
        MetaCase{"title_dash_suffix_unicode",
                 "<head><title>Перемирие \xE2\x80\x94 Новости</title>"
                 "<meta property='og:site_name' content='Новости'>"
                 "</head><body></body>",
                 M("Перемирие", "", "Новости", "", "", "")},
        MetaCase{"json_ld",
                 "<head><script type='application/ld+json'>"
                 "{\"@context\":\"https://schema.org\",\"@type\":"
                 "\"NewsArticle\",\"headline\":\"H\",\"datePublished\":"
                 "\"2021-05-06T10:00:00+04:00\",\"author\":{\"@type\":"
                 "\"Person\",\"name\":\"Aysel M\\u0259mm\\u0259dova\"}}"
                 "</script></head><body><p>x</p></body>",
                 M("",
                   "Aysel M\xC9\x99mm\xC9\x99"
                   "dova",
                   "", "", "", "2021-05-06T10:00:00+04:00")},
        MetaCase{"json_ld_in_footer_still_read",
                 "<body><p>x</p><footer><script type='application/ld+json'>"
                 "{\"datePublished\":\"2022-01-01\"}</script></footer>"
                 "</body>",
                 M("", "", "", "", "", "2022-01-01")},
        MetaCase{"itemprop_date_and_author",
                 "<body><article><h1>T</h1><span itemprop='author'>"
                 "<span itemprop='name'>Anna Lee</span></span>"
                 "<time itemprop='datePublished' datetime='2019-02-03'>"
                 "Feb 3</time><p>x</p></article></body>",
                 M("T", "Anna Lee", "", "", "", "2019-02-03")},
        MetaCase{"rel_author_and_time_in_article",
                 "<body><time datetime='2000-01-01'>Outside</time>"
                 "<article><p>By <a rel='author' href='/a'>Kim Ro</a></p>"
                 "<time datetime='2018-07-08T09:00'>July 8</time>"
                 "<p>Text</p></article></body>",
                 M("", "Kim Ro", "", "", "", "2018-07-08T09:00")},
        MetaCase{"class_author_by_stripped",
                 "<body><article><div class='byline'>By Sam Smith</div>"
                 "<p>Text</p></article>"
                 "<div class='related'><span class='author'>Other "
                 "Person</span></div></body>",
                 M("", "Sam Smith", "", "", "", "")},
        MetaCase{"time_outside_article_ignored",
                 "<body><div><time datetime='2001-01-01'>x</time></div>"
                 "<p>y</p></body>",
                 M("", "", "", "", "", "")},
        MetaCase{"meta_priority_over_jsonld",
                 "<head><meta property='article:published_time' "
                 "content='2020-01-01'><script type='application/ld+json'>"
                 "{\"datePublished\":\"1999-01-01\",\"author\":\"J L\"}"
                 "</script><meta name='author' content='M A'></head>",
                 M("", "M A", "", "", "", "2020-01-01")},
        MetaCase{"content_language_fallback",
                 "<head><meta http-equiv='Content-Language' content='az'>"
                 "</head><body></body>",
                 M("", "", "", "", "az", "")}),
    [](const ::testing::TestParamInfo<MetaCase>& info) {
      return std::string(info.param.name);
    });

// ---------------------------------------------------------------------------
// Hostile input.

TEST(HtmlExtract, DeepNestingDoesNotCrash) {
  std::string html = "<body><p>Top text.</p>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "Deep text";
  for (int i = 0; i < 10000; ++i) html += "</div>";
  html += "<p>After.</p></body>";
  Page page = Extract(html);
  EXPECT_THAT(Texts(page), ElementsAre("Top text.", "After."));
  ExpectSpansSound(page);

  // With a larger limit the deep text is kept.
  HtmlOptions deep;
  deep.max_depth = 20000;
  page = Extract(html, deep);
  EXPECT_THAT(Texts(page), ElementsAre("Top text.", "Deep text", "After."));
}

TEST(HtmlExtract, HugeNestingIsCutBeforeParsing) {
  // Gumbo's tree building is quadratic in depth; 200,000 open elements
  // would take minutes. The pre-parse depth cut drops the deep text (a
  // regression shows as this test hitting CTest's timeout).
  std::string html = "<body><p>Top.</p>";
  for (int i = 0; i < 200000; ++i) html += (i % 2) ? "<div>" : "<font>";
  html += "deep";
  Page page = Extract(html);
  EXPECT_THAT(Texts(page), ElementsAre("Top."));
}

TEST(HtmlExtract, FormattingReconstructionBombIsRefused) {
  // A thousand distinct unclosed <b> tags, popped by </div>, are rebuilt
  // for every later paragraph: ~90 KB of HTML would make gigabytes of tree.
  std::string html = "<div>";
  for (int i = 0; i < 1000; ++i) html += "<b id=" + std::to_string(i) + ">";
  html += "</div>";
  for (int i = 0; i < 20000; ++i) html += "<p>x";
  Result<Page> r = ExtractHtml(html);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kTooLarge);
  // The thread's arena is usable again afterwards.
  Page page = Extract("<p>Fine.</p>");
  EXPECT_THAT(Texts(page), ElementsAre("Fine."));
}

TEST(HtmlExtract, DeepInlineNestingDoesNotCrash) {
  std::string html = "<p>";
  for (int i = 0; i < 10000; ++i) html += "<span><b>";
  html += "x";
  Page page = Extract(html);
  ExpectSpansSound(page);
}

TEST(HtmlExtract, GarbageInputs) {
  const std::string inputs[] = {
      "",
      "<",
      "</p>",
      "<<<>>>&&&;;;",
      std::string("\0\0<p>\0x\0</p>", 12),
      "\xff\xfe<p>\x80\x81 bad utf8 \xc3</p>",
      "<table>foster<tr>text<td>cell</table>",
      "<p>a<!-- unterminated comment",
      "<script>never closed",
      "<isindex prompt='x'><p>q</p>",
      "<b><i><u><s>nested formatting</b></i></u></s>",
  };
  for (const std::string& in : inputs) {
    Result<Page> r = ExtractHtml(in);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->body, in);
    // Foster-parented and parser-generated text (isindex) need not map
    // to one contiguous source word; the spans must still be in bounds.
    ExpectSpansInBounds(*r);
  }
}

TEST(HtmlExtract, PlainTextWithoutTags) {
  Page page = Extract("Just words\nand more words.");
  EXPECT_THAT(Texts(page), ElementsAre("Just words and more words."));
  EXPECT_EQ(page.blocks[0].raw_begin, 0u);
  EXPECT_EQ(page.blocks[0].raw_end, page.body.size());
}

// ---------------------------------------------------------------------------
// Speed (informational): a ~30 KB article page.

std::string ThirtyKilobytePage() {
  std::string html =
      "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
      "<title>Ceasefire talks | Example News</title>"
      "<meta property='og:title' content='Ceasefire talks'>"
      "<meta property='og:site_name' content='Example News'>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
      "\"datePublished\":\"2020-10-10\",\"author\":{\"name\":\"A B\"}}"
      "</script><style>body{margin:0}</style></head><body>"
      "<header class='site-header'><nav class='main-nav'><ul>";
  for (int i = 0; i < 40; ++i) {
    html += "<li class='menu-item'><a href='/section/" + std::to_string(i) +
            "'>Section " + std::to_string(i) + "</a></li>";
  }
  html +=
      "</ul></nav></header><main><article class='post'><h1>Ceasefire "
      "talks</h1><div class='byline'>By A B</div><time "
      "datetime='2020-10-10'>10 Oct 2020</time><div class='entry-content'>";
  int n = 0;
  while (html.size() < 24000) {
    html += "<p>Paragraph " + std::to_string(++n) +
            ": the <a href='/x'>delegations</a> met in the capital on "
            "<em>Saturday</em> and agreed that the truce would hold while "
            "observers &mdash; drawn from neutral states &mdash; monitor the "
            "line of contact.</p>\n";
  }
  html +=
      "</div><div class='share-buttons'><a>Facebook</a><a>X</a></div>"
      "</article><aside class='sidebar'><ul>";
  while (html.size() < 29000) {
    html +=
        "<li><a href='/story'>A related headline about something "
        "else</a></li>";
  }
  html +=
      "</ul></aside></main><footer class='site-footer'><p>Copyright"
      "</p></footer></body></html>";
  return html;
}

// Extraction speed is measured by bench/ingest_bench.py, not here.
TEST(HtmlExtract, ThirtyKilobytePage) {
  const std::string html = ThirtyKilobytePage();
  Page page = Extract(html);
  ASSERT_GT(page.blocks.size(), 20u);
  EXPECT_EQ(page.blocks[0].text, "Ceasefire talks");
  EXPECT_EQ(page.meta.author, "A B");
  EXPECT_EQ(page.meta.published, "2020-10-10");
  ExpectSpansSound(page);
}

}  // namespace
}  // namespace ceasewatch

namespace ceasewatch {
namespace {

// Pages with large scripts are parsed without the script text; the result
// must be the same as for the page without it, with spans on the same text.
TEST(HtmlExtract, ScriptCuttingKeepsResultsAndSpans) {
  std::string big_js = "var state = {";
  while (big_js.size() < 5000) big_js += "\"k\": \"<p>not text</p>\", ";
  big_js += "};";
  auto page_with = [](const std::string& js, const std::string& css) {
    return "<html><head><script>" + js + "</script><style>" + css +
           "</style><script type='application/ld+json'>"
           "{\"datePublished\":\"2020-02-02\"}</script></head><body>"
           "<p>First para.</p><script>" +
           js + "</script><p>Second <b>para</b>.</p><style>" + css +
           "</style><h2>Head</h2><p>Third\n para.</p></body></html>";
  };
  std::string css(3000, ' ');
  css += "p{color:red}";
  const std::string big = page_with(big_js, css);
  const std::string small = page_with("", "");
  Page a = Extract(big);
  Page b = Extract(small);
  EXPECT_EQ(Texts(a), Texts(b));
  EXPECT_EQ(a.meta.published, "2020-02-02");
  ASSERT_EQ(a.blocks.size(), b.blocks.size());
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    EXPECT_EQ(big.substr(a.blocks[i].raw_begin,
                         a.blocks[i].raw_end - a.blocks[i].raw_begin),
              small.substr(b.blocks[i].raw_begin,
                           b.blocks[i].raw_end - b.blocks[i].raw_begin));
  }
  EXPECT_EQ(a.body, big);
  ExpectSpansSound(a);
}

}  // namespace
}  // namespace ceasewatch
