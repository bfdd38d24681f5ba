// Project templates (ProjectApi template endpoints): a title and a plan the web client builds
// projects from, stored as the client wrote it. Every signed-in person reads them; creating needs
// the right to create projects (403); changing and deleting one needs to be its author or an
// admin (403); a missing template is 404; an empty title 400. Checks run 404 -> 403 -> 400 and a
// refused call changes nothing. Thread safety: every method may be called from any thread at once.
#pragma once

#include "domain/caller.h"
#include "store/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

struct TemplateView {
  ProjectTemplateRecord record;
  bool can_edit = false;
};

// A partial update: absent members keep their value.
struct TemplateChanges {
  std::optional<std::string> title;
  std::optional<std::string> description;
};

class TemplateService {
 public:
  explicit TemplateService(Store& store);

  std::vector<TemplateView> list(const Caller& caller);
  TemplateView get(const Caller& caller, std::int64_t id);
  TemplateView create(const Caller& caller, const std::string& title,
                      const std::string& description);
  TemplateView update(const Caller& caller, std::int64_t id, const TemplateChanges& changes);
  // Answers the template as it was.
  TemplateView remove(const Caller& caller, std::int64_t id);

 private:
  Store& store_;
};

}  // namespace projectd
