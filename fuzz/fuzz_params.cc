// Fuzz target: parameter binding from every body source, then every typed getter on every key.
// The first byte picks the binder (`q` query string, `f` urlencoded form, `j` JSON, `x` XML, `m`
// multipart fields with the boundary `b`, anything else: all of them); the rest is the body. A
// second, urlencoded source is bound first when the body holds a "\n\n": the part before it is a
// query string, so the route > query > body precedence and list-source rules are exercised too.
#include "http/multipart.h"
#include "read_params.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace projectd;

namespace {

void bind_body(Params& params, char binder, std::string_view body) {
  switch (binder) {
    case 'q':
      return add_urlencoded_params(params, body, ParamSource::kQuery);
    case 'f':
      return add_urlencoded_params(params, body, ParamSource::kBody);
    case 'j':
      return add_json_params(params, body);
    case 'x':
      return add_xml_params(params, body);
    case 'm':
      return add_multipart_fields(params, body, "b");
    default:
      for (char each : std::string_view("fjxm"))
        fuzz::expect_api_errors_only([&] { bind_body(params, each, body); });
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char binder = static_cast<char>(data[0]);
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  Params params;
  params.add("id", "7", ParamSource::kRoute);
  if (const std::size_t split = body.find("\n\n"); split != std::string_view::npos) {
    const std::string_view query = body.substr(0, split);
    body.remove_prefix(split + 2);
    fuzz::expect_api_errors_only(
        [&] { add_urlencoded_params(params, query, ParamSource::kQuery); });
  }
  fuzz::expect_api_errors_only([&] { bind_body(params, binder, body); });
  fuzz::read_all_params(params);
  return 0;
}
