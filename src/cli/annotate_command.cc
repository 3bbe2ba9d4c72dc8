#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "annotate/annotator.h"
#include "annotate/mention_json.h"
#include "cli/commands.h"

namespace ceasewatch::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// One line per mention: kind, offsets, the words, the resolved value.
void PrintTable(const Json& mentions) {
  for (const Json& m : mentions) {
    std::string kind = m["kind"];
    std::string value;
    if (kind == "place") {
      char buf[160];
      std::snprintf(buf, sizeof buf, "%s (%.4f, %.4f) %s, %s, precision %d",
                    m["name"].get<std::string>().c_str(),
                    m["lat"].get<double>(), m["lon"].get<double>(),
                    m["country"].get<std::string>().c_str(),
                    m["feature"].get<std::string>().c_str(),
                    m["precision"].get<int>());
      value = buf;
    } else if (kind == "actor") {
      value = m["name"].get<std::string>() + " [" +
              m["side"].get<std::string>() + "]";
    } else if (kind == "date") {
      value = m["date"].get<std::string>() + ".." +
              m["date_end"].get<std::string>() + " " +
              m["precision"].get<std::string>() +
              (m["future"].get<bool>() ? " future" : "");
    } else if (kind == "number" || kind == "casualty") {
      value = (kind == "casualty" ? m["casualty"].get<std::string>() + " "
                                  : std::string()) +
              m["low"].dump() + ".." + m["high"].dump() +
              (kind == "casualty" && m["aggregate"].get<bool>()
                   ? " (period total)"
                   : "");
    } else if (kind == "quote") {
      value = m["stance"].get<std::string>() + " by " + m["speaker"].dump();
    }
    std::string text = m["text"];
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    std::printf("%-8s %6lld-%-6lld %-60s  %s\n", kind.c_str(),
                static_cast<long long>(m["begin"].get<int64_t>()),
                static_cast<long long>(m["end"].get<int64_t>()), text.c_str(),
                value.c_str());
  }
}

bool ReadAll(const std::string& path, std::string* out) {
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    ss << in.rdbuf();
  }
  *out = ss.str();
  return true;
}

}  // namespace

CLI::App* AddAnnotate(CLI::App& app, AnnotateArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "annotate",
      "Print every mention in a text (place, actor, date, number, casualty, "
      "quote) with its byte offsets and resolved value.");
  cmd->add_option("input", args->input, "text file, or - for stdin")
      ->required();
  cmd->add_option("--published", args->published,
                  "publication day YYYY-MM-DD (resolves relative dates)");
  cmd->add_option("--pack", args->pack, "theatre pack folder");
  cmd->add_flag("--json", args->json, "JSON output");
  cmd->add_flag("--jsonl", args->jsonl,
                "input is JSON lines (id, published, text): one JSON line "
                "of mentions per record");
  return cmd;
}

int RunAnnotate(const AnnotateArgs& args) {
  CivilDay published;
  if (!args.published.empty() &&
      !CivilDay::ParseIso(args.published, &published)) {
    std::cerr << "ceasewatch annotate: --published wants YYYY-MM-DD, got '"
              << args.published << "'\n";
    return kExitUsage;
  }
  std::string input;
  if (!ReadAll(args.input, &input)) {
    std::cerr << "ceasewatch: cannot read " << args.input << "\n";
    return kExitUsage;
  }
  auto annotator = Annotator::Load(FindPackDir(args.pack));
  if (!annotator.ok()) {
    std::cerr << "ceasewatch: " << annotator.status().message() << "\n";
    return kExitUsage;
  }
  MatchScratch scratch;
  if (!args.jsonl) {
    TextAnnotation a = (*annotator)->Annotate(input, published, scratch);
    Json mentions = MentionsJson(a, input);
    if (args.json) {
      Json out;
      out["published"] = published.valid() ? Json(published.Iso()) : Json();
      out["mentions"] = mentions;
      std::cout << Dump(out) << "\n";
    } else {
      PrintTable(mentions);
    }
    return kExitOk;
  }
  int bad = 0, line_no = 0;
  std::istringstream lines(input);
  std::string line;
  while (std::getline(lines, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Json rec = Json::parse(line, nullptr, false);
    if (rec.is_discarded() || !rec.is_object() || !rec.contains("text") ||
        !rec["text"].is_string()) {
      std::cerr << "ceasewatch: " << args.input << " (line " << line_no
                << "): not a JSON object with a text field\n";
      ++bad;
      continue;
    }
    CivilDay day = published;
    if (rec.contains("published") && rec["published"].is_string())
      CivilDay::ParseIso(rec["published"].get<std::string>(), &day);
    std::string text = rec["text"];
    TextAnnotation a = (*annotator)->Annotate(text, day, scratch);
    Json out;
    out["id"] = rec.contains("id") ? rec["id"] : Json();
    out["published"] = day.valid() ? Json(day.Iso()) : Json();
    out["mentions"] = MentionsJson(a, text);
    std::cout << Dump(out) << "\n";
  }
  return bad ? kExitRejected : kExitOk;
}

}  // namespace ceasewatch::cli
