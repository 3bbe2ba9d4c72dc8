#include "input/input_walker.h"

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>

#include "input/directory_lister.h"
#include "input/file_reader.h"
#include "input/format_detect.h"
#include "input/gzip.h"
#include "input/jsonl_file_reader.h"
#include "input/jsonl_reader.h"
#include "input/warc_reader.h"
#include "util/ascii.h"

namespace ceasewatch {
namespace {

constexpr size_t kBinaryCheckBytes = 8192;

std::string_view WithoutGzipExtension(std::string_view path) {
  if (EndsWithIgnoreCase(path, ".gz")) return path.substr(0, path.size() - 3);
  if (EndsWithIgnoreCase(path, ".gzip")) {
    return path.substr(0, path.size() - 5);
  }
  return path;
}

// One Walk() call: the options, where documents go and where rejects go.
class Walker {
 public:
  Walker(const InputOptions& options, const DocumentSink& sink,
         InputReporter& reporter)
      : options_(options), sink_(sink), reporter_(reporter) {}

  Status Input(const std::string& input) {
    if (input == "-") {
      std::string data;
      Status st =
          ReadStreamLimited(stdin, "stdin", options_.max_file_bytes, &data);
      if (!st.ok()) {
        reporter_.Reject(input, "", st);
        return Status::Ok();
      }
      return Content(input, std::move(data));
    }
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) {
      const DirectoryListing listing = ListFiles(input);
      for (const auto& [path, why] : listing.errors) {
        reporter_.Reject(path, "", why);
      }
      for (const std::string& file : listing.files) {
        CW_RETURN_IF_ERROR(File(file));
      }
      return Status::Ok();
    }
    return File(input);  // a missing path fails here, with its name
  }

 private:
  Status File(const std::string& path) {
    // A gzipped JSON-lines feed is streamed rather than gunzipped whole.
    const bool gzip_jsonl = WithoutGzipExtension(path).size() < path.size() &&
                            FormatFromExtension(WithoutGzipExtension(path)) ==
                                InputFormat::kJsonLines;
    if (gzip_jsonl) {
      if (std::optional<Status> st = StreamJsonLines(path)) return *st;
    }
    std::string data;
    Status st = ReadFileLimited(path, options_.max_file_bytes, &data);
    if (!st.ok()) {
      // Too large to read whole: a JSON-lines file is read a line at a
      // time instead, the limit applying to each line.
      if (st.code() == Status::Code::kTooLarge && !gzip_jsonl) {
        if (std::optional<Status> streamed = StreamJsonLines(path))
          return *streamed;
      }
      reporter_.Reject(path, "", st);
      return Status::Ok();
    }
    return Content(path, std::move(data));
  }

  // Reads `path` as JSON lines a line at a time when its content is JSON
  // lines; nullopt when it is not (or cannot be opened): the caller goes on
  // as for any file.
  std::optional<Status> StreamJsonLines(const std::string& path) {
    auto reader = JsonlFileReader::Open(path, options_.max_file_bytes);
    if (!reader.ok() ||
        !LooksLikeJsonLines((*reader)->head(), WithoutGzipExtension(path)))
      return std::nullopt;
    return Drain(path, **reader);
  }

  Status Content(const std::string& path, std::string data) {
    if (data.empty()) {
      reporter_.Reject(path, "", Status::InvalidInput("empty file"));
      return Status::Ok();
    }
    std::string_view name = path;
    if (IsGzip(data)) {
      std::string plain;
      Status st = Gunzip(data, options_.max_gunzip_bytes, &plain);
      if (!st.ok()) {
        reporter_.Reject(path, "", st);
        // A truncated or damaged stream: go on with what it gave.
        if (st.code() == Status::Code::kTooLarge || plain.empty()) {
          return Status::Ok();
        }
      } else if (plain.empty()) {
        reporter_.Reject(
            path, "",
            Status::InvalidInput("empty file (the gzip stream holds no data)"));
        return Status::Ok();
      }
      data = std::move(plain);
      name = WithoutGzipExtension(path);
    }
    const std::string_view head =
        std::string_view(data).substr(0, kBinaryCheckBytes);
    if (LooksBinary(head)) {
      const bool nul = head.find('\0') != head.npos;
      reporter_.Reject(path, "",
                       Status::Unsupported(
                           std::string("binary file (") +
                           (nul ? "NUL bytes" : "control characters") +
                           "), not a text, HTML, JSON-lines or WARC document"));
      return Status::Ok();
    }

    switch (DetectFormat(data, name)) {
      case InputFormat::kWarc:
        return Warc(path, data);
      case InputFormat::kJsonLines:
        return JsonLines(path, data);
      case InputFormat::kHtml:
        return Whole(path, InputFormat::kHtml, std::move(data));
      case InputFormat::kText:
      case InputFormat::kUnknown:
        break;
    }
    return Whole(path, InputFormat::kText, std::move(data));
  }

  Status Warc(const std::string& path, std::string_view data) {
    WarcReader reader(data, path, options_.max_file_bytes);
    return Drain(path, reader);
  }

  Status JsonLines(const std::string& path, std::string_view data) {
    JsonlReader reader(data, path);
    return Drain(path, reader);
  }

  // Hands every record of a pull reader (WarcReader, JsonlReader) to the
  // sink and every rejected one to the reporter.
  template <typename Reader>
  Status Drain(const std::string& path, Reader& reader) {
    RawDocument doc;
    Status error;
    while (reader.Next(&doc, &error)) {
      if (!error.ok()) {
        reporter_.Reject(path, reader.locator(), error);
        continue;
      }
      CW_RETURN_IF_ERROR(sink_(std::move(doc)));
    }
    return Status::Ok();
  }

  Status Whole(const std::string& path, InputFormat format, std::string data) {
    RawDocument doc;
    doc.path = path;
    doc.format = format;
    doc.bytes = std::move(data);
    return sink_(std::move(doc));
  }

  const InputOptions& options_;
  const DocumentSink& sink_;
  InputReporter& reporter_;
};

}  // namespace

Status InputWalker::Walk(const std::vector<std::string>& inputs,
                         const DocumentSink& sink,
                         InputReporter& reporter) const {
  if (!sink) return Status::Internal("InputWalker::Walk: no document sink");
  Walker walker(options_, sink, reporter);
  for (const std::string& input : inputs) {
    CW_RETURN_IF_ERROR(walker.Input(input));
  }
  return Status::Ok();
}

}  // namespace ceasewatch
