#include "app/user_commands.h"

#include "app/config.h"
#include "auth/password_hasher.h"
#include "base/errors.h"
#include "domain/people/people_service.h"
#include "store/store.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace projectd {

namespace {

using Change = PeopleService::AccountChange;

void add_email_option(CLI::App* command, UserAdminArgs& args) {
  command->add_option("--email", args.email, "The person's email")->required();
}

std::string account_status_of(const UserRecord& user) {
  if (user.status == EmployeeStatus::kTerminated) return "disabled";
  if (user.activation_status == ActivationStatus::kPending) return "pending";
  return "active";
}

// email, name, type, status, admin: one row per person under a header, columns padded.
void print_user_table(const std::vector<UserRecord>& users) {
  using Row = std::array<std::string, 5>;
  std::vector<Row> rows{{"EMAIL", "NAME", "TYPE", "STATUS", "ADMIN"}};
  for (const UserRecord& user : users)
    rows.push_back({user.email, user.first_name + " " + user.last_name,
                    user.is_visitor ? "guest" : "user", account_status_of(user),
                    user.is_admin ? "yes" : "no"});
  std::array<std::size_t, 5> widths{};
  for (const Row& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i)
      widths[i] = std::max(widths[i], row[i].size());
  for (const Row& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i)
      line +=
          i + 1 < row.size() ? row[i] + std::string(widths[i] - row[i].size() + 2, ' ') : row[i];
    std::printf("%s\n", line.c_str());
  }
  std::printf("%zu %s\n", users.size(), users.size() == 1 ? "person" : "people");
}

// The new password from --password, else the first line of stdin (so it stays out of `ps`).
std::string password_of(const UserAdminArgs& args) {
  if (args.password) return *args.password;
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int run_parsed(const UserAdminArgs& args, PeopleService& people) {
  if (args.list->parsed()) {
    print_user_table(people.all_users());
    return 0;
  }
  if (args.set_password->parsed()) {
    const UserRecord user = people.reset_password(args.email, password_of(args));
    std::printf("Set a new password for %s; their sessions were signed out.\n", user.email.c_str());
    return 0;
  }
  struct Action {
    CLI::App* command;
    Change change;
    const char* done;
  };
  const std::array<Action, 4> actions{{
      {args.disable, Change::kDisable, "Disabled %s; their sessions were signed out.\n"},
      {args.enable, Change::kEnable, "Enabled %s.\n"},
      {args.revoke_tokens, Change::kRevokeTokens, "Signed out every session of %s.\n"},
      {args.make_admin, args.revoke ? Change::kRevokeAdmin : Change::kMakeAdmin,
       args.revoke ? "%s is no longer an administrator.\n" : "%s is an administrator.\n"},
  }};
  for (const Action& action : actions) {
    if (!action.command->parsed()) continue;
    const UserRecord user = people.change_account(args.email, action.change);
    std::printf(action.done, user.email.c_str());
    return 0;
  }
  return 1;
}

}  // namespace

void add_user_admin_commands(CLI::App* user, UserAdminArgs& args) {
  args.list = user->add_subcommand("list", "List everyone: email, name, type, status, admin");
  args.disable = user->add_subcommand(
      "disable", "Disable a person: they cannot sign in and their tokens stop working at once");
  args.enable = user->add_subcommand("enable", "Enable a disabled person again");
  args.set_password = user->add_subcommand(
      "set-password", "Set a person's password (--password, else a line from stdin)");
  args.set_password->add_option("--password", args.password,
                                "The new password (at least 8 characters); else read from stdin");
  args.revoke_tokens =
      user->add_subcommand("revoke-tokens", "Sign a person out of every session at once");
  args.make_admin = user->add_subcommand("make-admin", "Make a person an administrator");
  args.make_admin->add_flag("--revoke", args.revoke, "Take administrator rights away instead");
  for (CLI::App* command : {args.list, args.disable, args.enable, args.set_password,
                            args.revoke_tokens, args.make_admin}) {
    add_store_flags(command, args.store);
    if (command != args.list) add_email_option(command, args);
  }
}

std::optional<int> run_user_admin_command(const UserAdminArgs& args) {
  const std::array<CLI::App*, 6> commands{args.list,         args.disable,       args.enable,
                                          args.set_password, args.revoke_tokens, args.make_admin};
  if (std::none_of(commands.begin(), commands.end(),
                   [](CLI::App* command) { return command->parsed(); }))
    return std::nullopt;
  // An existing portal only: never creates or migrates a store.
  auto store =
      open_store(StoreOptions{store_url_of(args.store.store_url, args.store.data_dir)}, false);
  PasswordHasher hasher(1);
  PeopleService people(*store, hasher);
  int code = 1;
  try {
    code = run_parsed(args, people);
  } catch (const ApiError& e) {
    std::fprintf(stderr, "projectd: %s\n", e.what());
  }
  store->close();
  return code;
}

}  // namespace projectd
