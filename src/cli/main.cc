// ceasewatch: the command-line front end. Thin: parse flags, call the
// library, map the result to an exit status (see cli/commands.h).
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace ceasewatch::cli;
  CLI::App app{
      "ceasewatch: raw news pages in; clean articles, incidents and claims "
      "out."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ceasewatch 0.1.0");
  IngestArgs ingest_args;
  ExportArgs export_args;
  ArticlesArgs articles_args;
  ProvisionsArgs provisions_args;
  PlaceArgs place_args;
  AnnotateArgs annotate_args;
  ReextractArgs reextract_args;
  ContradictionsArgs contradictions_args;
  BriefArgs brief_args;
  ServeArgs serve_args;
  CLI::App* ingest = AddIngest(app, &ingest_args);
  CLI::App* exporter = AddExport(app, &export_args);
  CLI::App* articles = AddArticles(app, &articles_args);
  CLI::App* provisions = AddProvisions(app, &provisions_args);
  CLI::App* place = AddPlace(app, &place_args);
  CLI::App* annotate = AddAnnotate(app, &annotate_args);
  CLI::App* reextract = AddReextract(app, &reextract_args);
  CLI::App* contradictions = AddContradictions(app, &contradictions_args);
  CLI::App* brief = AddBrief(app, &brief_args);
  CLI::App* serve = AddServe(app, &serve_args);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);  // prints help or the error
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (ingest->parsed()) return RunIngest(ingest_args);
  if (exporter->parsed()) return RunExport(export_args);
  if (articles->parsed()) return RunArticles(articles_args);
  if (provisions->parsed()) return RunProvisions(provisions_args);
  if (place->parsed()) return RunPlace(place_args);
  if (annotate->parsed()) return RunAnnotate(annotate_args);
  if (reextract->parsed()) return RunReextract(reextract_args);
  if (contradictions->parsed()) return RunContradictions(contradictions_args);
  if (brief->parsed()) return RunBrief(brief_args);
  if (serve->parsed()) return RunServe(serve_args);
  std::cerr << app.help();
  return kExitUsage;
}
