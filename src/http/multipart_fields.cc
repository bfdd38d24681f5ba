// add_multipart_fields: the text fields of a small multipart form, for API calls that send their
// parameters as multipart instead of urlencoded.
#include "base/ascii.h"
#include "http/multipart.h"
#include "http/params.h"

#include <string>

namespace projectd {
namespace {

class FieldCollector : public MultipartSink {
 public:
  explicit FieldCollector(Params& fields) : fields_(fields) {}

  void on_part_begin(const MultipartPartHead& head) override {
    // A file part, even one with an empty filename (an unused file input), is not a field.
    is_field_ = !head.filename.has_value() && !head.name.empty();
    name_ = head.name;
    value_.clear();
  }
  void on_part_data(std::string_view bytes) override {
    if (is_field_) value_.append(bytes);
  }
  void on_part_end() override {
    if (is_field_) fields_.add(name_, ParamValue{std::move(value_), false}, ParamSource::kBody);
    value_.clear();
  }

 private:
  Params& fields_;
  bool is_field_ = false;
  std::string name_;
  std::string value_;
};

}  // namespace

void add_multipart_fields(Params& params, std::string_view body, std::string_view boundary) {
  // An empty body is no body, whatever the Content-Type says.
  if (ascii::trim(body).empty()) return;
  // A body rejected half-way is taken out again.
  const std::size_t before = params.size();
  try {
    FieldCollector collector(params);
    MultipartParser parser(std::string(boundary), collector);
    parser.feed(body);
    parser.finish();
  } catch (...) {
    params.truncate(before);
    throw;
  }
}

}  // namespace projectd
