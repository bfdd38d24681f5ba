// `projectd serve --config FILE`: a TOML file of `key = "value"` lines, one per serve option, each
// key the option's flag without its dashes (max-upload-mb = "100"). Precedence is flags, then
// environment variables, then the file: a value from the file only fills an option that neither a
// flag nor its PROJECTD_* variable set; an empty value leaves the default. An unknown key, a
// section, or a value the option refuses is an error naming the file and the key, never ignored.
// CLI11 can read such files itself (App::set_config), but the version we build against (2.1) reads
// them before the environment, so the file would beat the environment: hence this small step
// after parsing, with CLI11's own TOML reader and each option's own validators.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace projectd {

// Applies the file at `path` to the options of the parsed `serve` subcommand. Throws
// std::invalid_argument with a clear message on a missing file, an unknown key or a bad value.
void apply_config_file(CLI::App& serve, const std::string& path);

}  // namespace projectd
