// One notification mail as RFC 5322 text (docs/notifications.md, "Mail"): the headers (From with
// the display name "projectd", To, Subject, Date, a Message-ID made from the delivery's key so a
// resend carries the same one, List-Unsubscribe when the payload has an unsubscribe URL) and a
// multipart/alternative body with a text/plain and a text/html part, both UTF-8 in base64 (so no
// body line is longer than 76 bytes, far under SMTP's 998). Header text that is not ASCII is an
// RFC 2047 encoded word; CR, LF and other control characters never reach a header, so a title
// cannot add one. The HTML part escapes every string of the payload.
// Thread safety: pure functions.
#pragma once

#include "base/time.h"
#include "domain/notify/mail_payload.h"

#include <string>
#include <string_view>

namespace projectd {

struct MailEnvelope {
  std::string from_address;  // --mail-from
  std::string key;           // DeliveryRecord::key: the Message-ID's left part
  std::string message_host;  // the Message-ID's right part: --public-url's host, else from's domain
  Timestamp date;
};

// The whole message, lines ended by CRLF, ready for SMTP DATA.
std::string compose_mail(const MailPayload& payload, const MailEnvelope& envelope);

// The pieces, for tests and for the channel.
std::string mail_header_text(std::string_view text);  // ASCII as is, else RFC 2047 encoded words
std::string mail_date(Timestamp date);                // "Sun, 06 Dec 2026 20:54:38 +0000"
std::string mail_html_escape(std::string_view text);
std::string mail_base64_lines(std::string_view bytes);  // base64, CRLF every 76 characters

}  // namespace projectd
