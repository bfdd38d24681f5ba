// projectd_make_dataset: builds the benchmark data set of issue 5 through the Store, not HTTP.
//
// At --scale 1 (the default): 1,000 projects, 100,000 tasks, 300,000 subtasks, 200,000 files,
// 150,000 attachments and 50 users; every other figure scales with the number of projects
// (100 tasks, 3 subtasks per task, 200 files, 150 attachments and 5 milestones per project), while
// the 50 users and the few hundred distinct file contents stay fixed.
//
//   projectd_make_dataset --data DIR [--store URL] [--scale F] [--password P] [--seed N]
//
// DIR must not hold a store yet. Besides the store (DIR/projectd.db, or --store: an empty
// PostgreSQL database for bench/postgres.sh) and the contents (DIR/blobs)
// it writes, for bench/run.sh:
//   DIR/bench.env          shell variables: who to sign in as, which task to GET, the counts
//   DIR/attach_pairs.txt   "task file" pairs the sign-in user may attach (none attached yet)
//   DIR/tasks.txt          one task id a line: every task the sign-in user may read (the tasks
//                          of the public projects), for the random GETs of bench/random_task.lua
//
// Shape, so answers look like a real portal's: every project has its documents folder holding
// its 200 files (one version each, sharing the distinct contents), a team of six or seven, five
// milestones; one in ten projects is private and one in twenty closed. Every task has two
// responsibles and three subtasks; every even-numbered task of a project has three of the
// project's files attached (with the attach audit records), the odd-numbered ones none. The user
// to sign in as (user01, not an administrator) manages every fourth project.
#include "auth/password_hasher.h"
#include "blob/blob_store.h"
#include "domain/people/people_service.h"
#include "store/store.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace projectd {
namespace {

constexpr int kUsers = 50;
constexpr int kTasksPerProject = 100;
constexpr int kSubtasksPerTask = 3;
constexpr int kFilesPerProject = 200;
constexpr int kAttachedFilesPerTask = 3;  // on even-numbered tasks: 150 per project
constexpr int kMilestonesPerProject = 5;
constexpr int kTeamSize = 6;
constexpr int kContents = 300;
constexpr int kProjectsPerWrite = 10;  // one transaction (one fsync) per this many projects
constexpr int kBenchUser = 1;          // user01: signs in for the benchmarks

constexpr const char* kWords[] = {
    "review",   "release",   "customer", "invoice",  "budget",   "design",   "report",
    "contract", "migration", "server",   "backup",   "schedule", "meeting",  "sprint",
    "roadmap",  "feedback",  "update",   "document", "template", "approval", "quarterly",
    "summary",  "analysis",  "pipeline", "security", "audit",    "training", "support",
    "ticket",   "estimate",  "proposal", "campaign", "launch",   "vendor",   "license",
    "renewal",  "hardware",  "network",  "office",   "printer",  "website",  "content",
    "mobile",   "checkout",  "payment",  "warranty", "shipping", "onboard",  "handover",
    "minutes",  "draft",     "final",    "spec",     "prototype"};
constexpr const char* kExtensions[] = {".docx", ".xlsx", ".pptx", ".pdf", ".png", ".txt"};

struct Options {
  std::string data_dir;
  std::string store_url;  // empty: sqlite:DIR/projectd.db
  double scale = 1.0;
  std::string password = "bench-password-1";
  std::uint64_t seed = 5;
};

class Words {
 public:
  explicit Words(std::uint64_t seed) : rng_(seed) {}
  std::string word() { return kWords[rng_() % (sizeof(kWords) / sizeof(kWords[0]))]; }
  std::string phrase(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
      if (i) out += ' ';
      out += word();
    }
    return out;
  }
  int below(int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }

 private:
  std::mt19937_64 rng_;
};

Timestamp days_ago(Timestamp now, double days) {
  return now - std::chrono::duration_cast<Ticks>(std::chrono::duration<double>(days * 86400.0));
}

struct Users {
  std::vector<std::string> ids;  // index 0: the administrator
};

Users make_users(Store& store, const Options& options) {
  PasswordHasher hasher(2);
  PeopleService people(store, hasher);
  Users users;
  Words words(options.seed);
  for (int i = 0; i < kUsers; ++i) {
    NewUser user;
    char number[16];
    std::snprintf(number, sizeof number, "%02d", i);
    user.email = i == 0 ? std::string("admin@bench.example")
                        : "user" + std::string(number) + "@bench.example";
    user.first_name = "Bench" + std::to_string(i);
    user.last_name = words.word();
    user.last_name[0] = static_cast<char>(user.last_name[0] - 'a' + 'A');
    user.title = i == 0 ? "Administrator" : words.phrase(2);
    user.password = options.password;
    user.is_admin = i == 0;
    users.ids.push_back(people.add_user(user).id);
  }
  return users;
}

struct Content {
  BlobRef ref;
};

std::vector<Content> make_contents(const std::filesystem::path& blobs_dir, const Options& options) {
  BlobStore blobs(blobs_dir);
  Words words(options.seed + 1);
  std::vector<Content> out;
  for (int i = 0; i < kContents; ++i) {
    std::string bytes = "content " + std::to_string(i) + "\n";
    const std::size_t size = 512 + static_cast<std::size_t>(words.below(16 * 1024));
    while (bytes.size() < size)
      bytes += words.phrase(12) + '\n';
    bytes.resize(size);
    out.push_back(Content{blobs.put(bytes).ref});
  }
  return out;
}

struct Manifest {
  std::int64_t bench_task = 0;     // an open task with 3 files, 3 subtasks, 2 responsibles
  std::int64_t bench_project = 0;  // its project
  std::vector<std::pair<std::int64_t, std::int64_t>> pairs;  // task, file: attachable
  std::vector<std::int64_t> readable_tasks;                  // every task of a public project
  std::int64_t projects = 0, tasks = 0, subtasks = 0, files = 0, attachments = 0, milestones = 0;
};

// One project with everything in it; runs inside a write.
void make_project(StoreTx& tx, int p, const Users& users, const std::vector<Content>& contents,
                  Timestamp now, Words& words, Manifest& manifest) {
  const auto user = [&](int i) -> const std::string& {
    return users.ids[static_cast<std::size_t>(i)];
  };
  // Team: six non-administrators spread over the 49; the first one manages the project.
  std::vector<int> team;
  for (int j = 0; j < kTeamSize; ++j)
    team.push_back(1 + (p * 7 + j * 5) % (kUsers - 1));
  // The bench user manages every fourth project, so it may attach and detach files on all of
  // its tasks (a plain member may only on tasks it created or is responsible for).
  const bool bench_manages = p % 4 == 0;
  if (bench_manages) {
    std::erase(team, kBenchUser);
    team.insert(team.begin(), kBenchUser);
  }
  const std::string& manager = user(team[0]);

  const Timestamp created = days_ago(now, 730.0 - p * 0.5);
  ProjectRecord project;
  project.title = "Project " + std::to_string(p + 1) + ": " + words.phrase(3);
  project.description = words.phrase(12);
  project.status = p % 20 == 19 ? ProjectStatus::kClosed : ProjectStatus::kOpen;
  project.responsible_id = manager;
  project.is_private = p % 10 == 9;
  project.created = project.updated = created;
  project.created_by = project.updated_by = user(0);
  project.id = tx.projects().insert(project);

  // The documents folder, as ProjectService::create makes it.
  FolderRecord folder;
  folder.kind = static_cast<int>(FolderKind::kProject);
  folder.project_id = project.id;
  folder.title = project.title;
  folder.created = folder.updated = created;
  folder.created_by = folder.updated_by = user(0);
  project.folder_id = tx.folders().insert(folder);
  tx.projects().update(project);
  for (int member : team)
    tx.projects().put_member(project.id, TeamMember{user(member), 0});
  std::vector<std::string> tags = {words.word(), words.word()};
  if (tags[0] == tags[1]) tags.pop_back();
  tx.projects().set_tags(project.id, tags);
  ++manifest.projects;

  std::vector<std::int64_t> milestones;
  for (int m = 0; m < kMilestonesPerProject; ++m) {
    MilestoneRecord milestone;
    milestone.project_id = project.id;
    milestone.title = "Milestone " + std::to_string(m + 1) + ": " + words.phrase(2);
    milestone.description = words.phrase(10);
    milestone.deadline = days_ago(now, 300.0 - p * 0.3 - m * 30.0);
    milestone.responsible_id = user(team[static_cast<std::size_t>(m) % team.size()]);
    milestone.created = milestone.updated = created;
    milestone.created_by = milestone.updated_by = manager;
    milestones.push_back(tx.milestones().insert(milestone));
    ++manifest.milestones;
  }

  std::vector<FileRecord> files;
  for (int f = 0; f < kFilesPerProject; ++f) {
    const Content& content = contents[static_cast<std::size_t>(p * 31 + f) % contents.size()];
    const std::string& author = user(team[static_cast<std::size_t>(f) % team.size()]);
    FileRecord file;
    file.folder_id = *project.folder_id;
    file.title = words.word() + " " + words.word() + " " + std::to_string(f + 1) +
                 kExtensions[f % (sizeof(kExtensions) / sizeof(kExtensions[0]))];
    file.created = file.updated =
        created + std::chrono::duration_cast<Ticks>(std::chrono::hours(f));
    file.created_by = file.updated_by = author;
    file.version.version = 1;
    file.version.sha256 = content.ref.sha256;
    file.version.size = static_cast<std::int64_t>(content.ref.size);
    file.version.comment = "Uploaded";
    file.version.created = file.created;
    file.version.created_by = author;
    file.id = tx.files().insert(file);
    files.push_back(std::move(file));
    ++manifest.files;
  }

  for (int k = 0; k < kTasksPerProject; ++k) {
    const Timestamp task_created =
        created + std::chrono::duration_cast<Ticks>(std::chrono::hours(2 * k + 1));
    const bool closed = k % 10 < 3;
    TaskRecord task;
    task.project_id = project.id;
    if (k % 3 != 0) task.milestone_id = milestones[static_cast<std::size_t>(k) % milestones.size()];
    task.title = "Task " + std::to_string(k + 1) + ": " + words.phrase(5);
    task.description = words.phrase(8 + words.below(16));
    task.priority = static_cast<TaskPriority>(k % 3 - 1);
    task.status = closed ? TaskStatus::kClosed : TaskStatus::kOpen;
    if (k % 4 != 0) {
      task.start_date = task_created;
      task.deadline = task_created + std::chrono::duration_cast<Ticks>(std::chrono::days(14 + k));
    }
    task.progress = closed ? 100 : (k * 7) % 100;
    task.created = task.updated = task_created;
    task.created_by = task.updated_by = manager;
    task.responsibles = {user(team[static_cast<std::size_t>(k) % team.size()]),
                         user(team[static_cast<std::size_t>(k + 1) % team.size()])};
    if (task.responsibles[0] == task.responsibles[1]) task.responsibles.pop_back();
    task.id = tx.tasks().insert(task);
    ++manifest.tasks;
    // Anyone signed in reads the tasks of a public project (open or closed); the private ones
    // are left out, so every random GET is answered 200.
    if (!project.is_private) manifest.readable_tasks.push_back(task.id);

    for (int s = 0; s < kSubtasksPerTask; ++s) {
      SubtaskRecord subtask;
      subtask.task_id = task.id;
      subtask.title = "Subtask " + std::to_string(s + 1) + ": " + words.phrase(4);
      subtask.status = closed || s == 0 ? TaskStatus::kClosed : TaskStatus::kOpen;
      subtask.responsible_id = user(team[static_cast<std::size_t>(k + s) % team.size()]);
      subtask.created = subtask.updated = task_created;
      subtask.created_by = subtask.updated_by = manager;
      tx.tasks().insert_subtask(subtask);
      ++manifest.subtasks;
    }

    if (k % 2 == 0) {
      for (int a = 0; a < kAttachedFilesPerTask; ++a) {
        const FileRecord& file = files[static_cast<std::size_t>(k / 2 * kAttachedFilesPerTask + a)];
        const Timestamp at =
            task_created + std::chrono::duration_cast<Ticks>(std::chrono::hours(1));
        tx.attachments().attach(AttachmentRecord{EntityKind::kTask, task.id, file.id, at, manager});
        tx.attachments().add_audit(AttachmentAuditRecord{0, EntityKind::kTask, task.id, file.id,
                                                         file.title, AttachmentAction::kAttach, "",
                                                         manager, at});
        ++manifest.attachments;
      }
      if (bench_manages && !closed && manifest.bench_task == 0 && project.is_private == false &&
          project.status == ProjectStatus::kOpen && k >= 4) {
        manifest.bench_task = task.id;
        manifest.bench_project = project.id;
      }
    } else if (bench_manages && !closed && project.status == ProjectStatus::kOpen) {
      // Files 150..199 are attached to nothing: each odd open task gets its own one.
      const FileRecord& file = files[static_cast<std::size_t>(150 + (k / 2) % 50)];
      manifest.pairs.emplace_back(task.id, file.id);
    }
  }
}

void write_outputs(const std::filesystem::path& dir, const Options& options,
                   const Manifest& manifest) {
  std::ofstream env(dir / "bench.env");
  env << "# Written by projectd_make_dataset; sourced by bench/run.sh.\n"
      << "BENCH_EMAIL=user01@bench.example\n"
      << "BENCH_ADMIN_EMAIL=admin@bench.example\n"
      << "BENCH_PASSWORD='" << options.password << "'\n"
      << "BENCH_TASK_ID=" << manifest.bench_task << "\n"
      << "BENCH_PROJECT_ID=" << manifest.bench_project << "\n"
      << "BENCH_PROJECTS=" << manifest.projects << "\n"
      << "BENCH_TASKS=" << manifest.tasks << "\n"
      << "BENCH_READABLE_TASKS=" << manifest.readable_tasks.size() << "\n"
      << "BENCH_SUBTASKS=" << manifest.subtasks << "\n"
      << "BENCH_FILES=" << manifest.files << "\n"
      << "BENCH_ATTACHMENTS=" << manifest.attachments << "\n"
      << "BENCH_MILESTONES=" << manifest.milestones << "\n"
      << "BENCH_USERS=" << kUsers << "\n";
  std::ofstream pairs(dir / "attach_pairs.txt");
  for (const auto& [task, file] : manifest.pairs)
    pairs << task << ' ' << file << '\n';
  std::ofstream tasks(dir / "tasks.txt");
  for (const std::int64_t task : manifest.readable_tasks)
    tasks << task << '\n';
  if (!env || !pairs || !tasks)
    throw std::runtime_error("cannot write the manifest into " + dir.string());
}

int run(const Options& options) {
  const std::filesystem::path dir(options.data_dir);
  if (std::filesystem::exists(dir / "projectd.db"))
    throw std::runtime_error(dir.string() + " already holds a store; give an empty directory");
  std::filesystem::create_directories(dir);
  const auto started = std::chrono::steady_clock::now();
  const auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };

  const std::string url =
      options.store_url.empty() ? "sqlite:" + (dir / "projectd.db").string() : options.store_url;
  auto store = open_store(StoreOptions{.url = url}, true);
  const Users users = make_users(*store, options);
  std::fprintf(stderr, "%6.1fs  %d users\n", seconds(), kUsers);
  const std::vector<Content> contents = make_contents(dir / "blobs", options);
  std::fprintf(stderr, "%6.1fs  %d distinct file contents\n", seconds(), kContents);

  const int projects = std::max(1, static_cast<int>(std::lround(1000 * options.scale)));
  const Timestamp now = now_utc();
  Words words(options.seed + 2);
  Manifest manifest;
  for (int first = 0; first < projects; first += kProjectsPerWrite) {
    const int last = std::min(projects, first + kProjectsPerWrite);
    // One writer, so no write here ever loses a race and runs twice (PostgreSQL runs a write
    // again after one, and the manifest would then hold its pairs twice).
    store->write([&](StoreTx& tx) {
      for (int p = first; p < last; ++p)
        make_project(tx, p, users, contents, now, words, manifest);
    });
    if (last % 100 == 0 || last == projects)
      std::fprintf(stderr, "%6.1fs  %d projects\n", seconds(), last);
  }
  store->close();
  write_outputs(dir, options, manifest);
  std::fprintf(stderr,
               "%6.1fs  done: %lld projects, %lld milestones, %lld tasks, %lld subtasks, %lld "
               "files, %lld attachments, %d users\n",
               seconds(), static_cast<long long>(manifest.projects),
               static_cast<long long>(manifest.milestones), static_cast<long long>(manifest.tasks),
               static_cast<long long>(manifest.subtasks), static_cast<long long>(manifest.files),
               static_cast<long long>(manifest.attachments), kUsers);
  return 0;
}

}  // namespace
}  // namespace projectd

int main(int argc, char** argv) {
  CLI::App app{"Builds the projectd benchmark data set through the store"};
  projectd::Options options;
  app.add_option("--data", options.data_dir, "Empty data directory to fill")->required();
  app.add_option("--store", options.store_url, "Store URL (default sqlite:DATA/projectd.db)");
  app.add_option("--scale", options.scale,
                 "1: 1,000 projects and 100,000 tasks; 0.01: 10 and 1,000")
      ->check(CLI::Range(0.0001, 100.0))
      ->capture_default_str();
  app.add_option("--password", options.password, "Every user's password")->capture_default_str();
  app.add_option("--seed", options.seed, "Seed of the generated text")->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    return projectd::run(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "projectd_make_dataset: %s\n", e.what());
    return 1;
  }
}
