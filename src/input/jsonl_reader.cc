#include "input/jsonl_reader.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "input/format_detect.h"
#include "util/ascii.h"

namespace ceasewatch {
namespace {

using Json = nlohmann::json;

// Records where a JSON parse failed; used only to explain a bad line.
class ErrorFinder : public nlohmann::json_sax<Json> {
 public:
  size_t position = 0;
  bool failed = false;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&,
                   const nlohmann::detail::exception&) override {
    failed = true;
    position = pos;
    return false;
  }
};

std::string WhyNotJson(std::string_view line) {
  ErrorFinder finder;
  Json::sax_parse(line, &finder, Json::input_format_t::json,
                  /*strict=*/true, /*ignore_comments=*/false);
  if (!finder.failed) return "not valid JSON";
  // nlohmann's position counts the bytes read, the offending one included:
  // the 1-based column of that byte.
  const size_t column = finder.position == 0 ? 1 : finder.position;
  return "not valid JSON (error at column " + std::to_string(column) + ")";
}

// Reads an optional string field into *out. False (with *why) when the
// field has another type.
bool OptionalString(const Json& obj, const char* name, std::string* out,
                    std::string* why) {
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return true;
  if (!it->is_string()) {
    *why = std::string("\"") + name + "\" is not a string";
    return false;
  }
  *out = it->get_ref<const std::string&>();
  return true;
}

bool Authors(const Json& obj, std::string* out, std::string* why) {
  const auto it = obj.find("author");
  if (it == obj.end() || it->is_null()) return true;
  if (it->is_string()) {
    *out = it->get_ref<const std::string&>();
    return true;
  }
  if (it->is_array()) {
    for (const Json& a : *it) {
      if (!a.is_string()) {
        *why = "\"author\" is not a string or an array of strings";
        return false;
      }
      if (!out->empty()) *out += ", ";
      *out += a.get_ref<const std::string&>();
    }
    return true;
  }
  *why = "\"author\" is not a string or an array of strings";
  return false;
}

// Fills *doc from a parsed line; false with *why when it cannot.
bool FromObject(const Json& obj, RawDocument* doc, std::string* why) {
  const auto text = obj.find("text");
  if (text == obj.end() || text->is_null()) {
    *why = "no \"text\" field";
    return false;
  }
  if (!text->is_string()) {
    *why = "\"text\" is not a string";
    return false;
  }
  if (TrimAscii(text->get_ref<const std::string&>()).empty()) {
    *why = "\"text\" is empty";
    return false;
  }
  const auto id = obj.find("id");
  if (id != obj.end() && !id->is_null()) {
    if (id->is_string()) {
      doc->source_id = id->get_ref<const std::string&>();
    } else if (id->is_number()) {
      doc->source_id = id->dump();
    } else {
      *why = "\"id\" is not a string or a number";
      return false;
    }
  }
  if (!OptionalString(obj, "url", &doc->url, why) ||
      !OptionalString(obj, "title", &doc->title, why) ||
      !OptionalString(obj, "published", &doc->published, why) ||
      !OptionalString(obj, "outlet", &doc->outlet, why) ||
      !Authors(obj, &doc->author, why)) {
    return false;
  }
  doc->bytes = text->get_ref<const std::string&>();
  doc->format =
      LooksLikeHtml(doc->bytes) ? InputFormat::kHtml : InputFormat::kText;
  return true;
}

}  // namespace

JsonlReader::JsonlReader(std::string_view data, std::string path)
    : data_(data), path_(std::move(path)) {
  if (data_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

bool ParseJsonLine(std::string_view line, size_t line_number,
                   const std::string& path, RawDocument* doc, Status* error) {
  if (line.ends_with('\r')) line.remove_suffix(1);
  if (TrimAscii(line).empty()) return false;
  const std::string locator = "line " + std::to_string(line_number);
  auto reject = [&](const std::string& why) {
    *error = Status::InvalidInput(locator + ": " + why);
    return true;
  };
  const Json parsed = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return reject(WhyNotJson(line));
  if (!parsed.is_object()) return reject("not a JSON object");

  RawDocument out;
  std::string why;
  if (!FromObject(parsed, &out, &why)) return reject(why);
  out.path = path;
  out.locator = locator;
  out.envelope.assign(line);
  out.declared_charset = "utf-8";
  *doc = std::move(out);
  *error = Status::Ok();
  return true;
}

bool JsonlReader::Next(RawDocument* doc, Status* error) {
  while (pos_ < data_.size()) {
    size_t nl = data_.find('\n', pos_);
    if (nl == data_.npos) nl = data_.size();
    std::string_view line = data_.substr(pos_, nl - pos_);
    pos_ = nl + 1;
    ++line_;
    if (ParseJsonLine(line, line_, path_, doc, error)) {
      locator_ = "line " + std::to_string(line_);
      return true;
    }
  }
  return false;
}

}  // namespace ceasewatch
