#include "app/config_file.h"

#include <stdexcept>
#include <vector>

namespace projectd {

void apply_config_file(CLI::App& serve, const std::string& path) {
  std::vector<CLI::ConfigItem> items;
  try {
    items = CLI::ConfigTOML().from_file(path);
  } catch (const CLI::Error& e) {
    throw std::invalid_argument("cannot read the config file " + path + ": " + e.what());
  }
  const auto problem = [&path](const std::string& what) {
    return std::invalid_argument("config file " + path + ": " + what);
  };
  for (const CLI::ConfigItem& item : items) {
    if (!item.parents.empty() || item.name == "++" || item.name == "--")
      throw problem("sections such as [" + item.fullname() +
                    "] are not used: write every option as a top-level key = \"value\" line");
    CLI::Option* option = nullptr;
    if (item.name != "help" && item.name != "config")
      option = serve.get_option_no_throw("--" + item.name);
    if (option == nullptr)
      throw problem("unknown key '" + item.name +
                    "' (keys are the serve flags without their dashes, e.g. max-upload-mb; see "
                    "projectd serve --help)");
    if (item.inputs.size() != 1)
      throw problem("key '" + item.name + "' takes one value, e.g. " + item.name + " = \"...\"");
    // A flag or the environment set it: they take precedence over the file. An empty value is
    // the option's default, as an empty environment variable is.
    if (option->count() > 0 || item.inputs.front().empty()) continue;
    try {
      option->add_result(item.inputs.front());
      option->run_callback();
    } catch (const CLI::Error& e) {
      throw problem("bad value for key '" + item.name + "': " + e.what());
    }
  }
}

}  // namespace projectd
