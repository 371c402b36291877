# A toolchain file that makes a cross build for the machine it runs on:
# CMake sets CMAKE_CROSSCOMPILING when CMAKE_SYSTEM_NAME is given, and the
# programs still run here, so the test can run what it built.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR ${CMAKE_HOST_SYSTEM_PROCESSOR})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
