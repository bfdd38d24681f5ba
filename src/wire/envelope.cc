#include "wire/envelope.h"

#include "wire/tree_writer.h"

namespace projectd {

namespace {

// The .NET HResult the original puts in every error; some clients log it, none branch on it.
std::int64_t hresult_of(int http_status) {
  switch (http_status) {
    case 400:
      return -2147024809;  // ArgumentException
    case 403:
      return -2146233078;  // SecurityException
    case 404:
      return -2147467259;  // ItemNotFoundException (HttpException)
    default:
      return -2146233088;  // Exception
  }
}

}  // namespace

std::int64_t count_of(const boost::json::value& response) {
  if (response.is_array()) return static_cast<std::int64_t>(response.as_array().size());
  if (response.is_null()) return 0;
  if (response.is_object() && response.as_object().empty()) return 0;
  return 1;
}

void write_success_envelope(ApiWriter& out, int http_status, std::int64_t count,
                            const PayloadWriter& write_response, const Paging& paging,
                            const std::optional<boost::json::array>& failed) {
  out.begin_object();
  if (count != 0) out.member("count", count);
  if (paging.start_index != 0) out.member("startIndex", paging.start_index);
  if (paging.more) out.member("nextIndex", paging.start_index + count);
  if (paging.total) out.member("total", *paging.total);
  out.member("status", 0);
  out.member("statusCode", http_status);
  out.key("response");
  write_response(out);
  if (failed) out.member("failed", boost::json::value(*failed));
  out.end_object();
}

void write_success_envelope(ApiWriter& out, int http_status, const boost::json::value& response,
                            const Paging& paging, const std::optional<boost::json::array>& failed) {
  const boost::json::value empty = boost::json::object();
  const boost::json::value& shown = response.is_null() ? empty : response;
  write_success_envelope(
      out, http_status, count_of(shown), [&](ApiWriter& writer) { writer.value(shown); }, paging,
      failed);
}

boost::json::object success_envelope(int http_status, const boost::json::value& response,
                                     const Paging& paging,
                                     const std::optional<boost::json::array>& failed) {
  return tree_object(
      [&](ApiWriter& out) { write_success_envelope(out, http_status, response, paging, failed); });
}

boost::json::object error_envelope(int http_status, const std::string& message,
                                   const boost::json::value& data, std::int64_t start_index) {
  boost::json::object out;
  if (start_index != 0) out["startIndex"] = start_index;
  out["status"] = 1;
  out["statusCode"] = http_status;
  boost::json::object error;
  error["message"] = message;
  error["hresult"] = hresult_of(http_status);
  error["data"] = data.is_null() ? boost::json::value(boost::json::object()) : data;
  out["error"] = std::move(error);
  return out;
}

}  // namespace projectd
