# What the Debian package installs, and how CPack's DEB generator makes it (docs/packaging.md).
# The install() rules below are the one description of the installed files; `cpack -G DEB` in the
# Release build directory (scripts/check-package.sh) packages the very binary that
# scripts/start.sh runs, with no third compilation.

set(PROJECTD_PACKAGING_DIR ${CMAKE_SOURCE_DIR}/packaging)
set(PROJECTD_PACKAGING_OUT ${CMAKE_BINARY_DIR}/packaging)
set(PROJECTD_DEB_RELEASE 1)

# /etc/projectd/projectd.conf is packaging/projectd.conf (the one list of options, checked by
# tests/config_file_http_test.cc) with the data directory set to the service's.
file(READ ${PROJECTD_PACKAGING_DIR}/projectd.conf projectd_conf)
set(projectd_conf_default_data "# data = \"./data\"")
string(FIND "${projectd_conf}" "${projectd_conf_default_data}" projectd_conf_at)
if(projectd_conf_at EQUAL -1)
  message(FATAL_ERROR "packaging/projectd.conf has no line '${projectd_conf_default_data}' to set")
endif()
string(REPLACE "${projectd_conf_default_data}" "data = \"/var/lib/projectd\"" projectd_conf
               "${projectd_conf}")
file(WRITE ${PROJECTD_PACKAGING_OUT}/projectd.conf "${projectd_conf}")

# The changelog's newest entry must be this version: a release bumps both together.
file(STRINGS ${PROJECTD_PACKAGING_DIR}/debian/changelog projectd_changelog_top LIMIT_COUNT 1)
set(projectd_deb_version "${PROJECT_VERSION}-${PROJECTD_DEB_RELEASE}")
if(NOT projectd_changelog_top MATCHES "^projectd \\(${projectd_deb_version}\\) ")
  message(FATAL_ERROR "packaging/debian/changelog does not start with projectd "
                      "(${projectd_deb_version}): ${projectd_changelog_top}")
endif()
# Debian wants these compressed with gzip -9n (no name or time stamp: reproducible).
foreach(pair "debian/changelog|changelog.Debian.gz" "projectd.1|projectd.1.gz")
  string(REPLACE "|" ";" pair "${pair}")
  list(GET pair 0 source)
  list(GET pair 1 target)
  execute_process(COMMAND gzip -9n -c ${PROJECTD_PACKAGING_DIR}/${source}
                  OUTPUT_FILE ${PROJECTD_PACKAGING_OUT}/${target} COMMAND_ERROR_IS_FATAL ANY)
endforeach()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${PROJECTD_PACKAGING_DIR}/projectd.conf ${PROJECTD_PACKAGING_DIR}/debian/changelog
             ${PROJECTD_PACKAGING_DIR}/projectd.1)

set(projectd_read_only OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(TARGETS projectd RUNTIME DESTINATION bin)
install(FILES ${PROJECTD_PACKAGING_OUT}/projectd.conf DESTINATION /etc/projectd
        PERMISSIONS ${projectd_read_only})
install(FILES ${PROJECTD_PACKAGING_DIR}/projectd.service DESTINATION /lib/systemd/system
        PERMISSIONS ${projectd_read_only})
install(DIRECTORY DESTINATION /var/lib/projectd)
install(FILES ${PROJECTD_PACKAGING_DIR}/debian/copyright
              ${PROJECTD_PACKAGING_OUT}/changelog.Debian.gz
        DESTINATION share/doc/projectd PERMISSIONS ${projectd_read_only})
install(FILES ${PROJECTD_PACKAGING_OUT}/projectd.1.gz DESTINATION share/man/man1
        PERMISSIONS ${projectd_read_only})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME projectd)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CONTACT "projectd maintainers <maintainers@users.noreply.r-seed-29c5fbfd.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "project and task server speaking the ONLYOFFICE Community Server API 2.0")
set(CPACK_PACKAGE_DESCRIPTION
    "projectd serves projects, milestones, tasks, discussions, people and files\nto the clients of an ONLYOFFICE portal (its mobile app, web front end and\nclient libraries) from one binary, with its data in SQLite or PostgreSQL.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${PROJECTD_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Library dependencies come from dpkg-shlibdeps (dpkg-dev); adduser is for the postinst. libvips is
# opened at run time (src/domain/people/vips_library.h), which dpkg-shlibdeps cannot see, so it is
# named here: the package of the soname the build's headers describe (CMakeLists.txt).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, ${PROJECTD_LIBVIPS_PACKAGE} (>= ${VIPS_VERSION})")
# pg_dump/pg_restore, for `projectd backup`/`restore` of a PostgreSQL portal (docs/operations.md).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECTD_PACKAGING_DIR}/debian/postinst ${PROJECTD_PACKAGING_DIR}/debian/prerm
    ${PROJECTD_PACKAGING_DIR}/debian/postrm ${PROJECTD_PACKAGING_DIR}/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
