#include "cli/output_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>

#include <fmt/format.h>

namespace sip2pjsip::cli {

namespace {

namespace fs = std::filesystem;

std::string identity(const std::string& path) {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(path, ec);
  return ec ? fs::path(path).lexically_normal().string() : canonical.string();
}

struct Temporary {
  std::string path;
  std::string target;
};

bool write_temporary(const PendingFile& file, Temporary& out, Diagnostics& diagnostics) {
  std::string name = file.path + ".XXXXXX";
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    diagnostics.report(file.path, 0, Severity::error,
                       fmt::format("cannot write: {}", std::strerror(errno)), "output-write");
    return false;
  }
  out = Temporary{name, file.path};
  const char* data = file.content.data();
  std::size_t left = file.content.size();
  bool ok = fchmod(fd, file.mode) == 0;
  while (ok && left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      ok = false;
      break;
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  ok = ok && fsync(fd) == 0;
  const int saved = errno;
  ok = (close(fd) == 0) && ok;
  if (!ok) {
    diagnostics.report(file.path, 0, Severity::error,
                       fmt::format("cannot write: {}", std::strerror(saved ? saved : errno)),
                       "output-write");
  }
  return ok;
}

// Keeps the previous output as `<name>.bak`, with its own permission bits.
bool back_up(const std::string& path, Diagnostics& diagnostics) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return true;
  fs::copy_file(path, path + ".bak", fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::permissions(path + ".bak", fs::status(path).permissions(), ec);
  if (ec) {
    diagnostics.report(path, 0, Severity::error,
                       fmt::format("cannot keep a backup as {}.bak: {}", path, ec.message()),
                       "output-backup");
    return false;
  }
  return true;
}

}  // namespace

mode_t permission_bits(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return 0600;
  return info.st_mode & 07777;
}

bool write_all(const std::vector<PendingFile>& files, const std::vector<std::string>& inputs,
               Diagnostics& diagnostics) {
  std::set<std::string> input_identities;
  for (const auto& input : inputs) input_identities.insert(identity(input));
  std::set<std::string> seen;
  for (const auto& file : files) {
    const auto id = identity(file.path);
    if (input_identities.count(id)) {
      diagnostics.report(file.path, 0, Severity::error,
                         "output would overwrite an input file; choose another output name",
                         "output-is-input");
      return false;
    }
    std::error_code ec;
    if (fs::exists(file.path, ec) && input_identities.count(identity(file.path + ".bak"))) {
      diagnostics.report(file.path, 0, Severity::error,
                         fmt::format("keeping the existing output as {}.bak would overwrite an "
                                     "input file; choose another output name",
                                     file.path),
                         "output-is-input");
      return false;
    }
    if (fs::is_directory(file.path)) {
      diagnostics.report(file.path, 0, Severity::error, "output is a directory", "output-write");
      return false;
    }
    if (!seen.insert(id).second) {
      diagnostics.report(file.path, 0, Severity::error, "two outputs would have this name",
                         "output-write");
      return false;
    }
  }

  std::vector<Temporary> temporaries;
  auto discard = [&] {
    for (const auto& temporary : temporaries) unlink(temporary.path.c_str());
  };
  for (const auto& file : files) {
    Temporary temporary;
    const bool ok = write_temporary(file, temporary, diagnostics);
    if (!temporary.path.empty()) temporaries.push_back(temporary);
    if (!ok) {
      discard();
      return false;
    }
  }
  for (const auto& temporary : temporaries) {
    if (!back_up(temporary.target, diagnostics)) {
      discard();
      return false;
    }
  }
  for (const auto& temporary : temporaries) {
    if (rename(temporary.path.c_str(), temporary.target.c_str()) != 0) {
      diagnostics.report(temporary.target, 0, Severity::error,
                         fmt::format("cannot write: {}", std::strerror(errno)), "output-write");
      discard();
      return false;
    }
  }
  return true;
}

}  // namespace sip2pjsip::cli
