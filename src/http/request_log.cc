#include "http/request_log.h"

#include <spdlog/spdlog.h>

namespace projectd {

void log_request(boost::beast::http::verb method, std::string_view target, int status,
                 std::chrono::steady_clock::duration duration, std::string_view user_id,
                 std::string_view request_id) {
  const std::string_view path = target.substr(0, target.find('?'));
  const double ms = std::chrono::duration<double, std::milli>(duration).count();
  const auto name = boost::beast::http::to_string(method);
  spdlog::info("{} {} {} {:.2f}ms user={} id={}",
               method == boost::beast::http::verb::unknown
                   ? std::string_view("-")
                   : std::string_view(name.data(), name.size()),
               path.empty() ? std::string_view("-") : path, status, ms,
               user_id.empty() ? std::string_view("-") : user_id,
               request_id.empty() ? std::string_view("-") : request_id);
}

}  // namespace projectd
