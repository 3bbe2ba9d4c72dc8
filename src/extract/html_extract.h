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
//
// When the page has <article> elements (or itemprop=articleBody), only
// their blocks are kept, all of them in order, plus the first <h1> outside
// them when they hold none; else the same for <main> / role=main; a region
// with under 200 bytes of text beside five times as much elsewhere is
// ignored (a teaser card, or a wrapper around the title only). A <header>
// outside article/main is the site header and is dropped.
//
// Before parsing, <script> (except JSON-LD) and <style> contents and
// nesting far deeper than max_depth are cut from a private copy (see
// extract/raw_text_skip.h); spans still index `body`.
//
// Errors: kTooLarge when body is over 4 GiB or its parse tree would need
// more than 64 MiB + 64 bytes per input byte (pathological markup that
// makes the HTML5 tree builder multiply nodes). Never throws.
// Thread-safe; each thread keeps a parse arena of up to 8 MiB.
Result<Page> ExtractHtml(std::string body, const HtmlOptions& options = {});

}  // namespace ceasewatch

#endif  // CEASEWATCH_EXTRACT_HTML_EXTRACT_H_
