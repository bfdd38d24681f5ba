// The "mail" delivery channel (docs/notifications.md, "Mail"): sends each delivery's MailPayload
// (domain/notify/mail_payload.h), composed by app/mail/mail_message.h, with libcurl's SMTP client.
//
// `smtp://` upgrades to TLS with STARTTLS when the server offers it; `smtps://` is TLS from the
// first byte. Certificates are verified against the system's CAs, or against --smtp-ca-file
// alone. Credentials come from the URL's user information and never appear in a log line or in
// the error kept on a delivery.
//
// Outcome: delivered on the server's 2xx to the message; a 5xx to the sender, the recipient or
// the message is permanent; connection failures, timeouts (10 s to connect, 60 s for the whole
// send), authentication failures and 4xx are retried by the outbox worker.
// Thread safety: deliver runs on the outbox worker's thread; the settings are immutable.
#pragma once

#include "app/config.h"
#include "app/delivery_channel.h"

#include <optional>
#include <string>

namespace projectd {

struct SmtpSettings {
  std::string url;       // without the user information: smtp[s]://host[:port]
  std::string shown;     // for people: host:port
  std::string user;      // empty: no AUTH
  std::string password;  // never logged
  std::string mail_from;
  std::string ca_file;       // empty: the system's CAs
  std::string message_host;  // the Message-ID's right part
};

// The settings the configuration asks for; nullopt without --smtp-url. Throws
// std::invalid_argument with a clear message (never naming the password) for a URL that is not
// smtp:// or smtps:// with a host, or --smtp-url without a valid --mail-from.
std::optional<SmtpSettings> smtp_settings(const ServeConfig& config);

class SmtpMailChannel : public DeliveryChannel {
 public:
  explicit SmtpMailChannel(SmtpSettings settings);
  std::string_view name() const override { return "mail"; }
  bool in_order_per_target() const override { return false; }
  std::int64_t max_attempts() const override { return 8; }
  DeliveryOutcome deliver(const DeliveryRecord& delivery) override;

  // Sends one composed message to one recipient (the channel's deliver, and tests).
  DeliveryOutcome send(const std::string& recipient, const std::string& message);

 private:
  SmtpSettings settings_;
};

}  // namespace projectd
