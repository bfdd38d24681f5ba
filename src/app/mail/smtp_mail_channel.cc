// The SMTP mail channel (smtp_mail_channel.h).
#include "app/mail/smtp_mail_channel.h"

#include "app/mail/mail_message.h"
#include "domain/notify/mail_payload.h"

#include <curl/curl.h>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace projectd {
namespace {

// A mailbox as --mail-from takes it: local@domain, no spaces or brackets.
bool smtp_is_address(std::string_view address) {
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= address.size()) return false;
  for (const char c : address)
    if (static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == ',') return false;
  return true;
}

// The host of --public-url, or "" when it has none.
std::string smtp_public_host(const std::string& public_url) {
  if (public_url.empty()) return "";
  const auto parsed = boost::urls::parse_absolute_uri(public_url);
  return parsed ? std::string(parsed->host()) : "";
}

struct SmtpReadState {
  const std::string* message;
  std::size_t offset = 0;
};

std::size_t smtp_read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* state = static_cast<SmtpReadState*>(user);
  const std::size_t n = std::min(size * count, state->message->size() - state->offset);
  std::memcpy(buffer, state->message->data() + state->offset, n);
  state->offset += n;
  return n;
}

struct SmtpCurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SmtpListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// What the server refused, from libcurl's message for the failed command.
std::string smtp_refused_what(const char* detail) {
  const std::string_view d(detail);
  if (d.find("RCPT") != std::string_view::npos) return "the recipient";
  if (d.find("MAIL") != std::string_view::npos) return "the sender";
  return "the message";
}

}  // namespace

std::optional<SmtpSettings> smtp_settings(const ServeConfig& config) {
  if (config.smtp_url.empty()) return std::nullopt;
  const auto parsed = boost::urls::parse_absolute_uri(config.smtp_url);
  const std::string scheme = parsed ? std::string(parsed->scheme()) : "";
  if (!parsed || (scheme != "smtp" && scheme != "smtps") || parsed->host().empty() ||
      (!parsed->path().empty() && parsed->path() != "/") || parsed->has_query())
    throw std::invalid_argument(
        "--smtp-url must be smtp://[user:password@]host[:port] or smtps://..., not the value "
        "given");
  if (config.mail_from.empty())
    throw std::invalid_argument("--smtp-url needs --mail-from, the address mail is sent from");
  if (!smtp_is_address(config.mail_from))
    throw std::invalid_argument("--mail-from must be an address like projectd@example.com");
  SmtpSettings s;
  const std::string host = std::string(parsed->encoded_host()) +
                           (parsed->has_port() ? ":" + std::string(parsed->port()) : "");
  s.url = scheme + "://" + host;
  s.shown = std::string(parsed->encoded_host()) + ":" +
            (parsed->has_port()  ? std::string(parsed->port())
             : scheme == "smtps" ? "465"
                                 : "25");
  s.user = parsed->user();
  s.password = parsed->password();
  s.mail_from = config.mail_from;
  s.ca_file = config.smtp_ca_file;
  s.message_host = smtp_public_host(config.public_url);
  if (s.message_host.empty())
    s.message_host = config.mail_from.substr(config.mail_from.find('@') + 1);
  return s;
}

SmtpMailChannel::SmtpMailChannel(SmtpSettings settings) : settings_(std::move(settings)) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

DeliveryOutcome SmtpMailChannel::deliver(const DeliveryRecord& delivery) {
  MailPayload payload;
  try {
    payload = parse_mail_payload(delivery.payload);
  } catch (const std::invalid_argument&) {
    return DeliveryOutcome{false, true, "the delivery's payload is not a mail"};
  }
  const std::string message = compose_mail(
      payload, MailEnvelope{settings_.mail_from, delivery.key, settings_.message_host, now_utc()});
  return send(payload.to_address, message);
}

DeliveryOutcome SmtpMailChannel::send(const std::string& recipient, const std::string& message) {
  std::unique_ptr<CURL, SmtpCurlDeleter> curl(curl_easy_init());
  if (!curl) return DeliveryOutcome{false, false, "could not start an SMTP client"};
  const std::string from = "<" + settings_.mail_from + ">";
  std::unique_ptr<curl_slist, SmtpListDeleter> recipients(
      curl_slist_append(nullptr, ("<" + recipient + ">").c_str()));
  SmtpReadState state{&message};
  char detail[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  if (!settings_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, settings_.ca_file.c_str());
  if (!settings_.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings_.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, smtp_read_message);
  curl_easy_setopt(c, CURLOPT_READDATA, &state);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
  const CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OK) return DeliveryOutcome{true, false, ""};
  long code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  const std::string& where = settings_.shown;
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
      return DeliveryOutcome{false, false, "could not connect to " + where};
    case CURLE_OPERATION_TIMEDOUT:
      return DeliveryOutcome{false, false,
                             "the SMTP server at " + where + " did not answer in time"};
    case CURLE_LOGIN_DENIED:
      return DeliveryOutcome{
          false, false,
          "the SMTP server refused the user name or password (" + std::to_string(code) + ")"};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
      return DeliveryOutcome{false, false, "could not set up TLS with " + where};
    default:
      break;
  }
  if (code >= 400 && code < 600) {
    return DeliveryOutcome{
        false, code >= 500,
        "SMTP server refused " + smtp_refused_what(detail) + " (" + std::to_string(code) + ")"};
  }
  return DeliveryOutcome{
      false, false, "the SMTP conversation with " + where + " failed: " + curl_easy_strerror(rc)};
}

}  // namespace projectd
