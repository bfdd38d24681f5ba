// The one error taxonomy of projectd (docs/architecture.md, "Errors"). Any layer throws ApiError;
// the HTTP edge maps it once to a status and the envelope (Dispatcher::error_response). What the
// client sees is the message: clear, never leaking the existence of hidden objects. The message of
// a kInternal error is never shown: the client gets a generic one, the log gets it with the
// request's id.
#pragma once

#include <boost/json/value.hpp>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace projectd {

enum class ErrorKind {
  kBadRequest,           // 400: a parameter is missing, malformed or out of range
  kUnauthorized,         // 401: no or bad credentials
  kForbidden,            // 403: visible, but this caller may not do it
  kNotFound,             // 404: missing or hidden; message "Item not found"
  kMethodNotAllowed,     // 405: the path exists for other methods
  kRequestTimeout,       // 408: the client was too slow sending the request
  kConflict,             // 409: a business rule refuses it (closed project, link exists)
  kPayloadTooLarge,      // 413: body over the route's limit
  kTooManyRequests,      // 429: login throttling
  kHeaderTooLarge,       // 431: request head over the limit
  kInternal,             // 500: a defect of ours, never a client's mistake
  kServiceUnavailable,   // 503: store failed stop, shutting down
  kInsufficientStorage,  // 507: disk full
};

int http_status_of(ErrorKind kind);

class ApiError : public std::runtime_error {
 public:
  ApiError(ErrorKind kind, std::string message, boost::json::value data = {})
      : std::runtime_error(std::move(message)), kind_(kind), data_(std::move(data)) {}

  ErrorKind kind() const { return kind_; }
  int http_status() const { return http_status_of(kind_); }
  // Extra structured detail for the client (error.data); an empty object when none.
  const boost::json::value& data() const { return data_; }
  // Headers the response must carry (Allow for 405, Retry-After for 429, WWW-Authenticate for 401).
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }
  ApiError& with_header(std::string name, std::string value) {
    headers_.emplace_back(std::move(name), std::move(value));
    return *this;
  }

 private:
  ErrorKind kind_;
  boost::json::value data_;
  std::vector<std::pair<std::string, std::string>> headers_;
};

inline constexpr const char* kItemNotFound = "Item not found";

// Shorthands so call sites read as the rule they enforce.
[[noreturn]] void throw_bad_request(std::string message);
[[noreturn]] void throw_not_found();
[[noreturn]] void throw_forbidden(std::string message = "Access denied.");
[[noreturn]] void throw_conflict(std::string message);
[[noreturn]] void throw_unauthorized(std::string message);

}  // namespace projectd
