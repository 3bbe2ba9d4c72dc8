// Annotation benchmark: loads the full theatre pack (timing the load, cold
// and from the compiled-matcher cache), generates a corpus of news-like
// English text from the pack's own names (places in every spelling, actor
// wordings, dates, figures, attributed speech), and annotates it, printing
// MB/s, mentions/s and articles/s. Single-threaded: the figures are per
// core.
//
//   annotate_bench [--pack DIR] [--mb N] [--seed S]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "annotate/annotator.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// Sentence templates: %P a place spelling, %A an actor wording, %D a date,
// %N a number.
const char* const kTemplates[] = {
    "%A said on %D that positions near %P had come under mortar fire.",
    "According to %A, %N servicemen were wounded in the shelling of %P.",
    "\"There has been no change in our positions near %P,\" %A said.",
    "%A denied the report, calling it disinformation.",
    "Residents of %P said the road to %P was blocked for %N hours on %D.",
    "The incident near %P killed %N people and injured %N others, %A said.",
    "Talks between %A and %A on %D focused on the situation around %P.",
    "Trucks leaving %P were stopped at a checkpoint run by %A.",
    "Officials in %P reported that gas supplies had been cut since %D.",
    "The ceasefire monitoring centre near %P recorded %N violations last "
    "week.",
};
const char* const kDates[] = {"27 March 2022", "Saturday", "September 13",
                              "two days ago", "Mar 26, 2022", "last week",
                              "in February this year", "on the night of "
                                                       "September 13"};
const char* const kNumbers[] = {"three", "49", "nearly 50", "dozens", "15",
                                "seven", "a hundred", "2,000"};

std::string Generate(const ceasewatch::TheatrePack& pack, size_t bytes,
                     unsigned seed, int* articles) {
  std::mt19937 rng(seed);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  std::string out;
  out.reserve(bytes + 4096);
  *articles = 0;
  while (out.size() < bytes) {
    ++*articles;
    int sentences = 12 + static_cast<int>(pick(20));
    for (int s = 0; s < sentences; ++s) {
      const char* t = kTemplates[pick(std::size(kTemplates))];
      for (const char* c = t; *c; ++c) {
        if (*c != '%') {
          out += *c;
          continue;
        }
        switch (*++c) {
          case 'P': {
            const auto& p = pack.places[pick(pack.places.size())];
            out += p.names[pick(std::min<size_t>(p.names.size(), 4))];
            break;
          }
          case 'A': {
            const auto& a = pack.actors[pick(pack.actors.size())];
            out += a.names[pick(a.names.size())];
            break;
          }
          case 'D':
            out += kDates[pick(std::size(kDates))];
            break;
          case 'N':
            out += kNumbers[pick(std::size(kNumbers))];
            break;
        }
      }
      out += s % 4 == 3 ? "\n" : " ";
    }
    out += "\n\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string pack_dir = "data/theatres/south-caucasus";
  double mb = 20;
  unsigned seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--pack") pack_dir = argv[i + 1];
    else if (flag == "--mb") mb = std::atof(argv[i + 1]);
    else if (flag == "--seed") seed = static_cast<unsigned>(std::atoi(argv[i + 1]));
  }
  auto t0 = Clock::now();
  auto annotator = ceasewatch::Annotator::Load(pack_dir);
  auto t1 = Clock::now();
  if (!annotator.ok()) {
    std::fprintf(stderr, "annotate_bench: %s\n",
                 annotator.status().ToString().c_str());
    return 1;
  }
  auto t2 = Clock::now();
  auto again = ceasewatch::Annotator::Load(pack_dir);  // warm: cache + OS
  auto t3 = Clock::now();
  const auto& pack = (*annotator)->gazetteer().pack();
  int articles = 0;
  std::string corpus =
      Generate(pack, static_cast<size_t>(mb * 1e6), seed, &articles);

  // Annotate article by article, as the pipeline does.
  std::vector<std::string_view> docs;
  for (size_t b = 0, e; b < corpus.size(); b = e + 2) {
    e = corpus.find("\n\n", b);
    if (e == std::string::npos) e = corpus.size();
    if (e > b) docs.push_back(std::string_view(corpus).substr(b, e - b));
  }
  ceasewatch::MatchScratch scratch;
  size_t mentions = 0, places = 0, actors = 0, dates = 0;
  const ceasewatch::CivilDay published{2022, 3, 27};
  auto t4 = Clock::now();
  for (std::string_view d : docs) {
    ceasewatch::TextAnnotation a =
        (*annotator)->Annotate(d, published, scratch);
    places += a.places.size();
    actors += a.actors.size();
    dates += a.dates.size();
    mentions += a.places.size() + a.actors.size() + a.dates.size() +
                a.numbers.size() + a.casualties.size() + a.quotes.size();
  }
  auto t5 = Clock::now();
  const double secs = Seconds(t4, t5);
  std::printf("annotate benchmark (single thread)\n");
  std::printf("  pack                 %s: %zu places, %zu actors\n",
              pack_dir.c_str(), pack.places.size(), pack.actors.size());
  std::printf("  pack load            %.3f s first, %.3f s again\n",
              Seconds(t0, t1), Seconds(t2, t3));
  std::printf("  corpus               %.1f MB, %zu articles (generated)\n",
              corpus.size() / 1e6, docs.size());
  std::printf("  mentions             %zu (places %zu, actors %zu, dates %zu)\n",
              mentions, places, actors, dates);
  std::printf("  time                 %.2f s\n", secs);
  std::printf("  MB/s                 %.1f\n", corpus.size() / 1e6 / secs);
  std::printf("  mentions/s           %.0f\n", mentions / secs);
  std::printf("  articles/s           %.0f\n", docs.size() / secs);

  // Each layer alone over the same articles, to show where time goes.
  auto layer = [&](const char* name, auto&& fn) {
    auto a = Clock::now();
    size_t n = 0;
    for (std::string_view d : docs) n += fn(d);
    double s = Seconds(a, Clock::now());
    std::printf("  layer %-14s %7.1f MB/s  (%zu results)\n", name,
                corpus.size() / 1e6 / s, n);
  };
  const ceasewatch::Gazetteer& g = (*annotator)->gazetteer();
  layer("sentences", [&](std::string_view d) {
    return ceasewatch::SplitSentences(d).size();
  });
  layer("places+actors", [&](std::string_view d) {
    auto a = g.Annotate(d, published, scratch);
    return a.places.size() + a.actors.size();
  });
  layer("dates", [&](std::string_view d) {
    return ceasewatch::ResolveDates(d, published).size();
  });
  layer("numbers", [&](std::string_view d) {
    return ceasewatch::FindNumbers(d).size();
  });
  layer("casualties", [&](std::string_view d) {
    return ceasewatch::FindCasualties(d).size();
  });
  layer("quotes", [&](std::string_view d) {
    return ceasewatch::FindAttributions(d).size();
  });
  (void)again;
  return 0;
}
