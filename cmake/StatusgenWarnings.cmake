# SPDX-License-Identifier: MIT
# Warning and sanitizer flags shared by every target of the project.

# statusgen_warnings(<target>): the warnings cmocka's own build uses, and
# -Werror when STATUSGEN_WERROR is on.
function(statusgen_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wmissing-prototypes
    -Wstrict-prototypes -Wwrite-strings -Wimplicit-fallthrough
    -Wformat=2 -Wcast-qual)
  if(STATUSGEN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(STATUSGEN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=all)
endif()
