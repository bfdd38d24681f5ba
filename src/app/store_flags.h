// The --data / --store pair every command but serve takes to name the portal's store.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace projectd {

struct StoreFlags {
  std::string data_dir = "./data";
  std::string store_url;
};

inline void add_store_flags(CLI::App* command, StoreFlags& flags) {
  command->add_option("--data", flags.data_dir, "Data directory")
      ->envname("PROJECTD_DATA")
      ->capture_default_str();
  command->add_option("--store", flags.store_url, "Store URL (default sqlite:DATA/projectd.db)")
      ->envname("PROJECTD_STORE");
}

}  // namespace projectd
