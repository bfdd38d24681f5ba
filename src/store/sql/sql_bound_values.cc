#include "store/sql/sql_bound_values.h"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

namespace projectd {

std::string like_pattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

std::string json_array(const std::vector<std::int64_t>& ids) {
  std::string json = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i != 0) json += ',';
    json += std::to_string(ids[i]);
  }
  json += ']';
  return json;
}

std::string json_array(const std::vector<std::string>& texts) {
  boost::json::array array;
  array.reserve(texts.size());
  for (const std::string& text : texts)
    array.emplace_back(text);
  return boost::json::serialize(array);
}

std::variant<std::int64_t, std::string> ids_value(const std::vector<std::int64_t>& ids) {
  if (ids.size() == 1) return ids.front();
  return json_array(ids);
}

std::string ids_value(const std::vector<std::string>& ids) {
  if (ids.size() == 1) return ids.front();
  return json_array(ids);
}

}  // namespace projectd
