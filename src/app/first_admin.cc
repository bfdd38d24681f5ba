#include "app/first_admin.h"

#include "auth/random.h"
#include "base/errors.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace projectd {

namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::string(value) : fallback;
}

}  // namespace

void ensure_first_admin(PeopleService& people) {
  if (people.user_count() > 0) return;
  const bool generated =
      !std::getenv("PROJECTD_ADMIN_PASSWORD") || !*std::getenv("PROJECTD_ADMIN_PASSWORD");
  NewUser admin;
  admin.email = env_or("PROJECTD_ADMIN_EMAIL", "admin@projectd.local");
  admin.password = generated ? random_password() : env_or("PROJECTD_ADMIN_PASSWORD", "");
  admin.first_name = "Portal";
  admin.last_name = "Administrator";
  admin.is_admin = true;
  // Another node starting on the same empty portal may have made its own first: then this one
  // has nothing to print. Its insert may also have committed between this node's count and its
  // insert (PostgreSQL, two nodes started at once): then ours is refused as a duplicate, and the
  // portal has its administrator all the same.
  try {
    if (!people.add_first_user(admin)) return;
  } catch (const ApiError&) {
    if (people.user_count() > 0) return;
    throw;
  }
  // Printed on stdout, once: this is the only place the generated password ever appears.
  std::printf("Created the first administrator.\n  user name: %s\n", admin.email.c_str());
  if (generated)
    std::printf("  password:  %s   (shown once; change it after signing in)\n",
                admin.password->c_str());
  std::fflush(stdout);
}

}  // namespace projectd
