// A Beast body type that streams a request body into a spool file while hashing it (uploads are
// never held in memory: docs/architecture.md, "A request's way through the edge"). The server
// switches to it once the head says the route streams its body. Include only from session.cc: Beast
// is costly to compile. Thread safety: one body belongs to one parser.
#pragma once

#include "blob/spool_writer.h"

#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>

#include <filesystem>
#include <string>
#include <system_error>

namespace projectd {

struct SpoolBody {
  struct value_type {
    std::filesystem::path dir;  // where the spool file is created; set before the body is read
    SpoolWriter writer;
    SpooledFile file;   // the finished spool; empty when the message had no body
    std::string error;  // why writing failed, for the log (the client gets a plain message)
  };

  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(boost::beast::http::header<isRequest, Fields>&, value_type& body) : body_(body) {}

    void init(const boost::optional<std::uint64_t>&, boost::beast::error_code& ec) {
      guard(ec, [&] { body_.writer.open(body_.dir); });
    }

    template <class ConstBufferSequence>
    std::size_t put(const ConstBufferSequence& buffers, boost::beast::error_code& ec) {
      std::size_t written = 0;
      guard(ec, [&] {
        for (const auto buffer : boost::beast::buffers_range_ref(buffers)) {
          body_.writer.write(
              std::string_view(static_cast<const char*>(buffer.data()), buffer.size()));
          written += buffer.size();
        }
      });
      return written;
    }

    // Also called for a message without a body, when init never ran.
    void finish(boost::beast::error_code& ec) {
      guard(ec, [&] {
        if (body_.writer.is_open()) body_.file = body_.writer.finish();
      });
    }

   private:
    template <class F>
    void guard(boost::beast::error_code& ec, F&& f) {
      ec = {};
      try {
        f();
      } catch (const std::system_error& e) {
        body_.error = e.what();
        // file_io reports errno values, so the generic category carries them over.
        ec = boost::beast::error_code(e.code().value(), boost::system::generic_category());
      } catch (const std::exception& e) {
        body_.error = e.what();
        ec = boost::system::errc::make_error_code(boost::system::errc::io_error);
      }
    }

    value_type& body_;
  };
};

}  // namespace projectd
