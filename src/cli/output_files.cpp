#include "cli/output_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <utility>

#include <fmt/format.h>

namespace sip2pjsip::cli {

namespace {

namespace fs = std::filesystem;

std::string identity(const std::string& path) {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(path, ec);
  return ec ? fs::path(path).lexically_normal().string() : canonical.string();
}

// The device and inode of a file (symlinks followed): a hard link to an input has another path
// but the same inode.
std::optional<std::pair<dev_t, ino_t>> inode_of(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return std::nullopt;
  return std::make_pair(info.st_dev, info.st_ino);
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
  // The owner first: as root, the file must stay readable by the user Asterisk runs as. Not
  // being allowed to give it away (not root) is no reason to fail.
  if (file.owner != kKeepOwner || file.group != kKeepGroup) {
    [[maybe_unused]] const int ignored = fchown(fd, file.owner, file.group);
  }
  bool ok = fchmod(fd, file.mode) == 0;
  off_t offset = 0;
  auto write_piece = [&](std::string_view piece) {
    const off_t start = offset;
    while (ok && !piece.empty()) {
      const ssize_t written = ::write(fd, piece.data(), piece.size());
      if (written < 0) {
        if (errno == EINTR) continue;
        ok = false;
        break;
      }
      piece.remove_prefix(static_cast<std::size_t>(written));
      offset += written;
    }
    // The disk starts on each piece while the next one is rendered, so the fsync() below waits
    // for the last piece only (on 100,000 peers it took 90 ms at the end). Only a hint: a file
    // system that does not take it loses nothing.
    if (ok && offset > start) {
      [[maybe_unused]] const int ignored =
          sync_file_range(fd, start, offset - start, SYNC_FILE_RANGE_WRITE);
    }
  };
  if (file.render) {
    file.render(write_piece);  // after a failed write, the rest is not written
  } else {
    write_piece(file.content);
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

// Keeps the previous output as `<name>.bak`: the old file itself, hard-linked under a fresh
// name and renamed over the old backup, so its bytes, permission bits and owner stay exactly
// as they were, and a `<name>.bak` that is a symlink is replaced, never written through. Where
// hard links are not supported, a copy takes the link's place.
bool back_up(const std::string& path, Diagnostics& diagnostics) {
  struct stat info {};
  if (lstat(path.c_str(), &info) != 0) return true;
  const std::string backup = path + ".bak";
  auto fail = [&](const std::string& reason) {
    diagnostics.report(path, 0, Severity::error,
                       fmt::format("cannot keep a backup as {}: {}", backup, reason),
                       "output-backup");
    return false;
  };
  std::string temporary = backup + ".XXXXXX";
  const int fd = mkstemp(temporary.data());
  if (fd < 0) return fail(std::strerror(errno));
  close(fd);
  unlink(temporary.c_str());
  if (link(path.c_str(), temporary.c_str()) != 0) {
    const int link_error = errno;
    if (link_error != EPERM && link_error != EXDEV && link_error != EOPNOTSUPP &&
        link_error != EMLINK) {
      return fail(std::strerror(link_error));
    }
    std::error_code ec;
    fs::copy_file(path, temporary, ec);
    if (!ec) fs::permissions(temporary, fs::status(path).permissions(), ec);
    if (ec) {
      unlink(temporary.c_str());
      return fail(ec.message());
    }
    [[maybe_unused]] const int ignored = chown(temporary.c_str(), info.st_uid, info.st_gid);
  }
  if (rename(temporary.c_str(), backup.c_str()) != 0) {
    const int rename_error = errno;
    unlink(temporary.c_str());
    return fail(std::strerror(rename_error));
  }
  return true;
}

}  // namespace

mode_t permission_bits(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return 0600;
  return info.st_mode & 07777;
}

PendingFile pending_file(std::string path, std::string content, const std::string& source) {
  PendingFile file{std::move(path), std::move(content), 0600, kKeepOwner, kKeepGroup, {}};
  struct stat info {};
  if (stat(source.c_str(), &info) == 0) {
    file.mode = info.st_mode & 07777;
    file.owner = info.st_uid;
    file.group = info.st_gid;
  }
  return file;
}

bool write_all(const std::vector<PendingFile>& files, const std::vector<std::string>& inputs,
               Diagnostics& diagnostics) {
  std::set<std::string> input_identities;
  std::set<std::pair<dev_t, ino_t>> input_inodes;
  for (const auto& input : inputs) {
    input_identities.insert(identity(input));
    if (const auto inode = inode_of(input)) input_inodes.insert(*inode);
  }
  auto is_input = [&](const std::string& path) {
    const auto inode = inode_of(path);
    return input_identities.count(identity(path)) > 0 || (inode && input_inodes.count(*inode));
  };
  std::set<std::string> seen;
  for (const auto& file : files) {
    const auto id = identity(file.path);
    if (is_input(file.path)) {
      diagnostics.report(file.path, 0, Severity::error,
                         "output would overwrite an input file; choose another output name",
                         "output-is-input");
      return false;
    }
    std::error_code ec;
    if (fs::exists(file.path, ec) && is_input(file.path + ".bak")) {
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
