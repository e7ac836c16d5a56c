#include "convert/target_fit.h"

#include <map>

#include <fmt/format.h>

#include "pjsip/schema.h"
#include "pjsip/validate.h"
#include "util/parallel.h"

namespace sip2pjsip::convert {

namespace {

// The findings about one option value, judged on its own.
std::vector<pjsip::ValidationFinding> findings_for(const pjsip::Object& object,
                                                   const pjsip::Option& option,
                                                   const pjsip::Schema& schema) {
  // A store of its own: the cores judge objects of one Config side by side.
  pjsip::Store store;
  pjsip::Object alone{object.name, object.type, object.origin, &store};
  alone.add(option);
  std::vector<pjsip::ValidationFinding> out;
  for (auto& finding : pjsip::validate(alone, schema)) {
    if (finding.option == option.name && finding.severity == Severity::error) {
      out.push_back(std::move(finding));
    }
  }
  return out;
}

// An option the branch would reject, with the first reason.
struct Rejected {
  std::size_t option;  // index into the object's options
  pjsip::ValidationFinding finding;
};

// The options of the object the branch would reject; none for most objects.
std::vector<Rejected> rejected_options(const pjsip::Object& object, const pjsip::Schema& schema) {
  std::vector<Rejected> rejected;
  bool suspicious = false;
  for (const auto& finding : pjsip::validate(object, schema)) {
    if (finding.severity == Severity::error && !finding.option.empty()) suspicious = true;
  }
  if (!suspicious) return rejected;
  const auto options = object.options();
  for (std::size_t i = 0; i < options.size(); ++i) {
    auto findings = findings_for(object, options[i], schema);
    if (!findings.empty()) rejected.push_back(Rejected{i, std::move(findings.front())});
  }
  return rejected;
}

}  // namespace

void fit_to_target(Conversion& conversion, const config::Document& document, int branch,
                   Diagnostics& diagnostics) {
  const auto& schema = pjsip::schema_for(branch);
  auto& objects = conversion.config.objects;
  // Validating is the costly part, and each object's verdict is its own: the cores work the
  // verdicts out first (each part lists its objects with rejected options, in order), then the
  // objects are changed and the lines reported in object order.
  using Verdicts = std::vector<std::pair<std::size_t, std::vector<Rejected>>>;
  const auto parts = part_count(objects.size());
  std::vector<Verdicts> verdicts(parts);
  for_each_part(objects.size(), parts, [&](std::size_t part, std::size_t begin, std::size_t end) {
    for (auto i = begin; i < end; ++i) {
      auto rejected = rejected_options(objects[i], schema);
      if (!rejected.empty()) verdicts[part].emplace_back(i, std::move(rejected));
    }
  });

  // Options written without a sip.conf line (chan_sip defaults) are summarised per option.
  std::map<std::string, std::pair<std::string, int>> defaults_dropped;
  // (Nested loops rather than views::join, which clang 14 cannot compile with libstdc++ 12.)
  for (auto& part : verdicts) {
    // Not a structured binding: clang 14 cannot capture one in the lambda below.
    for (const auto& verdict : part) {
      auto& object = objects[verdict.first];
      const auto& rejected = verdict.second;
      for (const auto& [o, finding] : rejected) {
        const auto& option = object.options()[o];
        const auto& reason = finding.message;
        if (option.sources.empty()) {
          auto& entry = defaults_dropped[fmt::format("{} {}", object.type, option.name)];
          entry.first = reason;
          ++entry.second;
          continue;
        }
        for (const auto& where : option.sources) {
          conversion.ledger.revise(where, Outcome::not_converted,
                                   fmt::format("not written for Asterisk {}: {}", branch, reason),
                                   finding.code);
        }
        // Leaving out a deny opens the endpoint wider than chan_sip did: that needs a person.
        const bool opens_access = option.name == "deny" || option.name == "contact_deny";
        diagnostics.report(document.path_of(option.sources.front()), option.sources.front().line,
                           opens_access ? Severity::error : Severity::warning,
                           fmt::format("{}={} not written for Asterisk {}: {}{}", option.name,
                                       option.value, branch, reason,
                                       opens_access ? "; the endpoint now lets in more addresses "
                                                      "than chan_sip did: fix the address"
                                                    : ""),
                           "target-unsupported");
      }
      auto next = rejected.begin();  // in option order
      object.remove_options([&](std::size_t o, const pjsip::Option&) {
        if (next == rejected.end() || next->option != o) return false;
        ++next;
        return true;
      });
    }
  }
  for (const auto& [option, entry] : defaults_dropped) {
    diagnostics.report(document.files.front().path, 0, Severity::note,
                       fmt::format("{} not written on {} object(s) for Asterisk {}: {}", option,
                                   entry.second, branch, entry.first),
                       "target-unsupported");
  }
}

}  // namespace sip2pjsip::convert
