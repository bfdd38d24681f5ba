// The admin command line for people: `projectd user list|disable|enable|set-password|
// revoke-tokens|make-admin`, on a stopped or running portal, SQLite or PostgreSQL. Each change is
// one transaction through PeopleService (the API's rules: disabling and a new password revoke the
// person's tokens), and a running server sees it by its next request (Store::generation()).
// Exit codes: 0 done, 1 a refusal (nobody has the email, a weak password) with a message on
// stderr.
#pragma once

#include "app/store_flags.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace projectd {

struct UserAdminArgs {
  StoreFlags store;
  std::string email;
  std::optional<std::string> password;  // set-password: none reads a line from stdin
  bool revoke = false;                  // make-admin --revoke
  CLI::App* list = nullptr;
  CLI::App* disable = nullptr;
  CLI::App* enable = nullptr;
  CLI::App* set_password = nullptr;
  CLI::App* revoke_tokens = nullptr;
  CLI::App* make_admin = nullptr;
};

// Adds the subcommands above to `user`, storing what they parse in `args`.
void add_user_admin_commands(CLI::App* user, UserAdminArgs& args);
// Runs the one that was parsed; nullopt when none was.
std::optional<int> run_user_admin_command(const UserAdminArgs& args);

}  // namespace projectd
