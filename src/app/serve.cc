#include "app/serve.h"

#include "api/portal/operations_routes.h"
#include "api/routes.h"
#include "app/api_services.h"
#include "app/blob_sweeper.h"
#include "app/bulk_download_worker.h"
#include "app/first_admin.h"
#include "app/malloc_tuning.h"
#include "app/milestone_deadline_reminder.h"
#include "app/notifications.h"
#include "app/service_notify.h"
#include "app/trash_sweeper.h"
#include "app/upload_session_sweeper.h"
#include "auth/password_hasher.h"
#include "domain/notify/mail_payload.h"
#include "domain/people/auth_service.h"
#include "domain/people/people_service.h"
#include "http/dispatcher.h"
#include "http/response_cache.h"
#include "http/server.h"
#include "http/tls_certificates.h"
#include "store/store.h"
#include "store/store_health.h"

#include <spdlog/spdlog.h>

#include <pthread.h>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace projectd {

namespace {

// Blocks SIGINT, SIGTERM and SIGHUP in every thread started after this, so one thread can wait for
// them.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

// --tls-cert and --tls-key, loaded before anything else starts: a missing, unreadable or
// mismatched pair stops the start with a message naming the file, before the store is opened.
std::shared_ptr<TlsCertificates> load_serve_tls(const ServeConfig& config) {
  if (config.tls_cert.empty() && config.tls_key.empty()) return nullptr;
  if (config.tls_cert.empty() || config.tls_key.empty()) {
    throw std::invalid_argument(config.tls_cert.empty()
                                    ? "--tls-key " + config.tls_key + " needs --tls-cert too"
                                    : "--tls-cert " + config.tls_cert + " needs --tls-key too");
  }
  auto tls = std::make_shared<TlsCertificates>(config.tls_cert, config.tls_key);
  spdlog::info("serving HTTPS with {}", tls->describe());
  return tls;
}

// SIGHUP: the certificate pair is read again (README "TLS"); a pair that does not load leaves the
// old one served. Without TLS there is nothing to reload, and the signal is only logged.
void reload_serve_tls(TlsCertificates* tls) {
  if (tls == nullptr) {
    spdlog::info("received SIGHUP; nothing to reload (no --tls-cert)");
    return;
  }
  try {
    tls->reload();
    spdlog::info("received SIGHUP; new connections are served with {}", tls->describe());
  } catch (const std::exception& e) {
    spdlog::error("received SIGHUP; keeping the TLS certificate served so far: {}", e.what());
  }
}

}  // namespace

int run_serve(const ServeConfig& config) {
  tune_malloc();
  const ListenAddress listen = parse_listen(config.listen);
  const std::shared_ptr<TlsCertificates> tls = load_serve_tls(config);
  const PortalTimeZone zone = PortalTimeZone::named(config.timezone);
  std::filesystem::create_directories(config.data_dir);
  const sigset_t stop_signals = block_stop_signals();

  auto store = open_store(StoreOptions{store_url_of(config.store_url, config.data_dir)}, true);
  PasswordHasher hasher;
  AuthSettings auth_settings;
  auth_settings.token_days = config.token_days;
  auth_settings.max_failures_per_address = config.sign_in_failures_per_address;
  AuthService auth(*store, hasher, auth_settings);
  PeopleService people(*store, hasher);
  ensure_first_admin(people);

  const std::filesystem::path blobs_dir = config.blobs_dir.empty()
                                              ? std::filesystem::path(config.data_dir) / "blobs"
                                              : std::filesystem::path(config.blobs_dir);
  BlobStore blobs(blobs_dir, std::chrono::seconds(config.blob_grace_seconds), config.node);
  BlobSweeper sweeper(blobs, *store, std::chrono::seconds(config.blob_grace_seconds));

  ApiServices services(*store, blobs, auth, people, zone,
                       static_cast<std::uint64_t>(config.max_upload_mb) * 1024 * 1024,
                       std::chrono::seconds(config.upload_session_seconds),
                       mail_link_base(config.public_url, config.listen));
  UploadSessionSweeper upload_sweeper(services.chunked_uploads);
  TrashSweeper trash_sweeper(services.trash, std::chrono::seconds(config.trash_sweep_seconds));
  BulkDownloadWorker bulk_worker(services.bulk_downloads);
  MilestoneDeadlineReminder deadline_reminder(*store);
  Notifications notifications(*store, services, config, zone);
  notifications.start();
  RouteTable table;
  build_route_table(table, services.env);
  // Both stores implement the probe (store/store_health.h).
  OperationsStatus operations(*store, dynamic_cast<StoreHealthProbe&>(*store), auth, blobs.root(),
                              config.metrics_token);
  add_operations_routes(table, operations);
  ResponseCache response_cache(
      static_cast<std::size_t>(config.response_cache_mb) * 1024 * 1024,
      std::chrono::milliseconds(config.response_cache_max_age_ms),
      [&store] { return store->generation(); },
      [&store](std::uint64_t stamp, const ScopeDependencies& depends_on) {
        return store->unchanged_since(stamp, depends_on);
      });
  // PostgreSQL nodes learn each other's writes from the database: the caches answer on a worker,
  // once it has caught up (docs/architecture.md, "Several nodes").
  std::function<void()> catch_up;
  if (store->caches_need_catch_up()) catch_up = [&store] { store->catch_up(); };
  Dispatcher dispatcher(table, auth,
                        DispatchOptions{config.public_url, &response_cache, std::move(catch_up)});

  ServerOptions options;
  options.host = listen.host;
  options.port = listen.port;
  options.io_threads = config.io_threads;
  options.worker_threads = config.worker_threads;
  options.header_timeout = std::chrono::milliseconds(config.header_timeout_ms);
  options.body_timeout = std::chrono::milliseconds(config.body_timeout_ms);
  options.spool_dir = blobs.temp_dir();
  options.max_connections = static_cast<std::size_t>(config.max_connections);
  options.max_connections_per_address =
      static_cast<std::size_t>(config.max_connections_per_address);
  const int in_flight_mb = config.max_upload_in_flight_mb > 0 ? config.max_upload_in_flight_mb
                                                              : 4 * config.max_upload_mb;
  options.max_spool_per_address = static_cast<std::uint64_t>(in_flight_mb) * 1024 * 1024;
  options.min_body_rate = static_cast<std::uint64_t>(config.min_body_rate);
  options.trusted_proxies = TrustedProxies(config.trusted_proxies);
  options.tls = tls;
  HttpServer server(dispatcher, options);
  const unsigned short port = server.bind();
  const std::string host =
      listen.host.find(':') != std::string::npos ? "[" + listen.host + "]" : listen.host;
  const char* scheme = tls ? "https" : "http";
  spdlog::info("projectd listening on {}://{}:{}", scheme, host, port);
  std::printf("projectd %s serving %s://%s:%u (data in %s, time zone %s)\n", PROJECTD_VERSION,
              scheme, host.c_str(), port, config.data_dir.c_str(), zone.name().c_str());
  std::printf(
      "Sign in: curl -s -X POST %s://%s:%u/api/2.0/authentication -H 'Content-Type: "
      "application/json' -d '{\"userName\":\"EMAIL\",\"password\":\"PASSWORD\"}'\n",
      scheme, host.c_str(), port);
  std::fflush(stdout);
  // The socket listens (connections queue until run() serves them) and the store is open.
  notify_service_ready();

  std::thread signal_waiter([&] {
    int signal = 0;
    while (sigwait(&stop_signals, &signal) == 0 && signal == SIGHUP)
      reload_serve_tls(tls.get());
    spdlog::info("received {}; finishing requests in flight",
                 signal == SIGTERM ? "SIGTERM" : "SIGINT");
    notify_service_stopping();
    server.stop();
  });
  server.run();
  sweeper.stop();
  upload_sweeper.stop();
  trash_sweeper.stop();
  bulk_worker.stop();
  deadline_reminder.stop();
  notifications.stop();
  store->close();
  spdlog::info("projectd stopped");
  // run() only returns after stop(), which the signal thread called.
  signal_waiter.join();
  return 0;
}

}  // namespace projectd
