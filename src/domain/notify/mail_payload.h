// The payload of a "mail" delivery (store/outbox_repos.h; docs/notifications.md): everything the
// message says, decided at fan-out from the store as it was then, so sending needs no store and
// a resend says the same thing. The mail channel (app/) renders it as text and as HTML, escaping
// every string; nothing here is HTML.
// Thread safety: plain values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace projectd {

struct MailPayload {
  std::string to_address;
  std::string to_name;             // the recipient's display name; may be empty
  std::string subject;             // one line, e.g. `Task "Fix login" was assigned to you`
  std::string heading;             // the first paragraph, one line
  std::vector<std::string> lines;  // further paragraphs: comment text, file names...
  std::string link_text;           // the action, e.g. "Open the task"; empty: no link
  std::string link_url;            // absolute, built from --public-url
  std::string reason;              // the footer: why this person gets it
  std::string unsubscribe_url;     // absolute; empty for mail one cannot opt out of
};

std::string mail_payload_json(const MailPayload& payload);

// What links in mail start with: --public-url without trailing slashes, else
// http://<--listen>; never a request's Host header, which a stranger could set to have someone's
// reset link point at their own site (docs/notifications.md, "Password recovery").
std::string mail_link_base(const std::string& public_url, const std::string& listen);
// Throws std::invalid_argument for text that is not such a payload.
MailPayload parse_mail_payload(std::string_view json);

}  // namespace projectd
