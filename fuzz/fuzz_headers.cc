// Fuzz target: the request headers projectd parses itself. The input is split at newlines into
// header values: Content-Disposition (also as a multipart Content-Type), Range with a file size,
// Authorization, Cookie, If-None-Match and If-Range; then the full download decision runs on them
// and a parsed file name is written back as an attachment's Content-Disposition.
#include "http/credentials.h"
#include "http/download_headers.h"
#include "http/multipart.h"
#include "read_params.h"

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace http = boost::beast::http;
using namespace projectd;

namespace {

std::vector<std::string_view> split_lines(std::string_view input, std::size_t count) {
  std::vector<std::string_view> lines;
  while (lines.size() + 1 < count) {
    const std::size_t newline = input.find('\n');
    if (newline == std::string_view::npos) break;
    lines.push_back(input.substr(0, newline));
    input.remove_prefix(newline + 1);
  }
  lines.push_back(input);
  lines.resize(count);
  return lines;
}

[[noreturn]] void broken_promise(const char* what) {
  std::fprintf(stderr, "header parsing broke its promise: %s\n", what);
  std::abort();
}

void check_disposition(std::string_view value) {
  const auto disposition = parse_content_disposition(value);
  multipart_boundary(value);
  if (!disposition || !disposition->filename) return;
  if (disposition->filename->find_first_of("/\\") != std::string::npos)
    broken_promise("a Content-Disposition file name holds a path");
  // What we write for that name must read back as the same name (RFC 8187 round trip).
  const std::string written = attachment_disposition(*disposition->filename);
  const auto again = parse_content_disposition(written);
  if (!disposition->filename->empty() && (!again || again->filename != disposition->filename))
    broken_promise("attachment_disposition does not read back as its file name");
}

// The file size line as a number; 0 when it is not one.
std::uint64_t file_size_of(std::string_view text) {
  std::uint64_t size = 0;
  std::from_chars(text.data(), text.data() + text.size(), size);
  return size;
}

void check_range(std::string_view range, std::uint64_t size) {
  const RangeDecision decision = decide_range(range, size);
  if (decision.outcome == RangeOutcome::kPartial &&
      (decision.range.length == 0 || decision.range.offset + decision.range.length > size))
    broken_promise("a partial range outside the file");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto lines = split_lines(std::string_view(reinterpret_cast<const char*>(data), size), 7);
  const std::string_view disposition = lines[0], range = lines[1], file_size = lines[2],
                         authorization = lines[3], cookie = lines[4], if_none_match = lines[5],
                         if_range = lines[6];
  check_disposition(disposition);
  check_range(range, file_size_of(file_size));

  Params params;
  fuzz::expect_api_errors_only([&] {
    add_urlencoded_params(params, cookie, ParamSource::kQuery);
    extract_credentials(params, authorization, cookie);
  });
  cookie_value(cookie, "asc_auth_key");

  FileResponse file;
  file.size = file_size_of(file_size);
  file.etag = "abc";
  file.filename = std::string(disposition);
  const HeaderList headers = {{"range", std::string(range)},
                              {"if-none-match", std::string(if_none_match)},
                              {"if-range", std::string(if_range)}};
  for (http::verb method : {http::verb::get, http::verb::head, http::verb::post})
    answer_download(file, method, headers);
  return 0;
}
