#include "wire/envelope.h"

namespace projectd {

namespace {

// A collection counts its items; any other payload counts one (the original counts a string's
// length, a quirk no client relies on); an empty payload counts zero and is left out.
std::int64_t count_of(const boost::json::value& response) {
  if (response.is_array()) return static_cast<std::int64_t>(response.as_array().size());
  if (response.is_null()) return 0;
  if (response.is_object() && response.as_object().empty()) return 0;
  return 1;
}

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

boost::json::object success_envelope(int http_status, boost::json::value response,
                                     const Paging& paging,
                                     std::optional<boost::json::array> failed) {
  if (response.is_null()) response = boost::json::object();
  boost::json::object out;
  const std::int64_t count = count_of(response);
  if (count != 0) out["count"] = count;
  if (paging.start_index != 0) out["startIndex"] = paging.start_index;
  if (paging.more) out["nextIndex"] = paging.start_index + count;
  if (paging.total) out["total"] = *paging.total;
  out["status"] = 0;
  out["statusCode"] = http_status;
  out["response"] = std::move(response);
  if (failed) out["failed"] = std::move(*failed);
  return out;
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
