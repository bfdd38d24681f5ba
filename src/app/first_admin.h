// On an empty store the first administrator comes from PROJECTD_ADMIN_EMAIL and
// PROJECTD_ADMIN_PASSWORD; without them a strong password is generated and printed once.
#pragma once

#include "domain/people/people_service.h"

namespace projectd {

void ensure_first_admin(PeopleService& people);

}  // namespace projectd
