# Shared by the scripts: install what the build needs from Debian's packages when it is
# missing, and build the tool. Sourced, not run.

SIP2PJSIP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_PACKAGES=(g++ cmake ninja-build libcli11-dev libfmt-dev nlohmann-json3-dev libgtest-dev
  libmimalloc-dev libabsl-dev)
# The report's browser test drives headless Chromium with a Python script.
TEST_PACKAGES=(chromium python3)
# The sanitizer build: clang-14 and its runtimes (libFuzzer, ASan, UBSan); llvm-14 for
# llvm-symbolizer, so reports name files and lines.
SANITIZER_PACKAGES=(clang-14 libclang-rt-14-dev llvm-14)
SANITIZER_BUILD="$SIP2PJSIP_ROOT/build-asan"

ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build DIR [cmake options...]
build() {
  local dir=$1
  shift
  cmake -S "$SIP2PJSIP_ROOT" -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}

# build_sanitized: the test suite and the libFuzzer targets in one tree (SANITIZER_BUILD), built
# by clang-14 with AddressSanitizer + UndefinedBehaviorSanitizer, so the fuzz targets run the
# very code the sanitized tests ran.
build_sanitized() {
  # A tree configured for another compiler (this build used GCC once) cannot switch in place.
  local cache="$SANITIZER_BUILD/CMakeCache.txt"
  if [ -f "$cache" ] && ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++-14$' "$cache"; then
    rm -rf "$SANITIZER_BUILD"
  fi
  build "$SANITIZER_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DSIP2PJSIP_SANITIZE=ON -DSIP2PJSIP_FUZZ=ON
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
[ -x /usr/bin/llvm-symbolizer-14 ] && export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14
