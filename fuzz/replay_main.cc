// Replays fuzz inputs without libFuzzer, so CI (GCC, ASan+UBSan) runs every seed and every
// regression input through a target's LLVMFuzzerTestOneInput: `projectd_fuzz_replay TARGET
// DIR_OR_FILE...`, where each target's entry point was compiled as projectd_fuzz_<target>
// (fuzz/CMakeLists.txt). Directories are read one level deep, in name order; dot files (.gitkeep)
// are skipped. Exits non-zero for an unknown target or when no input was found at all, so a
// mistyped path cannot pass silently; a finding aborts in the sanitizer or the target.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

extern "C" {
int projectd_fuzz_request(const std::uint8_t* data, std::size_t size);
int projectd_fuzz_params(const std::uint8_t* data, std::size_t size);
int projectd_fuzz_multipart(const std::uint8_t* data, std::size_t size);
int projectd_fuzz_dates(const std::uint8_t* data, std::size_t size);
int projectd_fuzz_headers(const std::uint8_t* data, std::size_t size);
}

namespace {

using Entry = int (*)(const std::uint8_t*, std::size_t);

struct Target {
  std::string_view name;
  Entry entry;
};

// Every target of PROJECTD_FUZZ_TARGETS (fuzz/CMakeLists.txt); a target missing here fails the link
// or the replay test that names it.
constexpr Target kTargets[] = {{"request", projectd_fuzz_request},
                               {"params", projectd_fuzz_params},
                               {"multipart", projectd_fuzz_multipart},
                               {"dates", projectd_fuzz_dates},
                               {"headers", projectd_fuzz_headers}};

std::vector<std::filesystem::path> inputs_of(const std::filesystem::path& path) {
  if (!std::filesystem::is_directory(path)) return {path};
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(path))
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with("."))
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  Entry entry = nullptr;
  for (const Target& target : kTargets)
    if (argc > 1 && target.name == argv[1]) entry = target.entry;
  if (entry == nullptr) {
    std::fprintf(stderr, "usage: %s TARGET DIR_OR_FILE...; targets:", argv[0]);
    for (const Target& target : kTargets)
      std::fprintf(stderr, " %.*s", static_cast<int>(target.name.size()), target.name.data());
    std::fprintf(stderr, "\n");
    return 2;
  }
  std::size_t replayed = 0;
  for (int i = 2; i < argc; ++i) {
    for (const auto& file : inputs_of(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.c_str());
        return 2;
      }
      const std::string bytes{std::istreambuf_iterator<char>(in), {}};
      std::fprintf(stderr, "replaying %s (%zu bytes)\n", file.c_str(), bytes.size());
      entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  std::fprintf(stderr, "replayed %zu inputs\n", replayed);
  return replayed > 0 ? 0 : 1;
}
