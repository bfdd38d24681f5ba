// Everything `projectd serve` can be told, with the defaults the README documents.
#pragma once

#include <string>
#include <vector>

namespace projectd {

struct ServeConfig {
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "./data";
  std::string store_url;  // empty: sqlite:<data_dir>/projectd.db
  std::string blobs_dir;  // empty: <data_dir>/blobs
  // Names this node's upload spool, <blobs>/tmp/<node>/, which it cleans at start; processes that
  // share a blob directory need different names (docs/architecture.md, "Several nodes"). Empty: the
  // host name.
  std::string node;
  std::string timezone = "UTC";
  std::string public_url;  // empty: http://<Host header>
  int max_upload_mb = 100;
  // How long an unreferenced content is kept before removal. Any value, 0 included, is safe for
  // uploads in flight: removal re-checks pins and references after a quarantine rename
  // (blob/blob_store.h); the grace is what lets a blob backup taken after the database hold every
  // content the database names.
  int blob_grace_seconds = 3600;
  // A chunked upload session expires this long after its last acknowledged chunk (the original
  // keeps its sessions 12 hours too).
  int upload_session_seconds = 12 * 3600;
  // How often the trash's auto clean-up runs (settings/autocleanup; app/trash_sweeper.h).
  int trash_sweep_seconds = 3600;
  int token_days = 30;
  int io_threads = 0;      // 0: one per core
  int worker_threads = 0;  // 0: four per core plus 32
  int header_timeout_ms = 15000;
  int body_timeout_ms = 120000;
  // Connection and upload caps (docs/security.md): in all, per client address, spool bytes per
  // client address (0: four times max_upload_mb), and a spooled body's minimum rate in bytes/s.
  int max_connections = 10000;
  int max_connections_per_address = 512;
  int max_upload_in_flight_mb = 0;
  int min_body_rate = 1024;
  int response_cache_mb = 16;             // rendered answers kept for repeated reads; 0: none
  int response_cache_max_age_ms = 60000;  // how long one answer may be repeated at most
  std::string log_level = "info";
  std::string log_format = "text";        // or json (one JSON object per line)
  int sign_in_failures_per_address = 20;  // across accounts, per 15 minutes; 0: no limit
  // Networks whose X-Forwarded-For/-Proto are believed (http/client_address.h); empty: none.
  std::vector<std::string> trusted_proxies;
  // Both set: the listener speaks HTTPS (http/tls_certificates.h); one without the other is an
  // error at start.
  std::string tls_cert;
  std::string tls_key;
  // The bearer token that may read /metrics besides administrators; empty: administrators only.
  std::string metrics_token;
  // Notifications (docs/notifications.md): the first retry of a failed delivery waits this long,
  // each next one twice as long (at most an hour); a claimed delivery is sent again by another
  // pass when its sender has not marked it within the lease.
  int delivery_retry_base_ms = 10000;
  int delivery_lease_ms = 60000;
  // Mail (app/mail/smtp_mail_channel.h): smtp[s]://[user:password@]host[:port]; empty: no mail is
  // sent. The sender's address, and a CA bundle that replaces the system's for the SMTP server.
  std::string smtp_url;
  std::string mail_from;
  std::string smtp_ca_file;

  // Webhooks (docs/notifications.md, "## Webhooks"): networks a webhook may reach although they
  // are private or loopback (CIDRs), and the failures in a row that disable an endpoint.
  std::vector<std::string> webhook_allow_networks;
  int webhook_disable_after = 20;
};

// The store URL the flags name: --store, else the SQLite file in the data directory.
std::string store_url_of(const std::string& store_url, const std::string& data_dir);

// Splits HOST:PORT ([v6]:PORT too); throws std::invalid_argument with a clear message.
struct ListenAddress {
  std::string host;
  unsigned short port;
};
ListenAddress parse_listen(const std::string& listen);

}  // namespace projectd
