import ArgumentParser
import BuiltInFrameworks
import CellGrid
import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityStore

/// `--store DIR`, on every command that reads or writes assessments.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The folder of assessment files.",
        discussion: "Default: $MATURITY_STORE, else $XDG_DATA_HOME/maturity/assessments, else ~/.local/share/maturity/assessments.",
        valueName: "dir"))
    var store: String?

    /// The store the user means.
    var assessmentStore: AssessmentStore {
        let environment = ProcessEnvironment.variables
        let cache = AssessmentStore.defaultCache(environment: environment)
        if let store, !store.isEmpty { return AssessmentStore(folder: URL(fileURLWithPath: store, isDirectory: true), cache: cache) }
        return AssessmentStore(folder: AssessmentStore.defaultFolder(environment: environment), cache: cache)
    }

    /// The store of the assessment at `file`: the folder it is in, unless `--store` names another. (An
    /// explicit flag wins; `MATURITY_STORE` does not, as it only says where names without a folder are found.)
    func store(of file: URL) -> AssessmentStore {
        if let store, !store.isEmpty { return assessmentStore }
        return AssessmentStore(folder: file.deletingLastPathComponent(),
                               cache: AssessmentStore.defaultCache(environment: ProcessEnvironment.variables))
    }
}

/// Output formats shared by the commands that print a result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

extension FrameworkCatalog {
    /// The built-in frameworks and the user's folder, as the process environment names it.
    static func forUser() -> FrameworkCatalog {
        FrameworkCatalog(userFolder: userFolder(environment: ProcessEnvironment.variables))
    }

    /// ``forUser()`` with the copies `store` keeps in its `frameworks/` folder added (issue 16), so that a
    /// store carried to another machine offers the frameworks its assessments use.
    static func forUser(store: AssessmentStore) -> FrameworkCatalog {
        var catalog = forUser()
        catalog.addStoreCopies(store.frameworks.all().frameworks)
        return catalog
    }

    /// The framework an assessment was answered against, checked against its answers.
    func framework(for assessment: Assessment, file: String) throws(CommandFailure) -> Framework {
        let framework = try answered(assessment.framework, file: file)
        try Self.refuse(AssessmentCheck.problems(assessment, framework: framework), file: file)
        return framework
    }

    /// Fails with `problems` of the assessment in `file` (see ``AssessmentCheck``), one line each, if there are any.
    static func refuse(_ problems: [String], file: @autoclosure () -> String) throws(CommandFailure) {
        guard !problems.isEmpty else { return }
        let file = file()
        throw CommandFailure(problems.map { "maturity: \(inert: file): \($0)" }.joined(separator: "\n"))
    }

    /// As ``framework(for:file:)``, with a note on standard error when the versions differ.
    func frameworkNotingVersion(for assessment: Assessment, file: String) throws(CommandFailure) -> Framework {
        let framework = try framework(for: assessment, file: file)
        if assessment.framework.version != framework.version {
            Terminal.error("note: \(inert: file) was answered against version \(inert: assessment.framework.version) of \(framework.id); "
                + "shown with version \(framework.version) (answers to criteria it lacks are kept but not placed)")
        }
        return framework
    }
}

/// Encodes `value` as pretty JSON with sorted keys; every control and bidirectional override is
/// written as a `\uXXXX` escape (``TerminalText/jsonEscaped(_:)``).
func jsonText(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return TerminalText.jsonEscaped(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Word-wraps `text` to `width` terminal columns (``TextFit/paragraph(_:width:first:rest:splittingLongWords:)``):
/// its line breaks and runs of spaces fold into single spaces, the first line starts with `indent`, later
/// ones with `continuation` (the same indent unless given), and a word longer than a line stays whole.
func wrapped(_ text: String, width: Int = 78, indent: String = "", continuation: String? = nil) -> String {
    let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard !folded.isEmpty else { return "" }
    return TextFit.paragraph(folded, width: width, first: indent, rest: continuation ?? indent, splittingLongWords: false)
        .joined(separator: "\n")
}
