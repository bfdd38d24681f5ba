// The `failed` member of a batch call's envelope: [{id, statusCode, message}], one per refused id.
#pragma once

#include "domain/batch.h"

#include <boost/json/array.hpp>

#include <vector>

namespace projectd {

inline boost::json::array failures_json(const std::vector<BatchFailure>& failed) {
  boost::json::array out;
  for (const BatchFailure& failure : failed)
    out.push_back(boost::json::object{
        {"id", failure.id}, {"statusCode", failure.status}, {"message", failure.message}});
  return out;
}

}  // namespace projectd
