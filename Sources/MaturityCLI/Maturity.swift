import ArgumentParser
import FoundationEssentials
import Glibc
import MaturityModel
import MaturityFramework

/// The `maturity` command: an ICS board's self-assessment against a maturity framework.
@main
struct Maturity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maturity",
        abstract: "Assess an integrated care system against a maturity framework, and keep the results.",
        discussion: """
            Each assessment is saved as a dated JSON file in the store folder:
              $MATURITY_STORE, else $XDG_DATA_HOME/maturity/assessments,
              else ~/.local/share/maturity/assessments (or --store DIR).

            Examples:
              maturity                                   (the workshop)
              maturity frameworks
              maturity new --system "West Yorkshire ICS" --answers survey.csv
              maturity list
              maturity show 2026-11-22-west-yorkshire-ics.json
            """,
        version: "0.1.0",
        subcommands: [WorkshopCommand.self, ListCommand.self, ShowCommand.self, ExportCommand.self, ProgressCommand.self,
                      NewCommand.self, ReopenCommand.self, FrameworksCommand.self, CompareCommand.self, RollupCommand.self,
                      StoreCommand.self, SyncCommand.self, HistoryCommand.self],
        defaultSubcommand: WorkshopCommand.self
    )

    /// Runs the command; every failure is a clear message on standard error and exit status 1.
    static func main() {
        do {
            if var workshop = WorkshopFastPath.command(for: Array(CommandLine.arguments.dropFirst())) {
                try workshop.validate()
                try workshop.run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            if !failure.message.isEmpty { Terminal.error(failure.message) }
            Glibc.exit(1)
        } catch {
            if exitCode(for: error) == .success {
                Terminal.print(fullMessage(for: error))
                Glibc.exit(0)
            }
            let hint = Self.helpHint(arguments: Array(CommandLine.arguments.dropFirst()))
            Terminal.error("maturity: \(message(for: error)) (\(hint))")
            Glibc.exit(1)
        }
    }

    /// "see 'maturity new --help'" for the subcommand the user was typing.
    static func helpHint(arguments: [String]) -> String {
        var words = ["maturity"]
        var command: any ParsableCommand.Type = Maturity.self
        for argument in arguments {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            words.append(argument)
            command = sub
        }
        return "see '\(words.joined(separator: " ")) --help'"
    }
}

/// A failure already explained to the user; exits with status 1.
struct CommandFailure: Error {
    /// Printed on standard error as it is (each line complete), unless empty.
    var message: String

    /// A failure with its message.
    init(_ message: String) {
        self.message = message
    }
}

/// Writing to the terminal's standard streams: the only way the command prints. Text from files and
/// people reaches it inside messages and reports, so everything written is made inert on the way
/// (``TerminalText/inertKeepingLayout(_:)``): escapes, other controls and bidirectional overrides are
/// shown as `\u{1B}` and the like; line feeds, CR LF and tabs are kept. Values printed within one line
/// are made inert where the line is built, so that a line break inside a value cannot forge a line.
enum Terminal {
    /// Writes `text` and a newline to standard error.
    static func error(_ text: String) {
        StandardStream.write(TerminalText.inertKeepingLayout(text + "\n"), to: STDERR_FILENO)
    }

    /// Writes `text` and a newline to standard output.
    static func print(_ text: String) {
        write(text + "\n")
    }

    /// Writes `text` as it is (a prompt, or a report that ends its own lines) to standard output.
    static func write(_ text: String) {
        StandardStream.write(TerminalText.inertKeepingLayout(text), to: STDOUT_FILENO)
    }
}
