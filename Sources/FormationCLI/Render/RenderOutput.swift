import Foundation

/// The files a render produces and what writing them would do to the output folder, worked out
/// in full before a byte is written.
///
/// Render owns only what it wrote. The folder's `.formation-manifest` (`OwnershipRecord`) names
/// those files; everything else in the folder is the user's and is never replaced or removed:
/// a folder holding files render did not write is refused outright, so `--out .` in a project
/// cannot touch `package.json`. A file render wrote but someone edited since is refused too,
/// unless `--force` says the edit may be replaced; it is never removed.
struct RenderOutput {
  /// The output folder as given (`generated`), used to print paths.
  var directory: String
  /// Every file the render produces, by name inside the folder, in the order to report them.
  var files: [(name: String, bytes: [UInt8])]
  /// A render of chosen stacks: files of other stacks stay and stay owned.
  var isPartial: Bool
  /// Replace files render wrote that were edited since.
  var replacesEditedFiles = false

  /// What is in the folder now, as far as this render is concerned.
  private struct Survey {
    var record: OwnershipRecord?
    /// Names of the entries other than the record, sorted.
    var entries: [String] = []
    /// Bytes of the regular files among them.
    var contents: [String: [UInt8]] = [:]
  }

  /// The plan: each produced file's fate, the owned files to remove, and what stops the render.
  private struct Plan {
    var changed: [String] = []
    /// Changed files that do not exist yet.
    var missing: [String] = []
    var removed: [String] = []
    var record = OwnershipRecord()
    var recordChanged = false
    /// One line each, `path: why`.
    var conflicts: [String] = []
  }

  /// Names every produced file that differs from the folder, and every file that stops a render.
  func check() -> CommandResult {
    let plan: Plan
    do { plan = try makePlan() } catch { return error.result }
    var problems = plan.changed.map { name in
      "\(path(name)): \(plan.missing.contains(name) ? "missing" : "stale")"
    }
    if plan.recordChanged { problems.append("\(path(OwnershipRecord.fileName)): stale") }
    problems += plan.removed.map { "\(path($0)): not produced by any stack" }
    problems += plan.conflicts
    let count = files.count + 1
    if problems.isEmpty {
      return CommandResult(standardError: "\(count) files are current\n", exitCode: 0)
    }
    return CommandResult(
      standardError: problems.joined(separator: "\n")
        + "\ngenerated files are out of date: run `swift run render` and commit the result\n",
      exitCode: 1)
  }

  /// Writes every changed file atomically, removes owned files no stack produces any more, and
  /// records what it wrote; refuses (exit 2, nothing written) when the folder holds files that
  /// are not render's own.
  func write() -> CommandResult {
    let plan: Plan
    do { plan = try makePlan() } catch { return error.result }
    if !plan.conflicts.isEmpty {
      return CommandResult(
        standardError: plan.conflicts.map { "error: \($0)\n" }.joined()
          + "nothing was written: render replaces only files it wrote itself\n",
        exitCode: 2)
    }
    var report: [String] = []
    do { try Self.makeFolder(directory) } catch { return error.result }
    for (name, bytes) in files {
      if plan.changed.contains(name) {
        do { try AtomicFile.write(bytes, to: path(name)) } catch {
          return Self.failure(error.description, after: report)
        }
        report.append("wrote     \(path(name))")
      } else {
        report.append("unchanged \(path(name))")
      }
    }
    for name in plan.removed {
      guard unlink(path(name)) == 0 || errno == ENOENT else {
        return Self.failure(
          "cannot remove \(path(name)): \(String(cString: strerror(errno)))", after: report)
      }
      report.append("removed   \(path(name))")
    }
    if plan.recordChanged {
      do { try AtomicFile.write(plan.record.text, to: path(OwnershipRecord.fileName)) } catch {
        return Self.failure(error.description, after: report)
      }
    }
    return CommandResult(standardOutput: report.map { $0 + "\n" }.joined(), exitCode: 0)
  }

  private func path(_ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  private func foreign(_ name: String) -> String {
    "\(path(name)): render did not write this; it writes only into a folder of its own (move the file, or choose another --out)"
  }

  private func makePlan() throws(RenderOutputError) -> Plan {
    let survey = try takeSurvey()
    let old = survey.record ?? OwnershipRecord()
    var plan = Plan()
    if isPartial { plan.record = old }
    let produced = Set(files.map(\.name))
    for (name, bytes) in files {
      plan.record.record(name, bytes: bytes)
      guard let existing = survey.contents[name] else {
        if survey.entries.contains(name) {
          plan.conflicts.append("\(path(name)): is not a regular file; render writes a file there")
        } else {
          plan.changed.append(name)
          plan.missing.append(name)
        }
        continue
      }
      if existing == bytes {
        continue
      } else if !old.owns(name) {
        plan.conflicts.append(foreign(name))
      } else if !old.matches(name, existing) && !replacesEditedFiles {
        plan.conflicts.append(
          "\(path(name)): edited since render wrote it; move the change into the blueprints, or pass --force to replace it"
        )
      } else {
        plan.changed.append(name)
      }
    }
    for name in survey.entries where !produced.contains(name) {
      if old.owns(name) {
        if isPartial { continue }
        if let existing = survey.contents[name], old.matches(name, existing) {
          plan.removed.append(name)
          plan.record.forget(name)
        } else {
          plan.conflicts.append(
            "\(path(name)): no stack produces it any more, but it was edited since render wrote it; delete it yourself if the edit is not needed"
          )
        }
      } else if !name.hasPrefix(".") {
        plan.conflicts.append(foreign(name))
      }
    }
    if isPartial {
      for name in old.names where !produced.contains(name) && !survey.entries.contains(name) {
        plan.record.forget(name)
      }
    }
    plan.recordChanged = survey.record != plan.record
    return plan
  }

  private func takeSurvey() throws(RenderOutputError) -> Survey {
    var survey = Survey()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      return survey
    }
    guard isDirectory.boolValue else {
      throw RenderOutputError("\(directory) is not a folder; pass a folder to --out")
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    } catch {
      throw RenderOutputError("cannot list the files of \(directory)")
    }
    for name in names {
      var isFolder: ObjCBool = false
      let full = path(name)
      if name == OwnershipRecord.fileName {
        guard let bytes = FileManager.default.contents(atPath: full) else {
          throw RenderOutputError("cannot read \(full)")
        }
        survey.record = try OwnershipRecord(text: String(decoding: bytes, as: UTF8.self), path: full)
        continue
      }
      survey.entries.append(name)
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
        Self.isRegularFile(full)
      else { continue }
      guard let bytes = FileManager.default.contents(atPath: full) else {
        throw RenderOutputError("cannot read \(full): permission denied or unreadable")
      }
      survey.contents[name] = Array(bytes)
    }
    return survey
  }

  private static func isRegularFile(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
  }

  private static func failure(_ message: String, after report: [String]) -> CommandResult {
    CommandResult(
      standardOutput: report.map { $0 + "\n" }.joined(), standardError: "error: \(message)\n",
      exitCode: 2)
  }

  /// `mkdir -p`, with the system's reason on failure (Foundation's error reads as a paragraph).
  private static func makeFolder(_ path: String) throws(RenderOutputError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o777) != 0 && errno != EEXIST {
        throw RenderOutputError(
          "cannot create \(prefix): \(String(cString: strerror(errno)))")
      }
      prefix += "/"
    }
  }
}

/// Render's output folder cannot be read or written: one line, exit status 2.
struct RenderOutputError: Error, CustomStringConvertible {
  var message: String
  init(_ message: String) { self.message = message }
  var description: String { "error: \(message)" }
  var result: CommandResult { CommandResult(standardError: description + "\n", exitCode: 2) }
}
