// Fuzz target: raw bytes as an HTTP/1.1 request, through what the server does before a handler
// runs. Beast parses them with the server's head limit (src/http/server.cc); a complete request
// then has its target parsed and routed against the real route table, and its route, query and
// body parameters bound (http/dispatcher.cc) and read with every typed getter, including the
// getters its route documents.
#include "http/dispatcher.h"
#include "read_params.h"
#include "route_table_fixture.h"

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace http = boost::beast::http;
using namespace projectd;

namespace {

// ServerOptions::header_limit's default; the body limit is the API default of every route but the
// uploads, which the server streams to a file instead.
constexpr std::uint32_t kHeaderLimit = 16 * 1024;

std::optional<IncomingRequest> parse_request(const std::uint8_t* data, std::size_t size) {
  http::request_parser<http::string_body> parser;
  parser.header_limit(kHeaderLimit);
  parser.body_limit(kApiBodyLimit);
  parser.eager(true);
  boost::beast::error_code ec;
  std::size_t offset = 0;
  while (offset < size && !parser.is_done()) {
    const std::size_t used = parser.put(boost::asio::buffer(data + offset, size - offset), ec);
    if (ec == http::error::need_more) break;
    if (ec) return std::nullopt;
    if (used == 0) break;
    offset += used;
  }
  if (!parser.is_done() && parser.got_some()) parser.put_eof(ec);
  if (ec || !parser.is_done()) return std::nullopt;

  auto message = parser.release();
  IncomingRequest request;
  request.method = message.method();
  request.target = std::string(message.target());
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (char& c : name)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    request.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  request.body = std::move(message.body());
  return request;
}

// As Dispatcher::handle: route once, then route, query and body parameters within the request's
// binding budget.
void route_and_bind(const IncomingRequest& request) {
  std::optional<RoutedRequest> routed;
  fuzz::expect_api_errors_only(
      [&] { routed = route_request(fuzz::router(), request.method, request.target); });
  if (!routed || !routed->match.route) return;

  Params params;
  params.set_budget(Params::budget_for(request.target.size() + request.body.size()));
  fuzz::expect_api_errors_only([&] {
    bind_route_and_query(params, *routed);
    add_body_params(params, request);
  });
  fuzz::read_all_params(params);
  for (const ParamDoc& doc : routed->match.route->params)
    fuzz::read_key_every_way(params, doc.name);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (auto request = parse_request(data, size)) route_and_bind(*request);
  return 0;
}
