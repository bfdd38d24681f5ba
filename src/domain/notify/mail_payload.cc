// MailPayload as JSON (mail_payload.h).
#include "domain/notify/mail_payload.h"

#include <boost/json.hpp>

#include <stdexcept>

namespace projectd {

std::string mail_payload_json(const MailPayload& p) {
  boost::json::array lines;
  for (const std::string& line : p.lines)
    lines.emplace_back(line);
  return boost::json::serialize(boost::json::object{{"to_address", p.to_address},
                                                    {"to_name", p.to_name},
                                                    {"subject", p.subject},
                                                    {"heading", p.heading},
                                                    {"lines", std::move(lines)},
                                                    {"link_text", p.link_text},
                                                    {"link_url", p.link_url},
                                                    {"reason", p.reason},
                                                    {"unsubscribe_url", p.unsubscribe_url}});
}

std::string mail_link_base(const std::string& public_url, const std::string& listen) {
  std::string base = public_url.empty() ? "http://" + listen : public_url;
  while (base.ends_with('/'))
    base.pop_back();
  return base;
}

MailPayload parse_mail_payload(std::string_view json) {
  boost::system::error_code error;
  const boost::json::value parsed = boost::json::parse(json, error);
  if (error || !parsed.is_object()) throw std::invalid_argument("not a mail payload");
  const boost::json::object& o = parsed.as_object();
  const auto text = [&](std::string_view name) -> std::string {
    const boost::json::value* v = o.if_contains(name);
    if (v == nullptr || !v->is_string()) return {};
    return std::string(v->as_string());
  };
  MailPayload p{.to_address = text("to_address"),
                .to_name = text("to_name"),
                .subject = text("subject"),
                .heading = text("heading"),
                .lines = {},
                .link_text = text("link_text"),
                .link_url = text("link_url"),
                .reason = text("reason"),
                .unsubscribe_url = text("unsubscribe_url")};
  if (const boost::json::value* lines = o.if_contains("lines"); lines && lines->is_array())
    for (const boost::json::value& line : lines->as_array())
      if (line.is_string()) p.lines.emplace_back(line.as_string());
  if (p.to_address.empty()) throw std::invalid_argument("a mail payload names no recipient");
  return p;
}

}  // namespace projectd
