// Annotation benchmark: loads the full theatre pack (timing the load, cold
// and from the compiled-matcher cache), generates a corpus of news-like
// English text from the pack's own names (places in every spelling, actor
// wordings, dates, figures, attributed speech), and annotates it, printing
// MB/s, mentions/s and articles/s. Single-threaded and timed in thread CPU
// seconds (the figures are per core, however busy the machine); the pack
// load is timed in wall seconds.
//
//   annotate_bench [--pack DIR] [--mb N] [--seed S]
//                  [--density dense|news|both] [--layer NAME] [--dump FILE]
//
// Two corpora: "dense" is nothing but report sentences (~40k mentions per
// MB, the worst case for the name resolution), "news" mixes the same
// sentences with mention-free filler prose as news copy reads (~5k
// mentions per MB). `--layer` times one layer alone (for a profiler);
// `--dump` writes every article's annotation as JSON lines, to check that
// a change leaves the output byte-identical.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "annotate/annotator.h"
#include "annotate/mention_json.h"

namespace {

using Clock = std::chrono::steady_clock;

// CPU seconds of this thread: the annotation figures are per core, and on
// a shared machine wall time also counts the time other processes hold the
// core.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

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
const char* const kDates[] = {"27 March 2022",
                              "Saturday",
                              "September 13",
                              "two days ago",
                              "Mar 26, 2022",
                              "last week",
                              "in February this year",
                              "on the night of "
                              "September 13"};
const char* const kNumbers[] = {"three", "49",    "nearly 50", "dozens",
                                "15",    "seven", "a hundred", "2,000"};

// Filler prose for the "news" corpus: background, analysis and quotes as
// news copy has them between the sentences that report something. They
// name no pack place or actor, date or figure (a few generic words aside).
const char* const kFiller[] = {
    "The situation remained tense but calm for most of the day, and some "
    "shops reopened in the afternoon.",
    "The talks, which were held behind closed doors, ended without a joint "
    "statement.",
    "Many families who fled the fighting have still not been able to "
    "return to their homes.",
    "Prices for bread and fuel have risen sharply, adding to the hardship "
    "of people living in the area.",
    "The report could not be independently verified, and no one was "
    "willing to comment further.",
    "Humanitarian organisations have warned that the coming winter could "
    "make conditions even worse.",
    "Schools in the affected communities were closed as a precaution for "
    "the rest of the week.",
    "The road through the valley is the only link between the villages "
    "and the regional centre.",
    "Farmers complained that they could not reach their fields because of "
    "the risk of sniper fire.",
    "The agreement left many questions open, and its wording was vague on "
    "the most sensitive points.",
    "Footage shared online appeared to show smoke rising over a hillside, "
    "but its origin was unclear.",
    "Over the years the old frontier has become a patchwork of trenches, "
    "minefields and abandoned farms.",
    "The parliament is expected to debate the issue again when it "
    "reconvenes after the holidays.",
    "The blockade is hurting trade, and small businesses in the towns "
    "along the highway are closing.",
    "An investigation has been opened, and its results are to be made "
    "public when it is complete.",
    "Rights groups have documented cases of property being destroyed and "
    "of people being detained without charge.",
    "The harvest this autumn is expected to be poor, as much of the land "
    "could not be sown in the spring.",
    "Power lines damaged in the storm were repaired by teams "
    "working under difficult conditions.",
    "The museum, which holds a collection of medieval manuscripts, was "
    "moved to a safer building.",
    "Both sides have promised to invest in the reconstruction of "
    "roads, bridges and water supply.",
    "Hundreds of students took part in a march through the centre, "
    "carrying flags and banners.",
    "Mobile phone coverage had been patchy, and electricity was "
    "cut several times.",
    "The dispute has deep roots, and neither side is likely to make "
    "concessions soon.",
    "Teachers and doctors are among those who have left the area in "
    "search of work and safety.",
};

// `filler`: filler sentences per report sentence (0 = the dense corpus).
std::string Generate(const ceasewatch::TheatrePack& pack, size_t bytes,
                     unsigned seed, int filler, int* articles) {
  std::mt19937 rng(seed);
  auto pick = [&](size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(rng);
  };
  std::string out;
  out.reserve(bytes + 4096);
  *articles = 0;
  while (out.size() < bytes) {
    ++*articles;
    int sentences = 12 + static_cast<int>(pick(20));
    for (int s = 0; s < sentences; ++s) {
      // The dense corpus draws no extra numbers: it stays as it was.
      if (filler > 0 && pick(static_cast<size_t>(filler) + 1) != 0) {
        out += kFiller[pick(std::size(kFiller))];
        out += s % 4 == 3 ? "\n" : " ";
        continue;
      }
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

struct Options {
  std::string pack_dir = "data/theatres/south-caucasus";
  double mb = 20;
  unsigned seed = 1;
  std::string density = "both";  // dense, news or both
  std::string layer;             // "" = everything
  std::string dump;              // "" = no dump
};

// Annotates `corpus` article by article, as the pipeline does, then each
// layer alone; prints the figures under `title`.
void Run(const char* title, const ceasewatch::Annotator& annotator,
         const std::string& corpus, const Options& options) {
  std::vector<std::string_view> docs;
  for (size_t b = 0, e; b < corpus.size(); b = e + 2) {
    e = corpus.find("\n\n", b);
    if (e == std::string::npos) e = corpus.size();
    if (e > b) docs.push_back(std::string_view(corpus).substr(b, e - b));
  }
  ceasewatch::MatchScratch scratch;
  const ceasewatch::CivilDay published{2022, 3, 27};
  std::printf("%s corpus: %.1f MB, %zu articles (generated)\n", title,
              corpus.size() / 1e6, docs.size());

  if (options.layer.empty() || options.layer == "all") {
    size_t mentions = 0, places = 0, actors = 0, dates = 0;
    std::ofstream dump;
    if (!options.dump.empty()) {
      dump.open(options.dump + "." + title + ".jsonl", std::ios::trunc);
    }
    const double t0 = CpuSeconds();
    for (std::string_view d : docs) {
      ceasewatch::TextAnnotation a = annotator.Annotate(d, published, scratch);
      places += a.places.size();
      actors += a.actors.size();
      dates += a.dates.size();
      mentions += a.places.size() + a.actors.size() + a.dates.size() +
                  a.numbers.size() + a.casualties.size() + a.quotes.size();
      if (dump.is_open()) {
        // Outside the timed region would be fairer, but a dump run is for
        // checking output, not for timing.
        nlohmann::ordered_json j;
        j["mentions"] = ceasewatch::MentionsJson(a, d);
        auto& s = j["sentences"] = nlohmann::ordered_json::array();
        for (const ceasewatch::Span& sp : a.sentences) {
          s.push_back({sp.begin, sp.end});
        }
        dump << j.dump() << '\n';
      }
    }
    const double secs = CpuSeconds() - t0;
    std::printf(
        "  mentions             %zu (places %zu, actors %zu, dates "
        "%zu), %.0f per MB\n",
        mentions, places, actors, dates, mentions / (corpus.size() / 1e6));
    std::printf("  time                 %.2f s (thread CPU)\n", secs);
    std::printf("  MB/s                 %.1f\n", corpus.size() / 1e6 / secs);
    std::printf("  mentions/s           %.0f\n", mentions / secs);
    std::printf("  articles/s           %.0f\n", docs.size() / secs);
  }

  // Each layer alone over the same articles, to show where time goes.
  auto layer = [&](const char* name, auto&& fn) {
    if (!options.layer.empty() && options.layer != name) return;
    const double a = CpuSeconds();
    size_t n = 0;
    for (std::string_view d : docs) n += fn(d);
    const double s = CpuSeconds() - a;
    std::printf("  layer %-18s %7.1f MB/s  (%zu results)\n", name,
                corpus.size() / 1e6 / s, n);
  };
  const ceasewatch::Gazetteer& g = annotator.gazetteer();
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
  layer("numbers",
        [&](std::string_view d) { return ceasewatch::FindNumbers(d).size(); });
  layer("casualties", [&](std::string_view d) {
    return ceasewatch::FindCasualties(d).size();
  });
  // Both from one tokenization, as Annotator::Annotate runs them.
  layer("numbers+casualties", [&](std::string_view d) {
    std::vector<ceasewatch::NumberMention> numbers;
    std::vector<ceasewatch::CasualtyMention> casualties;
    ceasewatch::FindNumbersAndCasualties(d, &numbers, &casualties);
    return numbers.size() + casualties.size();
  });
  layer("quotes", [&](std::string_view d) {
    return ceasewatch::FindAttributions(d).size();
  });
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--pack")
      o.pack_dir = argv[i + 1];
    else if (flag == "--mb")
      o.mb = std::atof(argv[i + 1]);
    else if (flag == "--seed")
      o.seed = static_cast<unsigned>(std::atoi(argv[i + 1]));
    else if (flag == "--density")
      o.density = argv[i + 1];
    else if (flag == "--layer")
      o.layer = argv[i + 1];
    else if (flag == "--dump")
      o.dump = argv[i + 1];
    else {
      std::fprintf(stderr, "annotate_bench: unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  if (o.density != "dense" && o.density != "news" && o.density != "both") {
    std::fprintf(stderr, "annotate_bench: --density dense|news|both\n");
    return 2;
  }
  auto t0 = Clock::now();
  auto annotator = ceasewatch::Annotator::Load(o.pack_dir);
  auto t1 = Clock::now();
  if (!annotator.ok()) {
    std::fprintf(stderr, "annotate_bench: %s\n",
                 annotator.status().ToString().c_str());
    return 1;
  }
  auto t2 = Clock::now();
  auto again = ceasewatch::Annotator::Load(o.pack_dir);  // warm: cache + OS
  auto t3 = Clock::now();
  const auto& pack = (*annotator)->gazetteer().pack();
  std::printf("annotate benchmark (single thread)\n");
  std::printf("  pack                 %s: %zu places, %zu actors\n",
              o.pack_dir.c_str(), pack.places.size(), pack.actors.size());
  std::printf("  pack load            %.3f s first, %.3f s again\n",
              Seconds(t0, t1), Seconds(t2, t3));
  const size_t bytes = static_cast<size_t>(o.mb * 1e6);
  int articles = 0;
  if (o.density != "news") {
    Run("dense", **annotator, Generate(pack, bytes, o.seed, 0, &articles), o);
  }
  if (o.density != "dense") {
    // Ten filler sentences for one report sentence: ~5k mentions per MB.
    Run("news", **annotator, Generate(pack, bytes, o.seed, 10, &articles), o);
  }
  (void)again;
  return 0;
}
