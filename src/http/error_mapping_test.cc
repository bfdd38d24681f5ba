// Every error kind maps to its status and the error envelope, once, in the dispatcher.
#include "http/dispatcher.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace projectd {
namespace {

TEST(ErrorMapping, EveryKindHasItsStatusAndTheEnvelope) {
  const std::vector<std::pair<ErrorKind, int>> kinds = {
      {ErrorKind::kBadRequest, 400},         {ErrorKind::kUnauthorized, 401},
      {ErrorKind::kForbidden, 403},          {ErrorKind::kNotFound, 404},
      {ErrorKind::kMethodNotAllowed, 405},   {ErrorKind::kRequestTimeout, 408},
      {ErrorKind::kConflict, 409},           {ErrorKind::kPayloadTooLarge, 413},
      {ErrorKind::kTooManyRequests, 429},    {ErrorKind::kHeaderTooLarge, 431},
      {ErrorKind::kInternal, 500},           {ErrorKind::kServiceUnavailable, 503},
      {ErrorKind::kInsufficientStorage, 507}};
  for (const auto& [kind, status] : kinds) {
    const auto out = Dispatcher::error_response(ApiError(kind, "why"), Format::kJson);
    EXPECT_EQ(out.status, status);
    const auto body = boost::json::parse(out.body);
    EXPECT_EQ(body.at("status"), 1);
    EXPECT_EQ(body.at("statusCode"), status);
    // An internal error's own text is for the log, never for the client.
    EXPECT_EQ(body.at("error").at("message"),
              kind == ErrorKind::kInternal ? "The server failed to process the request" : "why");
    EXPECT_FALSE(body.as_object().contains("response"));
  }
}

TEST(ErrorMapping, HeadersAndXmlForm) {
  ApiError error(ErrorKind::kTooManyRequests, "slow down");
  error.with_header("Retry-After", "60");
  const auto out = Dispatcher::error_response(error, Format::kXml);
  EXPECT_EQ(out.body,
            "<result><status>1</status><statusCode>429</statusCode><error><message>slow down"
            "</message><hresult>-2146233088</hresult><data /></error></result>");
  bool retry = false;
  for (const auto& [name, value] : out.headers)
    retry |= name == "Retry-After" && value == "60";
  EXPECT_TRUE(retry);
}

TEST(ErrorMapping, NotFoundSaysItemNotFound) {
  bool thrown = false;
  try {
    throw_not_found();
  } catch (const ApiError& e) {
    thrown = true;
    EXPECT_EQ(std::string(e.what()), "Item not found");
    EXPECT_EQ(e.http_status(), 404);
  }
  EXPECT_TRUE(thrown);
}

}  // namespace
}  // namespace projectd
