#include "domain/people/vips_library.h"

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace projectd {

namespace {

constexpr const char* kDebianPackage = PROJECTD_LIBVIPS_PACKAGE;

[[noreturn]] void fail(const std::string& why) {
  throw std::runtime_error("libvips (Debian package " + std::string(kDebianPackage) +
                           ") cannot be used: " + why);
}

VipsLibrary load() {
  // RTLD_LOCAL: its symbols stay out of the global scope, where they could bind to a library
  // loaded later. The handle is never closed: libvips cannot be shut down and started again.
  void* handle = dlopen(PROJECTD_LIBVIPS_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) fail(std::string("cannot load ") + PROJECTD_LIBVIPS_SONAME);
  VipsLibrary library{};
  // dlsym on the handle also searches the libraries libvips depends on (GObject, GLib).
#define PROJECTD_VIPS_LOAD(name)                                                 \
  library.name = reinterpret_cast<decltype(library.name)>(dlsym(handle, #name)); \
  if (library.name == nullptr) fail("it has no " #name);
  PROJECTD_VIPS_FUNCTIONS(PROJECTD_VIPS_LOAD)
#undef PROJECTD_VIPS_LOAD
  // What the VIPS_INIT macro checks: the library's ABI is the one the headers describe.
  if (library.vips_version(3) - library.vips_version(5) != VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE)
    fail("its ABI is not the one projectd was built for");
  if (library.vips_init("projectd") != 0) fail("it failed to start");
  // Only the loaders projectd names by hand run; the cache would keep decoded images alive.
  library.vips_block_untrusted_set(TRUE);
  library.vips_cache_set_max(0);
  library.vips_concurrency_set(1);
  return library;
}

}  // namespace

const VipsLibrary& vips_library() {
  static const VipsLibrary library = load();
  return library;
}

}  // namespace projectd
