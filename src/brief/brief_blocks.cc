// The sections of the brief, as blocks both renderers share.
#include <algorithm>
#include <map>

#include "brief/brief_render.h"
#include "export/incident_text.h"

namespace ceasewatch {
namespace {

using Kind = BriefBlock::Kind;

BriefBlock Heading(int level, std::string text) {
  BriefBlock b;
  b.kind = Kind::kHeading;
  b.level = level;
  b.text = {{std::move(text), ""}};
  return b;
}

BriefBlock Para(Line text) {
  BriefBlock b;
  b.kind = Kind::kParagraph;
  b.text = std::move(text);
  return b;
}

Line Plain(std::string s) { return {{std::move(s), ""}}; }

std::string Ids(const std::vector<int64_t>& ids) {
  std::string s;
  for (int64_t id : ids) s += (s.empty() ? "#" : ", #") + std::to_string(id);
  return s;
}

std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

BriefBlock GroupTable(const std::string& key_name,
                      const std::vector<BriefGroup>& groups, bool detail) {
  BriefBlock t;
  t.kind = Kind::kTable;
  t.header = {key_name};
  if (detail) t.header.push_back("where");
  for (const char* h : {"incidents", "killed", "injured", "ids"})
    t.header.push_back(h);
  for (const BriefGroup& g : groups) {
    std::vector<Line> row = {Plain(g.key)};
    if (detail) row.push_back(Plain(OrDash(g.detail)));
    row.push_back(Plain(std::to_string(g.incidents.size())));
    row.push_back(Plain(OrDash(RangeText(g.killed))));
    row.push_back(Plain(OrDash(RangeText(g.injured))));
    row.push_back(Plain(Ids(g.incidents)));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// "article 12 (Outlet)" linked to its URL when it has one.
Span ArticleSpan(const ArticleMeta& a) {
  std::string s = "article " + std::to_string(a.id);
  if (!a.outlet.empty()) s += " (" + a.outlet + ")";
  return {s, a.url};
}

std::string ClaimLine(const ClaimRef& r) {
  std::string s =
      (r.claim.source_side.empty() ? "media" : r.claim.source_side) + " " +
      r.claim.stance + " (" + r.claim.source_name;
  if (r.figure.known) s += ", killed " + RangeText(r.figure);
  s += "): \"" + r.claim.text + "\" [article " + std::to_string(r.article_id) +
       "]";
  return s;
}

}  // namespace

std::vector<BriefBlock> BriefBlocks(const Brief& brief) {
  std::vector<BriefBlock> out;
  const std::string period = brief.since == brief.until
                                 ? brief.since
                                 : brief.since + " to " + brief.until;
  out.push_back(Heading(1, "Incident brief, " + period));

  out.push_back(Heading(2, "Summary"));
  std::string summary =
      Plural(brief.incidents.size(), "incident") + " in the period, from " +
      Plural(static_cast<size_t>(brief.reports), "report") + " in " +
      Plural(brief.articles.size(), "article") +
      ". Killed: " + OrDash(RangeText(brief.killed)) +
      "; injured: " + OrDash(RangeText(brief.injured)) +
      " (ranges: the lowest and the highest figures the sources give). ";
  size_t contradicted = 0;
  for (const BriefIncident& b : brief.incidents)
    contradicted += b.contradictions.empty() ? 0 : 1;
  summary += Plural(contradicted, "incident") +
             " with contradicting claims. Incidents mentioned only as "
             "history are left out; every claim is attributed to its source, "
             "none is taken as established.";
  if (!brief.loosely_dated.empty()) {
    summary +=
        " Left out too, as their dates are too loose for the "
        "period (a window longer than it): ";
    for (size_t k = 0; k < brief.loosely_dated.size(); ++k)
      summary += (k ? ", #" : "#") + std::to_string(brief.loosely_dated[k]);
    summary += ".";
  }
  out.push_back(Para(Plain(summary)));

  out.push_back(Heading(2, "Incidents by type"));
  out.push_back(GroupTable("type", brief.by_type, false));
  out.push_back(Heading(2, "Incidents by place"));
  out.push_back(GroupTable("place", brief.by_place, true));
  out.push_back(Heading(2, "Incidents by side"));
  out.push_back(GroupTable("side", brief.by_side, false));

  out.push_back(Heading(2, "Casualties"));
  BriefBlock cas;
  cas.kind = Kind::kTable;
  cas.header = {"incident", "date",    "type",   "place",
                "killed",   "injured", "sources"};
  for (const BriefIncident& b : brief.incidents) {
    const Incident& i = b.facts.incident;
    if (!i.fatalities.known && !i.injured.known) continue;
    cas.rows.push_back({Plain("#" + std::to_string(i.id)), Plain(WindowText(i)),
                        Plain(TypeWords(i.type)), Plain(PlaceList(i)),
                        Plain(OrDash(RangeText(i.fatalities))),
                        Plain(OrDash(RangeText(i.injured))),
                        Plain(std::to_string(i.sources))});
  }
  if (cas.rows.empty())
    out.push_back(Para(Plain("No source gives a casualty figure.")));
  else
    out.push_back(std::move(cas));

  out.push_back(Heading(2, "Contradictions"));
  BriefBlock contra;
  contra.kind = Kind::kList;
  for (const BriefIncident& b : brief.incidents) {
    const Incident& i = b.facts.incident;
    for (const Contradiction& c : b.contradictions) {
      const std::string what =
          c.kind == "stance" ? "asserted by one side, rejected by another"
                             : c.kind + " figures that cannot both be true";
      contra.items.push_back(
          Plain("#" + std::to_string(i.id) + " " + TypeWords(i.type) + ", " +
                WindowText(i) + ", " + PlaceList(i) + ": " + what + ". " +
                ClaimLine(c.first) + " / " + ClaimLine(c.second)));
    }
  }
  if (contra.items.empty())
    out.push_back(Para(Plain("No contradictions between parties.")));
  else
    out.push_back(std::move(contra));

  out.push_back(Heading(2, "Provisions"));
  if (!brief.agreements) {
    out.push_back(Para(Plain("No agreements were given (no pack).")));
  } else if (brief.provisions.empty()) {
    out.push_back(
        Para(Plain("No incident of the period bears on a provision.")));
  } else {
    BriefBlock list;
    list.kind = Kind::kList;
    for (const BriefProvision& p : brief.provisions) {
      std::string s = p.agreement_id + " point " + std::to_string(p.number) +
                      " (" + p.provision_id + "): " + p.summary +
                      " Incidents: ";
      for (size_t k = 0; k < p.incidents.size(); ++k) {
        const BriefProvisionIncident& pi = p.incidents[k];
        s += (k ? "; #" : "#") + std::to_string(pi.incident) + " " +
             TypeWords(pi.relation);
        if (!pi.accused.empty()) s += ", accused " + Join(pi.accused, ",");
      }
      list.items.push_back(Plain(s + "."));
    }
    out.push_back(std::move(list));
  }

  out.push_back(Heading(2, "Incidents"));
  BriefBlock inc;
  inc.kind = Kind::kList;
  for (const BriefIncident& b : brief.incidents) {
    Line line = Plain("#" + std::to_string(b.facts.incident.id) + ": " +
                      IncidentNotes(b.facts) + " Sources: ");
    for (size_t k = 0; k < b.facts.articles.size(); ++k) {
      if (k > 0) line.push_back({", ", ""});
      line.push_back(ArticleSpan(b.facts.articles[k]));
    }
    inc.items.push_back(std::move(line));
  }
  if (inc.items.empty())
    out.push_back(Para(Plain("No incidents in the period.")));
  else
    out.push_back(std::move(inc));

  out.push_back(Heading(2, "Sources"));
  BriefBlock src;
  src.kind = Kind::kTable;
  src.header = {"article", "published", "outlet", "title"};
  for (const ArticleMeta& a : brief.articles) {
    src.rows.push_back({Plain(std::to_string(a.id)), Plain(OrDash(a.published)),
                        Plain(OrDash(a.outlet)),
                        Line{{a.title.empty() ? a.file : a.title, a.url}}});
  }
  if (src.rows.empty())
    out.push_back(Para(Plain("No articles.")));
  else
    out.push_back(std::move(src));
  return out;
}

}  // namespace ceasewatch
