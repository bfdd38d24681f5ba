// The webhook delivery channel (webhook_channel.h).
#include "app/webhook_channel.h"

#include "auth/random.h"
#include "domain/notify/webhook_service.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sys/socket.h>
#include <boost/url/parse.hpp>

#include <chrono>
#include <memory>
#include <mutex>

namespace projectd {
namespace {

constexpr std::size_t kWebhookAnswerLimit = 64 * 1024;
constexpr std::string_view kWebhookDisabledError = "endpoint disabled";
constexpr std::string_view kWebhookDeletedError = "endpoint deleted";

struct WebhookTarget {
  std::string host;  // as in the URL (IPv6 without brackets)
  std::string port;
};

// Keeps at most 64 KiB of the answer and drops the rest (the answer is never used).
std::size_t webhook_answer_sink(char* /*data*/, std::size_t size, std::size_t count, void* kept) {
  auto* total = static_cast<std::size_t*>(kept);
  *total += size * count;
  return *total > kWebhookAnswerLimit ? 0 : size * count;
}

// The addresses of `host`, each checked; an error for people when one is refused or none is found.
std::string webhook_resolve(const WebhookAddressGuard& guard, const WebhookTarget& target,
                            std::string& resolve_list) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(target.host.c_str(), target.port.c_str(), &hints, &found) != 0 || !found)
    return "cannot resolve " + target.host;
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> owned(found, &freeaddrinfo);
  for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
    char text[INET6_ADDRSTRLEN] = {};
    const void* raw =
        a->ai_family == AF_INET
            ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr)
            : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr);
    if (inet_ntop(a->ai_family, raw, text, sizeof text) == nullptr) continue;
    const auto address = WebhookAddressGuard::parse(text);
    if (!address || !guard.allowed(*address)) return std::string("address not allowed: ") + text;
    const std::string entry = a->ai_family == AF_INET6 ? "[" + std::string(text) + "]" : text;
    if (resolve_list.find(entry) == std::string::npos)
      resolve_list += (resolve_list.empty() ? "" : ",") + entry;
  }
  if (resolve_list.empty()) return "cannot resolve " + target.host;
  return "";
}

void webhook_curl_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

std::string webhook_signature(const std::string& secret, const std::string& timestamp,
                              const std::string& body) {
  const std::string message = timestamp + "." + body;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  return to_hex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

WebhookChannel::WebhookChannel(Store& store, WebhookChannelOptions options)
    : store_(store), options_(std::move(options)), guard_(options_.allowed_networks) {
  webhook_curl_init_once();
}

DeliveryOutcome WebhookChannel::deliver(const DeliveryRecord& delivery) {
  const std::int64_t id = std::stoll(delivery.target);
  const auto webhook = store_.read_value([&](StoreTx& tx) { return tx.webhooks().by_id(id); });
  if (!webhook) return {false, true, std::string(kWebhookDeletedError)};
  if (!webhook->enabled) return {false, false, std::string(kWebhookDisabledError)};

  const auto url = boost::urls::parse_absolute_uri(webhook->url);
  if (!url) return {false, true, "not a URL"};
  const bool https = url->scheme() == "https";
  WebhookTarget target{url->host_address(), url->has_port() ? std::string(url->port())
                                                            : std::string(https ? "443" : "80")};
  if (target.host.size() > 2 && target.host.front() == '[')
    target.host = target.host.substr(1, target.host.size() - 2);
  std::string addresses;
  if (std::string refused = webhook_resolve(guard_, target, addresses); !refused.empty())
    return {false, false, refused};

  const std::string timestamp =
      std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count());
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return {false, false, "cannot start an HTTP client"};
  curl_slist* headers = nullptr;
  for (const std::string& header :
       {std::string("Content-Type: application/json"),
        std::string("User-Agent: projectd-webhooks/") + PROJECTD_VERSION,
        "X-Projectd-Event: " + delivery.event_type, "X-Projectd-Delivery: " + delivery.key,
        "X-Projectd-Timestamp: " + timestamp,
        "X-Projectd-Signature: sha256=" +
            webhook_signature(webhook->secret, timestamp, delivery.payload),
        std::string("Expect:")})
    headers = curl_slist_append(headers, header.c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> owned_headers(headers,
                                                                            &curl_slist_free_all);
  curl_slist* resolve =
      curl_slist_append(nullptr, (target.host + ":" + target.port + ":" + addresses).c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> owned_resolve(resolve,
                                                                            &curl_slist_free_all);
  std::size_t answer_bytes = 0;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, webhook->url.c_str());
  curl_easy_setopt(c, CURLOPT_RESOLVE, resolve);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 15000L);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, delivery.payload.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
                   static_cast<curl_off_t>(delivery.payload.size()));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &webhook_answer_sink);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer_bytes);
  const CURLcode result = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  // An answer longer than we read ends the transfer early: the status line still counts.
  if (result != CURLE_OK && !(result == CURLE_WRITE_ERROR && status != 0))
    return {false, false, curl_easy_strerror(result)};
  if (status >= 200 && status < 300) return {true, false, ""};
  return {false, status == 410, "HTTP " + std::to_string(status)};
}

void WebhookChannel::after_outcome(Store& store, const DeliveryRecord& delivery,
                                   const DeliveryOutcome& outcome, bool /*gave_up*/) {
  const std::int64_t id = std::stoll(delivery.target);
  store.write([&](StoreTx& tx) {
    auto webhook = tx.webhooks().by_id(id);
    if (!webhook) return;
    if (outcome.error == kWebhookDisabledError) {
      // Redelivered while disabled, or claimed just before: parked again until re-enabled.
      disable_webhook_in_tx(tx, *webhook, webhook->disabled_reason.value_or("disabled"));
      return;
    }
    const std::int64_t streak = tx.webhooks().count_outcome(id, outcome.delivered);
    if (outcome.delivered || !webhook->enabled) return;
    if (outcome.permanent && outcome.error == "HTTP 410") {
      disable_webhook_in_tx(tx, *webhook, "the receiver answered 410 Gone");
    } else if (streak >= options_.disable_after) {
      webhook->failure_streak = streak;
      disable_webhook_in_tx(
          tx, *webhook,
          std::to_string(streak) + " failed deliveries in a row, last: " + outcome.error);
    }
  });
}

}  // namespace projectd
