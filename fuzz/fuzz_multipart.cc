// Fuzz target: multipart/form-data. The first line is the Content-Type header value (its boundary
// is taken with multipart_boundary); the rest is the body, fed to the streaming MultipartParser in
// chunks whose sizes come from the body's own first byte (so the held-back delimiter bytes cross
// chunk edges at varying places), and bound as small-form fields with add_multipart_fields.
#include "http/multipart.h"
#include "http/params.h"
#include "read_params.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace projectd;

namespace {

[[noreturn]] void broken_promise(const char* what) {
  std::fprintf(stderr, "multipart parser broke its promise: %s\n", what);
  std::abort();
}

// Checks the sink sees begin/data/end in order, as the parser promises its callers.
class OrderCheckingSink : public MultipartSink {
 public:
  void on_part_begin(const MultipartPartHead& head) override {
    if (in_part_) broken_promise("a part began inside a part");
    in_part_ = true;
    if (head.filename && head.filename->find_first_of("/\\") != std::string::npos)
      broken_promise("a file name holds a path");
  }
  void on_part_data(std::string_view bytes) override {
    if (!in_part_) broken_promise("data outside a part");
    if (bytes.empty()) broken_promise("an empty data callback");
  }
  void on_part_end() override {
    if (!in_part_) broken_promise("a part ended that never began");
    in_part_ = false;
  }

 private:
  bool in_part_ = false;
};

void parse_streaming(const std::string& boundary, std::string_view body) {
  const std::size_t chunk = body.empty() ? 1 : 1 + static_cast<unsigned char>(body[0]) % 64;
  OrderCheckingSink sink;
  MultipartParser parser(boundary, sink, MultipartLimits{16, 1024});
  for (std::size_t at = 0; at < body.size(); at += chunk)
    parser.feed(body.substr(at, std::min(chunk, body.size() - at)));
  parser.finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  const auto boundary = multipart_boundary(input.substr(0, newline));
  if (!boundary) return 0;
  const std::string_view body = input.substr(newline + 1);

  fuzz::expect_api_errors_only([&] { parse_streaming(*boundary, body); });
  Params params;
  fuzz::expect_api_errors_only([&] { add_multipart_fields(params, body, *boundary); });
  fuzz::read_all_params(params);
  return 0;
}
