// The `failed` member of a batch answer (wire/envelope.h): [{id, statusCode, message}].
#pragma once

#include "domain/batch.h"

#include <boost/json/array.hpp>

#include <vector>

namespace projectd {

boost::json::array failed_array(const std::vector<BatchFailure>& failures);

}  // namespace projectd
