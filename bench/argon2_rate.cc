// projectd_argon2_rate: how many password verifications per second projectd's own PasswordHasher
// (Argon2id, m=19 MiB, t=2, p=1, a pool of two threads as `projectd serve` makes it) manages on
// this machine. bench/run.sh prints it beside the sign-in rate: a sign-in is one verify, so this
// is the ceiling of POST api/2.0/authentication.
//
//   projectd_argon2_rate [--seconds S] [--pool N] [--clients C]
#include "auth/password_hasher.h"

#include <CLI/CLI.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  CLI::App app{"Measures projectd's Argon2id verify rate"};
  double seconds = 5;
  std::size_t pool = 2;  // PasswordHasher's default, which serve uses
  int clients = 8;       // callers queueing on the pool, like request workers
  app.add_option("--seconds", seconds, "How long to measure")->capture_default_str();
  app.add_option("--pool", pool, "Hashing threads")->capture_default_str();
  app.add_option("--clients", clients, "Threads asking at once")->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  // A queue for every client: this measures the hashing rate, not the refusals of a full queue.
  projectd::PasswordHasher hasher(pool, {}, std::max<std::size_t>(pool, clients));
  const std::string hash = hasher.hash("bench-password-1");
  std::atomic<long> verified{0};
  std::atomic<bool> stop{false};
  const auto cpu_seconds = [] {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
  };
  const double cpu_before = cpu_seconds();
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&] {
      while (!stop.load()) {
        if (hasher.verify(hash, "bench-password-1")) verified.fetch_add(1);
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (std::thread& thread : threads)
    thread.join();
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double count = static_cast<double>(verified.load());
  std::printf("%.1f %.1f\n", count / elapsed, (cpu_seconds() - cpu_before) * 1000 / count);
  return 0;
}
