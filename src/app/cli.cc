#include "app/cli.h"

#include "app/backup_commands.h"
#include "app/config.h"
#include "app/config_file.h"
#include "app/malloc_tuning.h"
#include "app/progress_report.h"
#include "app/serve.h"
#include "app/store_copy.h"
#include "app/store_flags.h"
#include "app/user_commands.h"
#include "app/webhook_address_guard.h"
#include "auth/password_hasher.h"
#include "base/errors.h"
#include "blob/blob_store.h"
#include "domain/people/people_service.h"
#include "http/client_address.h"
#include "http/request_log.h"
#include "store/store.h"

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace projectd {

namespace {

void add_serve_flags(CLI::App* serve, ServeConfig& c, std::string& config_file) {
  serve
      ->add_option("--config", config_file,
                   "A file of key = \"value\" lines named like these flags (max-upload-mb = "
                   "\"100\"); flags, then environment variables, take precedence over it")
      ->envname("PROJECTD_CONFIG");
  serve->add_option("--listen", c.listen, "HOST:PORT to listen on")
      ->envname("PROJECTD_LISTEN")
      ->capture_default_str();
  serve->add_option("--data", c.data_dir, "Data directory (database and file contents)")
      ->envname("PROJECTD_DATA")
      ->capture_default_str();
  serve->add_option("--store", c.store_url, "Store URL (default sqlite:DATA/projectd.db)")
      ->envname("PROJECTD_STORE");
  serve->add_option("--blobs", c.blobs_dir, "File contents directory (default DATA/blobs)")
      ->envname("PROJECTD_BLOBS");
  serve
      ->add_option(
          "--node", c.node,
          "This node's name (default: the host name). Uploads are spooled in BLOBS/tmp/NODE, "
          "which the node cleans at start: processes sharing one --blobs directory need "
          "different names. Letters, digits, '-', '_', '.'; at most 64 characters")
      ->envname("PROJECTD_NODE")
      ->check(CLI::Validator([](std::string& node) { return node_name_problem(node); }, "NAME",
                             "node name"));
  serve->add_option("--timezone", c.timezone, "Portal time zone (IANA name)")
      ->envname("PROJECTD_TIMEZONE")
      ->capture_default_str();
  serve
      ->add_option("--public-url", c.public_url,
                   "Base of absolute URLs (default http://<Host header>)")
      ->envname("PROJECTD_PUBLIC_URL");
  serve->add_option("--max-upload-mb", c.max_upload_mb, "Largest upload in MiB")
      ->envname("PROJECTD_MAX_UPLOAD_MB")
      ->check(CLI::Range(1, 1024 * 1024))
      ->capture_default_str();
  serve
      ->add_option("--blob-grace-seconds", c.blob_grace_seconds,
                   "How long an unreferenced file content is kept before it is removed. Any "
                   "value is safe, 0 too: a removal never takes a content an upload is storing")
      ->envname("PROJECTD_BLOB_GRACE_SECONDS")
      ->check(CLI::Range(0, 30 * 86400))
      ->capture_default_str();
  serve
      ->add_option("--upload-session-seconds", c.upload_session_seconds,
                   "How long a chunked upload session lives after its last chunk; an expired "
                   "session is removed with its staged bytes")
      ->envname("PROJECTD_UPLOAD_SESSION_SECONDS")
      ->check(CLI::Range(1, 30 * 86400))
      ->capture_default_str();
  serve
      ->add_option("--trash-sweep-seconds", c.trash_sweep_seconds,
                   "How often each person's trash is cleaned up by their settings/autocleanup: "
                   "what it held longer than their gap is deleted for good")
      ->envname("PROJECTD_TRASH_SWEEP_SECONDS")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  serve->add_option("--token-days", c.token_days, "Days a sign-in token stays valid")
      ->envname("PROJECTD_TOKEN_DAYS")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  serve->add_option("--io-threads", c.io_threads, "Socket threads (0: one per core)")
      ->envname("PROJECTD_IO_THREADS")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  serve
      ->add_option("--workers", c.worker_threads,
                   "Request worker threads (0: four per core plus 32)")
      ->envname("PROJECTD_WORKERS")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  serve
      ->add_option("--response-cache-mb", c.response_cache_mb,
                   "Memory for rendered answers of repeated reads, each kept until a write that "
                   "can change it commits (0: no cache)")
      ->envname("PROJECTD_RESPONSE_CACHE_MB")
      ->check(CLI::Range(0, 65536))
      ->capture_default_str();
  serve
      ->add_option("--response-cache-max-age-ms", c.response_cache_max_age_ms,
                   "How long a cached answer may be repeated at most (one showing how long ago "
                   "a comment was written ends when those words change)")
      ->envname("PROJECTD_RESPONSE_CACHE_MAX_AGE_MS")
      ->check(CLI::Range(1, 3600000))
      ->capture_default_str();
  serve
      ->add_option("--header-timeout-ms", c.header_timeout_ms,
                   "Time a client has to send a request's head")
      ->envname("PROJECTD_HEADER_TIMEOUT_MS")
      ->check(CLI::Range(100, 3600000))
      ->capture_default_str();
  serve
      ->add_option("--body-timeout-ms", c.body_timeout_ms,
                   "Time a client has to send a request's body")
      ->envname("PROJECTD_BODY_TIMEOUT_MS")
      ->check(CLI::Range(100, 86400000))
      ->capture_default_str();
  serve
      ->add_option("--max-connections", c.max_connections,
                   "Connections served at once (lowered to what the open files limit allows)")
      ->envname("PROJECTD_MAX_CONNECTIONS")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  serve
      ->add_option("--max-connections-per-address", c.max_connections_per_address,
                   "Connections served at once from one client address (0: no limit)")
      ->envname("PROJECTD_MAX_CONNECTIONS_PER_ADDRESS")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  serve
      ->add_option("--max-upload-in-flight-mb", c.max_upload_in_flight_mb,
                   "Upload bytes being received at once from one client address (0: four times "
                   "--max-upload-mb)")
      ->envname("PROJECTD_MAX_UPLOAD_IN_FLIGHT_MB")
      ->check(CLI::Range(0, 4 * 1024 * 1024))
      ->capture_default_str();
  serve
      ->add_option("--min-body-rate", c.min_body_rate,
                   "Bytes per second an upload must average after its first 10 s, or after "
                   "--body-timeout-ms when shorter (0: no minimum)")
      ->envname("PROJECTD_MIN_BODY_RATE")
      ->check(CLI::Range(0, 1 << 30))
      ->capture_default_str();
  serve
      ->add_option("--trusted-proxy", c.trusted_proxies,
                   "A reverse proxy's network (CIDR or address, IPv4 or IPv6; repeatable or "
                   "comma-separated) whose X-Forwarded-For and X-Forwarded-Proto are believed")
      ->envname("PROJECTD_TRUSTED_PROXY")
      ->delimiter(',')
      ->check(CLI::Validator(
          [](std::string& item) {
            try {
              parse_ip_network(item);
              return std::string();
            } catch (const std::invalid_argument& e) {
              return std::string(e.what());
            }
          },
          "CIDR", "ip network"));
  serve
      ->add_option("--tls-cert", c.tls_cert,
                   "Serve HTTPS with this PEM certificate (its chain after it); needs --tls-key; "
                   "reloaded on SIGHUP")
      ->envname("PROJECTD_TLS_CERT");
  serve->add_option("--tls-key", c.tls_key, "The PEM private key of --tls-cert")
      ->envname("PROJECTD_TLS_KEY");
  serve
      ->add_option("--sign-in-failures-per-address", c.sign_in_failures_per_address,
                   "Failed sign-ins allowed from one client address across all accounts in 15 "
                   "minutes (0: no limit)")
      ->envname("PROJECTD_SIGN_IN_FAILURES_PER_ADDRESS")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  serve
      ->add_option("--metrics-token", c.metrics_token,
                   "A bearer token that may read /metrics (besides portal administrators)")
      ->envname("PROJECTD_METRICS_TOKEN");
  serve
      ->add_option("--delivery-retry-base-ms", c.delivery_retry_base_ms,
                   "Notifications: the first retry of a failed mail or webhook delivery waits "
                   "this long, each next one twice as long, at most an hour")
      ->envname("PROJECTD_DELIVERY_RETRY_BASE_MS")
      ->check(CLI::Range(10, 3600000))
      ->capture_default_str();
  serve
      ->add_option("--delivery-lease-ms", c.delivery_lease_ms,
                   "Notifications: a delivery claimed by a node that stopped before marking it "
                   "is sent again after this long (with the same message id)")
      ->envname("PROJECTD_DELIVERY_LEASE_MS")
      ->check(CLI::Range(1000, 3600000))
      ->capture_default_str();
  serve
      ->add_option(
          "--smtp-url", c.smtp_url,
          "Notifications: the SMTP server mail goes to, smtp://[user:password@]host[:port] "
          "(STARTTLS when offered) or smtps://... (TLS); none: no mail is sent")
      ->envname("PROJECTD_SMTP_URL");
  serve->add_option("--mail-from", c.mail_from, "Notifications: the address mail is sent from")
      ->envname("PROJECTD_MAIL_FROM");
  serve
      ->add_option("--smtp-ca-file", c.smtp_ca_file,
                   "Notifications: verify the SMTP server's certificate against these CAs "
                   "(PEM) instead of the system's")
      ->envname("PROJECTD_SMTP_CA_FILE");
  serve
      ->add_option("--webhook-allow-network", c.webhook_allow_networks,
                   "Webhooks may reach this network although it is private or loopback (a CIDR; "
                   "repeatable)")
      ->envname("PROJECTD_WEBHOOK_ALLOW_NETWORK")
      ->delimiter(',')
      ->check(
          [](const std::string& cidr) {
            try {
              WebhookAddressGuard guard({cidr});
              return std::string();
            } catch (const std::exception& e) {
              return std::string(e.what());
            }
          },
          "CIDR");
  serve
      ->add_option("--webhook-disable-after", c.webhook_disable_after,
                   "Webhooks: an endpoint is disabled after this many failed deliveries in a row")
      ->envname("PROJECTD_WEBHOOK_DISABLE_AFTER")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  serve->add_option("--log-format", c.log_format, "text, or json: one JSON object per line")
      ->envname("PROJECTD_LOG_FORMAT")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  serve->add_option("--log-level", c.log_level, "trace, debug, info, warn, error, off")
      ->envname("PROJECTD_LOG_LEVEL")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}))
      ->capture_default_str();
}

int add_user(const StoreFlags& flags, const NewUser& user) {
  std::filesystem::create_directories(flags.data_dir);
  auto store = open_store(StoreOptions{store_url_of(flags.store_url, flags.data_dir)}, true);
  PasswordHasher hasher(1);
  PeopleService people(*store, hasher);
  const UserRecord created = people.add_user(user);
  std::printf("Added %s%s: %s (user name %s)\n", created.is_admin ? "administrator " : "",
              created.email.c_str(), created.id.c_str(), created.user_name.c_str());
  store->close();
  return 0;
}

// Progress lines rewritten in place on a terminal, plain lines otherwise (progress_report.h).
bool stdout_is_terminal() {
  return isatty(fileno(stdout)) == 1;
}

int migrate(const StoreFlags& flags) {
  std::filesystem::create_directories(flags.data_dir);
  ProgressReport progress(std::cout, stdout_is_terminal());
  const int applied =
      migrate_store(StoreOptions{store_url_of(flags.store_url, flags.data_dir)},
                    [&](const Migration& migration, double seconds) {
                      progress.migration_applied(migration.number, migration.name, seconds);
                    });
  progress.migrations_finished(applied);
  return 0;
}

// Progress per table and a total. Never the URLs: they may hold passwords.
int copy(const std::string& from_url, const std::string& to_url) {
  ProgressReport progress(std::cout, stdout_is_terminal());
  const CopyReport report = copy_store(from_url, to_url, &progress);
  progress.copy_finished(report.total_rows, report.tables.size(), report.seconds);
  std::printf(
      "File contents are not in the store: copy the blobs directory (DATA/blobs, or "
      "--blobs) to where the target's nodes read it.\n");
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"projectd: a project and task server for the ONLYOFFICE API 2.0"};
  app.require_subcommand(1);

  ServeConfig serve_config;
  std::string config_file;
  CLI::App* serve = app.add_subcommand("serve", "Serve the API over HTTP");
  add_serve_flags(serve, serve_config, config_file);

  StoreFlags user_flags;
  NewUser new_user;
  std::string password;
  CLI::App* user = app.add_subcommand("user", "Manage people");
  user->require_subcommand(1);
  CLI::App* user_add = user->add_subcommand("add", "Add a person who can sign in");
  add_store_flags(user_add, user_flags);
  user_add->add_option("--email", new_user.email, "Email, also the sign-in name")->required();
  user_add->add_option("--password", password, "Password (at least 8 characters)")->required();
  user_add->add_option("--first-name", new_user.first_name, "First name")->required();
  user_add->add_option("--last-name", new_user.last_name, "Last name")->required();
  user_add->add_flag("--admin", new_user.is_admin, "Make the person an administrator");
  user_add->add_flag("--visitor", new_user.is_visitor, "Make the person a guest");
  UserAdminArgs user_admin;
  add_user_admin_commands(user, user_admin);

  StoreFlags migrate_flags;
  CLI::App* migrate_command = app.add_subcommand("migrate", "Bring the store's schema up to date");
  add_store_flags(migrate_command, migrate_flags);

  std::string copy_from;
  std::string copy_to;
  CLI::App* copy_command = app.add_subcommand(
      "copy",
      "Copy a portal into an empty store (e.g. SQLite to PostgreSQL); not the file contents");
  copy_command
      ->add_option("--from", copy_from, "The source store URL (sqlite:PATH, postgresql://...)")
      ->required();
  copy_command->add_option("--to", copy_to, "The target store URL, which must hold no portal")
      ->required();

  BackupCommandArgs backup_commands;
  add_backup_commands(app, backup_commands);

  app.add_subcommand("version", "Print the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
  try {
    if (serve->parsed()) {
      restart_with_malloc_tunables(argv);  // first: nothing is done twice
      if (!config_file.empty()) apply_config_file(*serve, config_file);
      spdlog::set_level(spdlog::level::from_str(serve_config.log_level));
      if (serve_config.log_format == "json") use_json_log_lines();
      return run_serve(serve_config);
    }
    if (user_add->parsed()) {
      new_user.password = password;
      return add_user(user_flags, new_user);
    }
    if (const auto code = run_user_admin_command(user_admin)) return *code;
    if (migrate_command->parsed()) return migrate(migrate_flags);
    if (copy_command->parsed()) return copy(copy_from, copy_to);
    if (const auto code = run_backup_command(backup_commands)) return *code;
    std::printf("projectd %s\n", PROJECTD_VERSION);
    return 0;
  } catch (const ApiError& e) {
    std::fprintf(stderr, "projectd: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "projectd: %s\n", e.what());
    return 1;
  }
}

}  // namespace projectd
