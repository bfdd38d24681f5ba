#include "http/request_log.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <ctime>
#include <memory>
#include <string>

namespace projectd {

namespace {

constexpr const char* kRequestLoggerName = "request";

// Set once by use_json_log_lines() before threads start: request lines go to this logger (the
// default logger's sinks, so the same destination), whose name tells the formatter to write
// the request's fields rather than a message.
std::shared_ptr<spdlog::logger>& json_request_logger() {
  static std::shared_ptr<spdlog::logger> logger;
  return logger;
}

std::string_view or_dash(std::string_view text) {
  return text.empty() ? std::string_view("-") : text;
}

std::string utc_time_of(spdlog::log_clock::time_point at) {
  const std::time_t seconds = spdlog::log_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count() % 1000;
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(ms));
  return text;
}

// A request line's payload is the serialized object of its fields (built in log_request); every
// other message becomes a "message" string.
class JsonLineFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    const auto level = spdlog::level::to_string_view(msg.level);
    boost::json::object head;
    head["time"] = utc_time_of(msg.time);
    head["level"] = std::string_view(level.data(), level.size());
    std::string line = boost::json::serialize(head);
    const std::string_view payload(msg.payload.data(), msg.payload.size());
    line.pop_back();  // the closing brace: the payload's fields or the message follow
    if (std::string_view(msg.logger_name.data(), msg.logger_name.size()) == kRequestLoggerName &&
        payload.size() > 2 && payload.front() == '{') {
      line += ',';
      line.append(payload.substr(1));
    } else {
      line += ",\"message\":";
      line += boost::json::serialize(boost::json::value(payload));
      line += '}';
    }
    line += '\n';
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonLineFormatter>();
  }
};

}  // namespace

void use_json_log_lines() {
  auto base = spdlog::default_logger();
  base->set_formatter(std::make_unique<JsonLineFormatter>());
  auto logger = std::make_shared<spdlog::logger>(kRequestLoggerName, base->sinks().begin(),
                                                 base->sinks().end());
  logger->set_level(base->level());
  json_request_logger() = std::move(logger);
}

void log_request(const RequestLogLine& line) {
  const std::string_view path = line.target.substr(0, line.target.find('?'));
  const double ms = std::chrono::duration<double, std::milli>(line.duration).count();
  const auto name = boost::beast::http::to_string(line.method);
  const std::string_view method = line.method == boost::beast::http::verb::unknown
                                      ? std::string_view("-")
                                      : std::string_view(name.data(), name.size());
  if (const auto& json = json_request_logger()) {
    if (!json->should_log(spdlog::level::info)) return;
    boost::json::object fields;
    fields["type"] = "request";
    fields["method"] = method;
    fields["path"] = or_dash(path);
    fields["status"] = line.status;
    fields["ms"] = static_cast<double>(static_cast<std::int64_t>(ms * 100)) / 100;
    fields["client"] = or_dash(line.client);
    fields["user"] = or_dash(line.user_id);
    fields["id"] = or_dash(line.request_id);
    fields["in"] = line.bytes_in;
    fields["out"] = line.bytes_out;
    json->info(boost::json::serialize(fields));
    return;
  }
  spdlog::info("{} {} {} {:.2f}ms client={} user={} id={} in={} out={}", method, or_dash(path),
               line.status, ms, or_dash(line.client), or_dash(line.user_id),
               or_dash(line.request_id), line.bytes_in, line.bytes_out);
}

}  // namespace projectd
