// Classifies HTML id / class / role attribute values: does the element
// hold site chrome (navigation, comments, share buttons, ads ...) rather
// than article text?
//
// A class value is split into whitespace-separated tokens, and each token
// into sub-words at '-', '_', other punctuation and lower->upper case
// changes ("site-nav__item", "commentsSection" -> site nav item, comments
// section). Sub-words are compared case-insensitively against a keyword
// table: some keywords match whole sub-words only ("ad", "tags", "follow"),
// some also as a prefix or suffix ("navbar", "subnav", "breadcrumbs"), with
// exceptions for real words that merely start alike ("commentary",
// "shareholder"). Tokens that state a modifier or state of a content
// element are ignored past the modifier: "has-sidebar",
// "content-with-sidebar", "no-comments", "menu-open", and WordPress
// taxonomy classes such as "tag-social-media" or "category-politics".
//
// No allocation; safe to call from any thread.
#ifndef CEASEWATCH_EXTRACT_CHROME_ATTRS_H_
#define CEASEWATCH_EXTRACT_CHROME_ATTRS_H_

#include <string_view>

namespace ceasewatch {

// True if a class or id attribute value marks page chrome.
bool IsChromeClassOrId(std::string_view value);

// True if an ARIA role value marks chrome: navigation, banner, contentinfo,
// complementary, search, menu, menubar, dialog, alertdialog, toolbar.
bool IsChromeRole(std::string_view value);

// True if a class value names an author / byline element ("author",
// "article__author", "byline", "authorName"), not "authority".
bool IsAuthorClass(std::string_view value);

// True if the whitespace-separated list `value` holds `token`
// (ASCII case-insensitive), e.g. rel="canonical nofollow", itemprop.
bool HasToken(std::string_view value, std::string_view token);

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXTRACT_CHROME_ATTRS_H_
