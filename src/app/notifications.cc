// Notifications in serve (notifications.h).
#include "app/notifications.h"

#include "api/webhooks/webhook_fanout.h"
#include "app/mail/smtp_mail_channel.h"
#include "app/webhook_channel.h"
#include "domain/notify/mail_fanout.h"
#include "domain/notify/mail_payload.h"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <string_view>

namespace projectd {
namespace {

template <class T>
std::vector<T*> raw_pointers(const std::vector<std::unique_ptr<T>>& owned) {
  std::vector<T*> out;
  for (const auto& p : owned)
    out.push_back(p.get());
  return out;
}

// Without --smtp-url nobody is mailed about changes (the mail fan-out does not run), but a mail a
// person asked for (password recovery) is still recorded: it is given up at once, with a reason
// an administrator can read, instead of waiting in the outbox for a server that never comes.
class NoMailChannel final : public DeliveryChannel {
 public:
  std::string_view name() const override { return "mail"; }
  bool in_order_per_target() const override { return false; }
  std::int64_t max_attempts() const override { return 1; }
  DeliveryOutcome deliver(const DeliveryRecord& /*delivery*/) override {
    return DeliveryOutcome{false, true, "no --smtp-url is configured: no mail is sent"};
  }
};

}  // namespace

OutboxWorkerOptions outbox_worker_options(const ServeConfig& config) {
  OutboxWorkerOptions options;
  options.retry_base = std::chrono::milliseconds(config.delivery_retry_base_ms);
  options.lease = std::chrono::milliseconds(config.delivery_lease_ms);
  const char* exit_hook = std::getenv("PROJECTD_TEST_EXIT_AFTER_SEND");
  options.exit_after_send = exit_hook != nullptr && std::string_view(exit_hook) == "1";
  return options;
}

Notifications::Notifications(Store& store, ApiServices& /*services*/, const ServeConfig& config,
                             const PortalTimeZone& zone) {
  // The mail and webhook fan-outs and channels are added here as they are configured.
  if (auto smtp = smtp_settings(config)) {
    channels_.push_back(std::make_unique<SmtpMailChannel>(std::move(*smtp)));
    fanouts_.push_back(
        std::make_unique<MailFanout>(mail_link_base(config.public_url, config.listen)));
  } else {
    spdlog::info("notifications: no --smtp-url, no mail is sent");
    channels_.push_back(std::make_unique<NoMailChannel>());
  }

  // Webhooks: always on (no endpoint registered, nothing to do).
  fanouts_.push_back(std::make_unique<WebhookFanout>(zone, config.public_url));
  channels_.push_back(std::make_unique<WebhookChannel>(
      store, WebhookChannelOptions{.allowed_networks = config.webhook_allow_networks,
                                   .disable_after = config.webhook_disable_after}));
  worker_ = std::make_unique<OutboxWorker>(store, raw_pointers(fanouts_), raw_pointers(channels_),
                                           outbox_worker_options(config));
}

Notifications::~Notifications() {
  stop();
}

void Notifications::start() {
  worker_->start();
}

void Notifications::stop() {
  if (worker_) worker_->stop();
}

}  // namespace projectd
