// Test helper shared by the parameter-layer tests: the message of the 400 a call throws.
#pragma once

#include "base/errors.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace projectd {

// The message of the ApiError `fn` throws; fails the test when it throws nothing or not a 400.
inline std::string bad_request_message(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const ApiError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kBadRequest);
    return error.what();
  }
  ADD_FAILURE() << "no ApiError thrown";
  return {};
}

}  // namespace projectd
