#include "wire/format.h"

#include "base/ascii.h"
#include "wire/json_writer.h"
#include "wire/xml_writer.h"

#include <algorithm>
#include <cstdlib>

namespace projectd {

namespace {

using ascii::trim;

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && ascii::iequals(s.substr(s.size() - suffix.size()), suffix);
}

// The q-value of one media range such as `text/xml;q=0.8`; 1 when absent.
double quality_of(std::string_view params) {
  std::size_t pos = 0;
  while ((pos = params.find(';')) != std::string_view::npos) {
    params.remove_prefix(pos + 1);
    std::string_view param = trim(params.substr(0, params.find(';')));
    if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
      std::string value(param.substr(2));
      return std::strtod(value.c_str(), nullptr);
    }
  }
  return 1.0;
}

}  // namespace

std::optional<Format> format_of_suffix(std::string_view path) {
  if (ends_with_ci(path, ".json")) return Format::kJson;
  if (ends_with_ci(path, ".xml") || ends_with_ci(path, ".tml")) return Format::kXml;
  return std::nullopt;
}

Format format_of_accept(std::string_view accept) {
  double json_q = 0, xml_q = 0;
  while (!accept.empty()) {
    std::size_t comma = accept.find(',');
    std::string_view range = trim(accept.substr(0, comma));
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    std::string_view type = trim(range.substr(0, range.find(';')));
    const std::string lowered = ascii::to_lower(type);
    const double q = quality_of(range);
    if (lowered == "application/json" || lowered == "text/json") {
      json_q = std::max(json_q, q);
    } else if (lowered == "application/xml" || lowered == "text/xml") {
      xml_q = std::max(xml_q, q);
    }
  }
  return xml_q > json_q ? Format::kXml : Format::kJson;
}

std::string_view content_type_of(Format format) {
  return format == Format::kXml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";
}

std::string render(const boost::json::value& envelope, Format format) {
  return render_written([&](ApiWriter& out) { out.value(envelope); }, format);
}

std::string render_written(const std::function<void(ApiWriter&)>& write, Format format) {
  // A task's answer is about 8 KB: one allocation for it, rather than four as the text grows.
  std::string out;
  out.reserve(8192);
  if (format == Format::kXml) {
    XmlWriter writer(out);
    write(writer);
  } else {
    JsonWriter writer(out);
    write(writer);
  }
  return out;
}

}  // namespace projectd
