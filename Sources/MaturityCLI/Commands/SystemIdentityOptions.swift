import ArgumentParser
import MaturityModel
import MaturityStore

/// `--rename-system` and `--system-id`: which system a new assessment belongs to, chosen deliberately.
struct SystemIdentityOptions: ParsableArguments {
    @Option(name: .customLong("rename-system"), help: ArgumentHelp(
        "Rename the known system named by --system to this name, from this assessment on; the rename "
            + "(from, to, date) is recorded in the assessment.", valueName: "new-name"))
    var renameSystem: String?

    @Option(name: .customLong("system-id"), help: ArgumentHelp(
        "The system's stable identity, as 'maturity list --format json' shows it: the assessment joins that "
            + "system (keeping its name), or, if no system has it, starts a new system with it.", valueName: "id"))
    var systemID: String?

    /// The system a new assessment of `typed` belongs to, given the known systems, and a note for the
    /// user when it is not simply the system typed.
    func choice(typed: String, systems: SystemDirectory) throws(CommandFailure) -> (choice: SystemChoice, note: String?) {
        try Self.choice(typed: typed, renameTo: renameSystem, systemID: systemID, systems: systems)
    }

    /// ``choice(typed:systems:)`` with the options' values given.
    static func choice(typed: String, renameTo renameSystem: String?, systemID: String?, systems: SystemDirectory)
        throws(CommandFailure) -> (choice: SystemChoice, note: String?) {
        let newName = try renameSystem.map { text throws(CommandFailure) in try TextInput.name(text, field: "--rename-system") }
        var known: KnownSystem?
        if let systemID {
            guard Slug.identity(for: systemID) == systemID else {
                throw CommandFailure("maturity: --system-id '\(systemID)' is not an identity (lowercase letters and digits "
                    + "in words joined by single hyphens, e.g. ynys-mon-and-gwynedd-ics)")
            }
            known = systems.system(id: systemID)
            if known == nil, newName == nil { return (.new(id: systemID, name: typed), nil) }
        } else {
            known = systems.match(typed)
        }
        guard let known else {
            if newName != nil {
                throw CommandFailure("maturity: --rename-system: no known system is called '\(typed)'"
                    + (systemID.map { " or has the identity '\($0)'" } ?? "") + ", so there is nothing to rename")
            }
            return (systems.choice(for: typed), nil)
        }
        if let newName {
            do {
                let choice = try systems.renaming(known, to: newName)
                if case .known = choice { return (choice, "note: '\(inert: newName)' is already the name of \(inert: known.id)") }
                return (choice, "note: \(inert: known.name) is renamed \(inert: newName) from this assessment on; the rename is recorded in it")
            } catch {
                throw CommandFailure("maturity: --rename-system: '\(inert: newName)' is the name of another known system, "
                    + "\(inert: error.other.name) (\(inert: error.other.id))")
            }
        }
        let note = known.name == typed ? nil
            : "note: '\(inert: typed)' is the known system '\(inert: known.name)' (\(inert: known.id)); the assessment keeps that name "
                + "(to rename the system, add --rename-system NEW-NAME)"
        return (.known(known), note)
    }
}

extension AssessmentStore {
    /// The known systems among the assessments that may be `system`'s (or have identity `systemID`), and
    /// those that may be called `newName` (so that a rename to another system's name is noticed).
    /// Only what the directory needs of each file is kept, never the assessments themselves.
    func systems(named system: String?, systemID: String? = nil, renamingTo newName: String? = nil)
        throws(CommandFailure) -> SystemDirectory {
        let member: @Sendable (Entry) -> SystemDirectory.Member = { SystemDirectory.Member($0.assessment, file: $0.url.lastPathComponent) }
        var members: [SystemDirectory.Member]
        do {
            members = try scan(system: system, systemID: systemID, member).results.map(\.value)
            if let newName {
                let seen = Set(members.map(\.file))
                members += try scan(system: newName, member).results.map(\.value).filter { !seen.contains($0.file) }
            }
        } catch {
            throw CommandFailure("maturity: \(error.message)")
        }
        return SystemDirectory(members)
    }
}
