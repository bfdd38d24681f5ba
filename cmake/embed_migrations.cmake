# Writes a C++ source holding every migration file as {number, name, sql}, in file-name order.
# FILES is the list of paths joined with '|' (see CMakeLists.txt).
string(REPLACE "|" ";" FILES "${FILES}")
set(body "// Generated from src/store/migrations/*.sql. Do not edit.\n#include \"store/migrations.h\"\n\nnamespace projectd {\nnamespace {\nconst Migration kMigrations[] = {\n")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME_WE)
  string(REGEX MATCH "^[0-9]+" number ${name})
  math(EXPR number "${number} + 0")
  file(READ ${f} sql)
  string(APPEND body "  {${number}, \"${name}\", R\"__sql__(${sql})__sql__\"},\n")
endforeach()
string(APPEND body "};\n}  // namespace\n\nstd::span<const Migration> all_migrations() { return kMigrations; }\n\n}  // namespace projectd\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
