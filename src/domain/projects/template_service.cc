#include "domain/projects/template_service.h"

#include "base/errors.h"
#include "domain/people/people_service.h"
#include "domain/projects/project_settings_service.h"
#include "domain/projects/security.h"

namespace projectd {

namespace {

// As the original's CanEditTemplate: its author or an admin, never a guest.
TemplateView template_view(const Viewer& viewer, ProjectTemplateRecord record) {
  const bool can_edit =
      !viewer.is_visitor && (viewer.is_admin || record.created_by == viewer.user_id);
  return TemplateView{std::move(record), can_edit};
}

TemplateView load_template(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  auto record = tx.project_templates().by_id(id);
  if (!record) throw_not_found();
  return template_view(viewer, std::move(*record));
}

TemplateView load_editable_template(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  TemplateView view = load_template(tx, viewer, id);
  if (!view.can_edit) throw_forbidden();
  return view;
}

}  // namespace

TemplateService::TemplateService(Store& store) : store_(store) {}

std::vector<TemplateView> TemplateService::list(const Caller& caller) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    std::vector<TemplateView> out;
    for (ProjectTemplateRecord& record : tx.project_templates().all())
      out.push_back(template_view(viewer, std::move(record)));
    return out;
  });
}

TemplateView TemplateService::get(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) { return load_template(tx, viewer, id); });
}

TemplateView TemplateService::create(const Caller& caller, const std::string& title,
                                     const std::string& description) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    require_project_creator(tx, viewer);
    validate_name("title", title);
    ProjectTemplateRecord record;
    record.title = title;
    record.description = description;
    record.created = record.updated = now_utc();
    record.created_by = record.updated_by = caller.user_id;
    record.id = tx.project_templates().insert(record);
    return template_view(viewer, std::move(record));
  });
}

TemplateView TemplateService::update(const Caller& caller, std::int64_t id,
                                     const TemplateChanges& changes) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    TemplateView view = load_editable_template(tx, viewer, id);
    if (changes.title) {
      validate_name("title", *changes.title);
      view.record.title = *changes.title;
    }
    if (changes.description) view.record.description = *changes.description;
    view.record.updated = now_utc();
    view.record.updated_by = caller.user_id;
    tx.project_templates().update(view.record);
    return view;
  });
}

TemplateView TemplateService::remove(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    TemplateView view = load_editable_template(tx, viewer, id);
    tx.project_templates().remove(id);
    return view;
  });
}

}  // namespace projectd
