// Splitting a cleaned Page into articles, with title, author and
// publication day.
//
// A page may hold several articles one after another (a forum post pasting
// news pieces, a live page). A new article starts at a headline-shaped line
// followed, before any prose, by article metadata: a dateline, a byline or
// a metadata label. The first headline before the first paragraph titles
// the first article. A headline printed twice with only metadata between
// (thread title, then article title) is one headline.
//
// Dates come from datelines under the title, the page's metadata, then
// datelines above the title (never the page-top "today" line with a weekday
// at the very start of the page), then the inference rules of
// published_date.h. Datelines repeated on the page (forum post dates) are
// never article dates.
#ifndef CEASEWATCH_SPLIT_ARTICLE_SPLITTER_H_
#define CEASEWATCH_SPLIT_ARTICLE_SPLITTER_H_

#include <vector>

#include "ceasewatch/records.h"

namespace ceasewatch {

struct SplitOptions {
  // How many blocks after a headline are searched for its metadata.
  int metadata_window = 10;
  // Articles whose text is shorter than this are dropped (a headline with
  // nothing under it). Default: 1 byte.
  size_t min_article_bytes = 1;
};

// REQUIRES: the page was cleaned (TextBlock::chrome set).
std::vector<Article> SplitArticles(const Page& page,
                                   const SplitOptions& options = {});

}  // namespace ceasewatch

#endif  // CEASEWATCH_SPLIT_ARTICLE_SPLITTER_H_
