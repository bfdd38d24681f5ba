// libvips, opened at the first photo or avatar rather than linked: linking it maps its whole
// library tree (librsvg, OpenEXR, HDF5, poppler's GLib, ICU…) into every server at start, 13 MiB
// of an idle server's 35 MiB RSS (bench/README.md, "idle RSS"), for a feature most requests never
// touch. The declarations still come from <vips/vips.h>, so every function keeps its exact type
// (decltype of the header's declaration) and a mismatch fails to compile, not at run time.
//
// The soname is the one the headers were built against (PROJECTD_LIBVIPS_SONAME, set by
// CMakeLists.txt from vips/version.h); the Debian package depends on its package by name, as
// dpkg-shlibdeps cannot see a dlopen.
//
// Thread safety: vips_library() loads and initialises libvips once (thread-safe static
// initialisation); the returned table is immutable and its functions are libvips' own, which may
// be called from any thread.
#pragma once

#include <vips/vips.h>

namespace projectd {

// Every libvips and GObject function photo_images.cc calls.
// clang-format off
#define PROJECTD_VIPS_FUNCTIONS(X) \
  X(vips_init) X(vips_version) X(vips_block_untrusted_set) X(vips_cache_set_max) \
  X(vips_concurrency_set) X(vips_error_buffer) X(vips_error_clear) \
  X(vips_foreign_find_load_buffer) X(vips_image_new_from_buffer) X(vips_image_get_width) \
  X(vips_image_get_height) X(vips_image_hasalpha) X(vips_image_copy_memory) X(vips_copy) \
  X(vips_colourspace) X(vips_flatten) X(vips_thumbnail_image) X(vips_black) X(vips_linear) \
  X(vips_draw_circle) X(vips_array_double_new) X(vips_area_unref) X(vips_pngsave_buffer) \
  X(vips_jpegsave_buffer) X(g_object_unref) X(g_free)
// clang-format on

struct VipsLibrary {
#define PROJECTD_VIPS_MEMBER(name) decltype(&::name) name;
  PROJECTD_VIPS_FUNCTIONS(PROJECTD_VIPS_MEMBER)
#undef PROJECTD_VIPS_MEMBER
};

// The loaded, initialised library: untrusted loaders blocked, operation cache off (memory does not
// grow with use), one thread per operation. Throws std::runtime_error, naming the Debian package,
// when libvips is missing, lacks a function, or has another ABI; the next call tries again.
const VipsLibrary& vips_library();

}  // namespace projectd
