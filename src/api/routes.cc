#include "api/routes.h"

#include "api/files/files_routes.h"

namespace projectd {

void build_route_table(RouteTable& table, ApiEnv& env) {
  add_portal_routes(table);
  add_authentication_routes(table, env);
  add_people_routes(table, env);
  add_people_account_routes(table, env);
  add_group_routes(table, env);
  add_photo_routes(table, env);
  add_project_routes(table, env);
  add_milestone_routes(table, env);
  add_task_routes(table, env);
  add_status_routes(table, env);
  add_message_routes(table, env);
  add_comment_routes(table, env);
  add_time_routes(table, env);
  add_attachment_routes(table, env);
  add_files_routes(table, env);
  add_folder_routes(table, env);
  add_file_operation_routes(table, env);
  add_trash_routes(table, env);
  add_files_extra_routes(table, env);
  add_download_routes(table, env);
  add_share_routes(table, env);
  add_chunked_upload_routes(table, env);
  add_notification_settings_routes(table, env);

  add_webhook_routes(table, env);
  add_system_routes(table);
  add_web_app_routes(table);
}

}  // namespace projectd
