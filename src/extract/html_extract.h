// HTML -> Page: a real HTML5 parser (gumbo) turns a page into text blocks.
#ifndef CEASEWATCH_EXTRACT_HTML_EXTRACT_H_
#define CEASEWATCH_EXTRACT_HTML_EXTRACT_H_

#include <string>

#include "ceasewatch/records.h"
#include "ceasewatch/status.h"

namespace ceasewatch {

struct HtmlOptions {
  // Deeper element nesting than this is not descended into (its text is
  // dropped) so hostile pages cannot exhaust the stack. Default: 256.
  int max_depth = 256;
};

// Extracts the visible text of `body` (UTF-8 HTML) into Page::blocks: one
// block per paragraph, heading, list item, table cell, <br>-separated line
// or other block-level text run, with [raw_begin, raw_end) byte spans into
// `body`. Drops script, style, noscript, template, nav, footer, aside, form,
// iframe, svg, and elements whose id/class/role mark navigation, comments,
// share/follow widgets, newsletters, cookie banners, breadcrumbs, related
// links or ads. Fills Page::meta from <title>, og:title, og:site_name,
// author meta, article:published_time / datePublished (JSON-LD) /
// <time datetime> inside the article, canonical/og:url, <html lang>.
// Sets Page::body = body.
Result<Page> ExtractHtml(std::string body, const HtmlOptions& options = {});

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXTRACT_HTML_EXTRACT_H_
