#include "extract/chrome_attrs.h"

#include <gtest/gtest.h>

namespace ceasewatch {
namespace {

struct AttrCase {
  const char* value;
  bool chrome;
};

class ChromeClassTest : public ::testing::TestWithParam<AttrCase> {};

TEST_P(ChromeClassTest, Classifies) {
  EXPECT_EQ(IsChromeClassOrId(GetParam().value), GetParam().chrome)
      << "value: \"" << GetParam().value << "\"";
}

INSTANTIATE_TEST_SUITE_P(
    Values, ChromeClassTest,
    ::testing::Values(
        // Chrome.
        AttrCase{"nav", true}, AttrCase{"main-nav", true},
        AttrCase{"navbar navbar-expand-lg", true},
        AttrCase{"site-navigation", true}, AttrCase{"subnav", true},
        AttrCase{"MegaMenu", true}, AttrCase{"menu-item", true},
        AttrCase{"breadcrumbs", true}, AttrCase{"site-footer", true},
        AttrCase{"left-sidebar", true}, AttrCase{"comments", true},
        AttrCase{"comment-list", true}, AttrCase{"commentsSection", true},
        AttrCase{"disqus_thread", true}, AttrCase{"share-buttons", true},
        AttrCase{"sharing", true}, AttrCase{"social-links", true},
        AttrCase{"follow-us", true}, AttrCase{"newsletter-signup", true},
        AttrCase{"subscribe-box", true}, AttrCase{"cookie-consent", true},
        AttrCase{"related-articles", true}, AttrCase{"recommended", true},
        AttrCase{"advertisement", true}, AttrCase{"ad-slot", true},
        AttrCase{"ad300x250", true}, AttrCase{"promo-box", true},
        AttrCase{"top_banner", true}, AttrCase{"popup", true},
        AttrCase{"modal-dialog", true}, AttrCase{"widget", true},
        AttrCase{"post-tags", true}, AttrCase{"pagination", true},
        AttrCase{"wrapper  SIDEBAR ", true},
        // Content.
        AttrCase{"", false}, AttrCase{"article-body", false},
        AttrCase{"commentary-article", false}, AttrCase{"commentary", false},
        AttrCase{"shared-content", false}, AttrCase{"shareholders", false},
        AttrCase{"has-sidebar", false}, AttrCase{"content-with-sidebar", false},
        AttrCase{"no-comments", false}, AttrCase{"menu-open", false},
        AttrCase{"tag-social-media", false},
        AttrCase{"category-politics tag-comment", false},
        AttrCase{"subscriber-content", false}, AttrCase{"headline", false},
        AttrCase{"lead", false}, AttrCase{"canvas", false},
        AttrCase{"research-paper", false}, AttrCase{"loadMore", false},
        AttrCase{"entry-content", false}, AttrCase{"navy-blue", false},
        AttrCase{"header", false}));

TEST(ChromeRole, Roles) {
  EXPECT_TRUE(IsChromeRole("navigation"));
  EXPECT_TRUE(IsChromeRole("Banner"));
  EXPECT_TRUE(IsChromeRole("contentinfo"));
  EXPECT_TRUE(IsChromeRole("complementary"));
  EXPECT_FALSE(IsChromeRole("main"));
  EXPECT_FALSE(IsChromeRole("article"));
  EXPECT_FALSE(IsChromeRole(""));
}

TEST(AuthorClass, Tokens) {
  EXPECT_TRUE(IsAuthorClass("author"));
  EXPECT_TRUE(IsAuthorClass("article__author"));
  EXPECT_TRUE(IsAuthorClass("c-byline"));
  EXPECT_TRUE(IsAuthorClass("authorName"));
  EXPECT_FALSE(IsAuthorClass("authority"));
  EXPECT_FALSE(IsAuthorClass("article-body"));
}

TEST(Tokens, HasToken) {
  EXPECT_TRUE(HasToken("canonical nofollow", "canonical"));
  EXPECT_TRUE(HasToken("  Author ", "author"));
  EXPECT_FALSE(HasToken("authors", "author"));
  EXPECT_FALSE(HasToken("", "author"));
}

}  // namespace
}  // namespace ceasewatch
