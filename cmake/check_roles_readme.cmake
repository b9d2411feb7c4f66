# The README's "Who may do what" table is `kring roles`: this script fails,
# showing both, when they differ. Run as
#   cmake -DKRING=path/to/kring -DREADME=README.md -P cmake/check_roles_readme.cmake
# To update the README, replace the lines between the two markers with the
# output of `kring roles`.
set(begin_marker "<!-- kring roles: begin -->")
set(end_marker "<!-- kring roles: end -->")
execute_process(COMMAND ${KRING} roles OUTPUT_VARIABLE table RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "`kring roles` failed (${rc})")
endif()
file(READ ${README} readme)
string(FIND "${readme}" "${begin_marker}" begin)
string(FIND "${readme}" "${end_marker}" end)
if(begin EQUAL -1 OR end EQUAL -1 OR end LESS begin)
  message(FATAL_ERROR "${README} has no '${begin_marker}' ... '${end_marker}' section")
endif()
string(LENGTH "${begin_marker}\n" skip)
math(EXPR from "${begin} + ${skip}")
math(EXPR length "${end} - ${from}")
string(SUBSTRING "${readme}" ${from} ${length} section)
if(NOT section STREQUAL table)
  message(FATAL_ERROR "README.md's roles section differs from `kring roles`.\n"
                      "README:\n${section}\nkring roles:\n${table}")
endif()
message(STATUS "README.md's roles section matches `kring roles`")
