# Fails the build when a file in src/ includes a room its own room may not
# call (DESIGN.md: http -> social -> store, social -> graph, everything ->
# core). Every library shares one include path (src/), and static libraries
# pass their link dependencies on whatever the CMake visibility, so neither
# include directories nor PRIVATE links can stop `#include "store/x.h"` in
# http/; this check does. Only direct includes count: http/ still sees the
# store/ headers that social/ headers name.
#
# cli/ may include every room: it holds main() and the subcommands, and
# opening, migrating, backing up and exporting the database (data_dir.cpp,
# maintenance_commands.cpp, export_command.cpp) and analysing graph files
# (analyze_command.cpp) are its job.
#
# Usage: cmake -DKRING_SOURCE_DIR=<repository root> -P check_layering.cmake
cmake_minimum_required(VERSION 3.25)

set(allowed_core core)
set(allowed_graph core graph)
set(allowed_store core store)
set(allowed_social core graph store social)
set(allowed_http core social http)
set(allowed_cli core graph store social http cli)
set(rooms core graph store social http cli)

set(violations "")
foreach(room IN LISTS rooms)
  file(GLOB_RECURSE files "${KRING_SOURCE_DIR}/src/${room}/*.h" "${KRING_SOURCE_DIR}/src/${room}/*.cpp")
  foreach(file IN LISTS files)
    file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[a-z_]+/")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([a-z_]+)/.*$" "\\1" callee "${line}")
      if(callee IN_LIST rooms AND NOT callee IN_LIST allowed_${room})
        file(RELATIVE_PATH where "${KRING_SOURCE_DIR}" "${file}")
        string(APPEND violations "\n  ${where}: ${line}  (${room}/ may include: ${allowed_${room}})")
      endif()
    endforeach()
  endforeach()
endforeach()

if(violations)
  message(FATAL_ERROR "Layering broken (DESIGN.md, cmake/check_layering.cmake):${violations}")
endif()
