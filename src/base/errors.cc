#include "base/errors.h"

namespace projectd {

int http_status_of(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kBadRequest:
      return 400;
    case ErrorKind::kUnauthorized:
      return 401;
    case ErrorKind::kForbidden:
      return 403;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kMethodNotAllowed:
      return 405;
    case ErrorKind::kRequestTimeout:
      return 408;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kPayloadTooLarge:
      return 413;
    case ErrorKind::kTooManyRequests:
      return 429;
    case ErrorKind::kHeaderTooLarge:
      return 431;
    case ErrorKind::kInternal:
      return 500;
    case ErrorKind::kServiceUnavailable:
      return 503;
    case ErrorKind::kInsufficientStorage:
      return 507;
  }
  return 500;
}

void throw_bad_request(std::string message) {
  throw ApiError(ErrorKind::kBadRequest, std::move(message));
}
void throw_not_found() {
  throw ApiError(ErrorKind::kNotFound, kItemNotFound);
}
void throw_forbidden(std::string message) {
  throw ApiError(ErrorKind::kForbidden, std::move(message));
}
void throw_conflict(std::string message) {
  throw ApiError(ErrorKind::kConflict, std::move(message));
}
void throw_unauthorized(std::string message) {
  throw ApiError(ErrorKind::kUnauthorized, std::move(message));
}

}  // namespace projectd
