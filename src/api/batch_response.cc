#include "api/batch_response.h"

#include <boost/json/object.hpp>

namespace projectd {

boost::json::array failed_array(const std::vector<BatchFailure>& failures) {
  boost::json::array failed;
  for (const BatchFailure& failure : failures) {
    failed.push_back(boost::json::object{
        {"id", failure.id}, {"statusCode", failure.status}, {"message", failure.message}});
  }
  return failed;
}

}  // namespace projectd
