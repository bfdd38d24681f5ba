// Tells the service manager when `projectd serve` is ready and when it begins to stop
// (docs/packaging.md, "Readiness"): sd_notify(3) sends "READY=1" or "STOPPING=1" as a datagram to
// the unix socket named by $NOTIFY_SOCKET, which systemd sets for a Type=notify unit. Without that
// variable (a shell, the tests, another supervisor) each call does nothing. A notification that
// cannot be sent is logged and otherwise ignored: it must never stop the server.
// Thread safety: both functions may be called from any thread.
#pragma once

namespace projectd {

// Call once the listening socket accepts connections and the store is open: from then on a
// client that connects is served.
void notify_service_ready();
// Call when a graceful stop begins (requests in flight are still finishing).
void notify_service_stopping();

}  // namespace projectd
