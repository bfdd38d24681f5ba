// A Beast body type that sends a slice of an open file in 1 MiB pread()s, so a download never
// loads the file into memory (docs/architecture.md, "Storage and durability"). 1 MiB, not less:
// each piece is a pread, a send and a re-armed write deadline; at 64 KiB a GiB took 840 ms of
// server CPU, at 1 MiB 496 ms (bench/). The buffer lives as long as the download, so N downloads at
// once hold N MiB. The descriptor is opened off the I/O thread (see open_file_slice) and closed
// with the body. Include only from session.cc: Beast is costly to compile. Thread safety: one body
// belongs to one response.
#pragma once

#include "blob/file_io.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>

namespace projectd {

struct FileSliceBody {
  class value_type {
   public:
    value_type() = default;
    ~value_type() { file_io::close_quietly(fd_); }
    value_type(value_type&& other) noexcept
        : fd_(std::exchange(other.fd_, -1)),
          path_(std::move(other.path_)),
          offset_(other.offset_),
          length_(other.length_) {}
    value_type& operator=(value_type&& other) noexcept {
      std::swap(fd_, other.fd_);
      std::swap(path_, other.path_);
      offset_ = other.offset_;
      length_ = other.length_;
      return *this;
    }

    // Takes ownership of `fd`, positioned nowhere in particular: reads use explicit offsets.
    void reset(int fd, std::filesystem::path path, std::uint64_t offset, std::uint64_t length) {
      file_io::close_quietly(std::exchange(fd_, fd));
      path_ = std::move(path);
      offset_ = offset;
      length_ = length;
    }
    std::uint64_t length() const { return length_; }

   private:
    friend struct FileSliceBody;
    int fd_ = -1;
    std::filesystem::path path_;
    std::uint64_t offset_ = 0;
    std::uint64_t length_ = 0;
  };

  static std::uint64_t size(const value_type& body) { return body.length_; }

  class writer {
   public:
    using const_buffers_type = boost::asio::const_buffer;

    template <bool isRequest, class Fields>
    writer(const boost::beast::http::header<isRequest, Fields>&, const value_type& body)
        : body_(body) {}

    void init(boost::beast::error_code& ec) { ec = {}; }

    boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code& ec) {
      ec = {};
      const std::uint64_t remaining = body_.length_ - sent_;
      if (remaining == 0) return boost::none;
      if (!buffer_) buffer_ = std::make_unique<char[]>(kChunk);
      const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(remaining, kChunk));
      std::size_t got = 0;
      try {
        got = file_io::read_at(body_.fd_, buffer_.get(), want, body_.offset_ + sent_, body_.path_);
      } catch (const std::system_error& e) {
        // file_io reports errno values, so the generic category carries them over.
        ec = boost::beast::error_code(e.code().value(), boost::system::generic_category());
        return boost::none;
      }
      // The file shrank under us: the promised Content-Length cannot be kept, so the connection
      // must fail rather than send a short body.
      if (got == 0) {
        ec = boost::system::errc::make_error_code(boost::system::errc::io_error);
        return boost::none;
      }
      sent_ += got;
      return std::make_pair(const_buffers_type(buffer_.get(), got), sent_ < body_.length_);
    }

   private:
    static constexpr std::size_t kChunk = 1024 * 1024;
    const value_type& body_;
    std::uint64_t sent_ = 0;
    std::unique_ptr<char[]> buffer_;
  };
};

}  // namespace projectd
