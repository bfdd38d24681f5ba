#include "crash_test_support.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <random>
#include <thread>

namespace projectd::test {

namespace {

// One request of the mix, and what it means for the journal when it is acknowledged and when it
// gets no answer.
struct Step {
  std::string what;
  std::function<HttpResponse()> send;
  std::function<void(const HttpResponse&)> acknowledged;
  std::function<void()> unanswered;
};

std::int64_t id_of(const HttpResponse& res) {
  return res.json().at("response").at("id").as_int64();
}

}  // namespace

class CrashSuite::Client {
 public:
  Client(std::uint32_t seed, int number, std::int64_t project, std::int64_t folder)
      : rng_(seed * 1000 + number),
        prefix_("c" + std::to_string(number) + "-"),
        project_(project),
        folder_(folder),
        auth_(admin()) {}

  // Sends requests until one gets no answer; a refused one ends the run too (the test fails).
  Journal run() {
    for (;;) {
      Step step = next_step();
      HttpResponse res;
      try {
        res = step.send();
      } catch (const std::exception&) {
        step.unanswered();
        journal_.unanswered = step.what;
        return std::move(journal_);
      }
      try {
        if (res.status / 100 != 2)
          throw std::runtime_error("answered " + std::to_string(res.status));
        step.acknowledged(res);
        ++journal_.acknowledged;
      } catch (const std::exception& e) {
        journal_.refused.push_back(step.what + ": " + e.what() + ": " + res.body.substr(0, 300));
        return std::move(journal_);
      }
    }
  }

 private:
  enum Kind { kCreate, kUpdate, kUpload, kAttach, kDetach, kLink, kDelete };

  Step next_step() {
    std::vector<std::int64_t> live;
    for (const auto& [id, fate] : journal_.tasks)
      if (fate.exists == Presence::kPresent) live.push_back(id);
    std::vector<IdPair> attached;
    for (const auto& [pair, presence] : journal_.attachments)
      if (presence == Presence::kPresent &&
          journal_.tasks.at(pair.first).exists == Presence::kPresent)
        attached.push_back(pair);
    std::discrete_distribution<int> kind({3, 4, 5, 3, 2, 2, 1});
    switch (kind(rng_)) {
      case kUpdate:
        if (!live.empty()) return update(pick(live));
        break;
      case kUpload:
        return upload();
      case kAttach:
        if (!live.empty() && !journal_.files.empty()) return attach(pick(live), pick_file());
        break;
      case kDetach:
        if (!attached.empty()) return detach(pick(attached));
        break;
      case kLink:
        if (live.size() >= 2) {
          const std::int64_t parent = pick(live), dependent = pick(live);
          if (parent != dependent && !journal_.links.count({parent, dependent}) &&
              !journal_.links.count({dependent, parent}))
            return link(parent, dependent);
        }
        break;
      case kDelete:
        // Keep a few tasks to attach to and link.
        if (live.size() > 3) return remove(pick(live));
        break;
    }
    return create();
  }

  Step create() {
    const std::string title = name("task");
    return {"create task " + title,
            [=, this] {
              return call("POST", std::to_string(project_) + "/task", {{"title", title}}, auth_);
            },
            [=, this](const HttpResponse& res) { journal_.tasks[id_of(res)] = TaskFate{{title}}; },
            [] {}};
  }

  Step update(std::int64_t task) {
    const std::string title = name("title");
    return {"rename task " + std::to_string(task) + " to " + title,
            [=, this] {
              return call("PUT", task_path(task), {{"title", title}}, auth_);
            },
            [=, this](const HttpResponse&) { journal_.tasks[task].titles = {title}; },
            [=, this] { journal_.tasks[task].titles.push_back(title); }};
  }

  Step upload() {
    const auto bytes = std::make_shared<const std::string>(random_bytes());
    const std::string title = name("file") + ".bin";
    return {"upload " + title + " (" + std::to_string(bytes->size()) + " bytes)",
            [=, this] {
              return post_raw(std::to_string(folder_) + "/upload", *bytes,
                              raw_upload_headers(auth_, title));
            },
            [=, this](const HttpResponse& res) { journal_.files[id_of(res)] = sha256_hex(*bytes); },
            [] {}};
  }

  Step attach(std::int64_t task, std::int64_t file) {
    return {"attach file " + std::to_string(file) + " to task " + std::to_string(task),
            [=, this] {
              return call("POST", task_path(task, "/files"), {{"files", {file}}}, auth_);
            },
            marking(journal_.attachments, {task, file}, Presence::kPresent),
            [=, this] {
              journal_.attachments[{task, file}] = Presence::kUnknown;
            }};
  }

  Step detach(IdPair pair) {
    const auto [task, file] = pair;
    return {"detach file " + std::to_string(file) + " from task " + std::to_string(task),
            [=, this] {
              return call("DELETE", task_path(task, "/files"), {{"fileid", file}}, auth_);
            },
            marking(journal_.attachments, pair, Presence::kAbsent),
            [=, this] { journal_.attachments[pair] = Presence::kUnknown; }};
  }

  Step link(std::int64_t parent, std::int64_t dependent) {
    return {
        "link task " + std::to_string(parent) + " -> " + std::to_string(dependent),
        [=, this] {
          return call("POST", task_path(parent, "/link"), {{"dependenceTaskId", dependent}}, auth_);
        },
        marking(journal_.links, {parent, dependent}, Presence::kPresent),
        [=, this] {
          journal_.links[{parent, dependent}] = Presence::kUnknown;
        }};
  }

  Step remove(std::int64_t task) {
    return {"delete task " + std::to_string(task),
            [=, this] { return call("DELETE", task_path(task), nullptr, auth_); },
            [=, this](const HttpResponse&) { journal_.tasks[task].exists = Presence::kAbsent; },
            [=, this] { journal_.tasks[task].exists = Presence::kUnknown; }};
  }

  static std::function<void(const HttpResponse&)> marking(std::map<IdPair, Presence>& pairs,
                                                          IdPair pair, Presence presence) {
    return [&pairs, pair, presence](const HttpResponse&) { pairs[pair] = presence; };
  }

  // 4 KiB to 1 MiB, evenly spread in log scale: mostly small, and large ones often still
  // streaming when the kill comes.
  std::string random_bytes() {
    const auto size =
        static_cast<std::size_t>(std::exp2(std::uniform_real_distribution<double>(12, 20)(rng_)));
    std::string bytes(size, '\0');
    std::mt19937_64 fill(rng_());
    for (std::size_t at = 0; at < size; at += 8) {
      const std::uint64_t word = fill();
      std::memcpy(bytes.data() + at, &word, std::min<std::size_t>(8, size - at));
    }
    return bytes;
  }

  template <class T>
  T pick(const std::vector<T>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng_)];
  }
  std::int64_t pick_file() {
    auto it = journal_.files.begin();
    std::advance(it,
                 std::uniform_int_distribution<std::size_t>(0, journal_.files.size() - 1)(rng_));
    return it->first;
  }
  std::string name(const std::string& what) { return prefix_ + what + std::to_string(++names_); }

  std::mt19937 rng_;
  std::string prefix_;
  std::int64_t project_;
  std::int64_t folder_;
  Headers auth_;
  Journal journal_;
  int names_ = 0;
};

std::vector<Journal> CrashSuite::crash_under_load(std::uint32_t seed, int clients,
                                                  std::chrono::milliseconds kill_after) {
  const std::int64_t project = make_project();
  const std::int64_t folder = project_folder(project);
  std::vector<Journal> journals(clients);
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&journals, seed, i, project, folder] {
      journals[i] = Client(seed, i, project, folder).run();
    });
  }
  std::this_thread::sleep_for(kill_after);
  server_->kill_hard();
  for (auto& thread : threads)
    thread.join();
  // A report before the kill (a sanitizer error while serving) is still in the output.
  EXPECT_EQ(server_->output().find("Sanitizer"), std::string::npos) << server_->output();
  delete server_;
  delete admin_;
  server_ = nullptr;
  admin_ = nullptr;
  return journals;
}

}  // namespace projectd::test
