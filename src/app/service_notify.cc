#include "app/service_notify.h"

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include <cstring>

namespace projectd {

namespace {

void send_service_state(const char* state) {
  // unset_environment = 0: a process the server starts (none today) could notify too, as systemd
  // allows with NotifyAccess=all; keeping the variable costs nothing.
  const int sent = sd_notify(0, state);
  if (sent < 0)
    spdlog::warn("could not notify the service manager ({}): {}", state, std::strerror(-sent));
}

}  // namespace

void notify_service_ready() {
  send_service_state("READY=1\nSTATUS=serving");
}

void notify_service_stopping() {
  send_service_state("STOPPING=1\nSTATUS=finishing requests in flight");
}

}  // namespace projectd
