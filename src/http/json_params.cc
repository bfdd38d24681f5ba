// add_json_params: an application/json body flattened into names the way the original's binder
// sees it (docs/wire-compatibility.md, "JSON and XML"). A SAX-style parse keeps numbers exactly as
// sent (`1.50` stays `1.50`, an id beyond int64 is not rounded through a double) and keeps
// duplicate members in order.
#include "base/ascii.h"
#include "base/errors.h"
#include "http/params.h"

#include <boost/json/basic_parser_impl.hpp>

#include <optional>
#include <string>
#include <vector>

namespace projectd {
namespace {

constexpr std::size_t kMaxJsonDepth = 32;

class FlattenHandler {
 public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  explicit FlattenHandler(Params& params) : params_(params) {}

  bool not_object() const { return not_object_; }
  const std::optional<ApiError>& refusal() const { return refusal_; }

  bool on_document_begin(boost::json::error_code&) { return true; }
  bool on_document_end(boost::json::error_code&) { return true; }

  bool on_object_begin(boost::json::error_code& ec) { return begin_container(false, ec); }
  bool on_object_end(std::size_t, boost::json::error_code& ec) { return end_container(ec); }
  bool on_array_begin(boost::json::error_code& ec) { return begin_container(true, ec); }
  bool on_array_end(std::size_t, boost::json::error_code& ec) { return end_container(ec); }

  bool on_key_part(boost::json::string_view s, std::size_t, boost::json::error_code&) {
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(boost::json::string_view s, std::size_t, boost::json::error_code&) {
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_string_part(boost::json::string_view s, std::size_t, boost::json::error_code&) {
    text_.append(s.data(), s.size());
    return true;
  }
  bool on_string(boost::json::string_view s, std::size_t, boost::json::error_code& ec) {
    text_.append(s.data(), s.size());
    return scalar(false, ec);
  }
  bool on_number_part(boost::json::string_view s, boost::json::error_code&) {
    text_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t, boost::json::string_view s, boost::json::error_code& ec) {
    return on_string(s, 0, ec);
  }
  bool on_uint64(std::uint64_t, boost::json::string_view s, boost::json::error_code& ec) {
    return on_string(s, 0, ec);
  }
  bool on_double(double, boost::json::string_view s, boost::json::error_code& ec) {
    return on_string(s, 0, ec);
  }
  bool on_bool(bool b, boost::json::error_code& ec) {
    text_ = b ? "true" : "false";
    return scalar(false, ec);
  }
  bool on_null(boost::json::error_code& ec) { return scalar(true, ec); }
  bool on_comment_part(boost::json::string_view, boost::json::error_code&) { return true; }
  bool on_comment(boost::json::string_view, boost::json::error_code&) { return true; }

 private:
  struct Frame {
    bool is_array;
    std::string name;       // "" for the top-level object
    std::size_t count = 0;  // values seen so far
  };

  // The name of the next value in the current container: `parent[key]` inside an object, the
  // array's own name for a scalar array item (repeated keys), `list[i]` for a nested container.
  // A name past Params::kMaxKeySize is refused before it is built, so a long key nested 32 deep
  // never costs 32 copies of itself.
  std::optional<std::string> next_name(bool is_container) {
    Frame& frame = frames_.back();
    std::string name;
    if (!frame.is_array) {
      if (frame.name.size() + key_.size() + 2 > Params::kMaxKeySize) return std::nullopt;
      name = frame.name.empty() ? key_ : frame.name + "[" + key_ + "]";
      key_.clear();
    } else if (is_container) {
      name = frame.name + "[" + std::to_string(frame.count) + "]";
      if (name.size() > Params::kMaxKeySize) return std::nullopt;
    } else {
      name = frame.name;
    }
    ++frame.count;
    return name;
  }

  bool begin_container(bool is_array, boost::json::error_code& ec) {
    if (frames_.empty()) {
      if (is_array) return reject(ec);
      frames_.push_back(Frame{false, std::string()});
      return true;
    }
    auto name = next_name(true);
    if (!name) return name_too_long(ec);
    frames_.push_back(Frame{is_array, std::move(*name)});
    return true;
  }

  // `{"files":[]}` was sent and is empty: a null keeps it visible to has() and clears on PUT.
  bool end_container(boost::json::error_code& ec) {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (!frames_.empty() && frame.count == 0) return add(frame.name, ParamValue{"", true}, ec);
    return true;
  }

  bool scalar(bool is_null, boost::json::error_code& ec) {
    if (frames_.empty()) return reject(ec);
    auto name = next_name(false);
    if (!name) return name_too_long(ec);
    const bool added =
        add(*name, ParamValue{is_null ? std::string() : std::move(text_), is_null}, ec);
    text_.clear();
    return added;
  }

  // Params::add refuses (bad UTF-8 cannot reach it: the parser checks that first, but the budget
  // can); the refusal stops the parse and is thrown once the parser has returned.
  bool add(const std::string& name, ParamValue value, boost::json::error_code& ec) {
    try {
      params_.add(name, std::move(value), ParamSource::kBody);
      return true;
    } catch (const ApiError& error) {
      refusal_ = error;
      ec = boost::json::error::exception;
      return false;
    }
  }

  bool name_too_long(boost::json::error_code& ec) {
    refusal_ = ApiError(ErrorKind::kBadRequest, "A parameter name is longer than " +
                                                    std::to_string(Params::kMaxKeySize) + " bytes");
    ec = boost::json::error::exception;
    return false;
  }

  bool reject(boost::json::error_code& ec) {
    not_object_ = true;
    ec = boost::json::error::syntax;
    return false;
  }

  Params& params_;
  std::vector<Frame> frames_;
  std::string key_;
  std::string text_;
  bool not_object_ = false;
  std::optional<ApiError> refusal_;
};

}  // namespace

void add_json_params(Params& params, std::string_view body) {
  // Some Windows clients prefix a UTF-8 byte order mark.
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  // Clients send `Content-Type: application/json` with no body on GET: no parameters, no error.
  if (ascii::trim(body).empty()) return;

  // Flattened straight into `params`; a body that fails half-way is taken out again.
  const std::size_t before = params.size();
  boost::json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  boost::json::basic_parser<FlattenHandler> parser(options, params);
  boost::json::error_code ec;
  std::size_t used = parser.write_some(false, body.data(), body.size(), ec);
  if (ec || used != body.size()) params.truncate(before);
  if (parser.handler().refusal()) throw *parser.handler().refusal();
  if (parser.handler().not_object()) {
    throw ApiError(ErrorKind::kBadRequest, "The request body must be a JSON object");
  }
  if (ec == boost::json::error::too_deep) {
    throw ApiError(ErrorKind::kBadRequest, "The JSON body is nested deeper than " +
                                               std::to_string(kMaxJsonDepth) + " levels");
  }
  if (ec || used != body.size()) {
    throw ApiError(ErrorKind::kBadRequest, "The request body is not valid JSON");
  }
}

}  // namespace projectd
