import ArgumentParser
import FoundationEssentials
import MaturityModel
import MaturityFramework
import MaturityRules

/// `maturity frameworks`: list, show and validate frameworks.
struct FrameworksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frameworks",
        abstract: "List, show and validate maturity frameworks.",
        discussion: """
            Built-in frameworks are part of the program. Your own framework files (YAML or JSON, \
            see Frameworks/README.md) go in $MATURITY_FRAMEWORKS, else $XDG_CONFIG_HOME/maturity/frameworks, \
            else ~/.config/maturity/frameworks.
            """,
        subcommands: [List.self, Show.self, Validate.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the frameworks maturity can use.")

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            // The store's copies too (issue 16): each says built-in, installed (and the file), or the store's copy (and its path).
            let store = storeOptions.assessmentStore
            let catalog = FrameworkCatalog.forUser(store: store)
            for problem in store.frameworks.all().problems { Terminal.error("warning: \(problem)") }
            for problem in catalog.problems { Terminal.error("warning: \(problem)") }
            for note in catalog.setAside { Terminal.error("warning: \(note)") }
            // One block per framework, so that long titles and paths never break a table at 80 columns.
            let blocks = catalog.entries.map { entry in
                let framework = entry.framework
                let head = "\(inert: framework.id) \(inert: framework.version) · \(counted(framework.areas.count, "area", "areas")) · "
                switch entry.origin {
                case .builtIn: return head + "built-in\n  \(inert: framework.title)"
                case let .file(path): return head + "installed\n  \(inert: framework.title)\n  \(inert: path)"
                case .store: return head + "the store's copy\n  \(inert: framework.title)\n  \(inert: entry.origin.description)"
                }
            }
            Terminal.print(blocks.joined(separator: "\n\n"))
            let folder = FrameworkCatalog.userFolder(environment: ProcessEnvironment.variables)
            Terminal.print("\nYour frameworks folder: \(folder.path)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print one framework: stages, areas, descriptors, criteria and metrics.",
            discussion: "Example: maturity frameworks show ics-social-economic-development --format json")

        @Argument(help: ArgumentHelp("A framework id (see 'maturity frameworks') or a framework file.", valueName: "id-or-path"))
        var framework: String

        @Option(help: "text or json.")
        var format: OutputFormat = .text

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            // The store's copies are found by id too, so a framework that came with a store can be read.
            let framework = try FrameworkCatalog.forUser(store: storeOptions.assessmentStore).resolve(framework).orFail()
            switch format {
            case .json: Terminal.print(try jsonText(FrameworkJSON(framework)))
            case .text: Terminal.print(FrameworkText.render(framework))
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check framework files; print every problem as FILE:LINE: message.",
            discussion: "Exits 0 when every file is valid, 1 otherwise. A valid file whose id and version the store (--store, "
                + "else the default) keeps with another text gets a warning: raise its version before using it there. "
                + "Example: maturity frameworks validate my-framework.yaml")

        @Argument(help: ArgumentHelp("Framework files to check.", valueName: "path"))
        var paths: [String]

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if paths.isEmpty { throw ValidationError("name at least one framework file") }
        }

        func run() throws {
            var failed = false
            for path in paths {
                switch FrameworkLoader.load(contentsOf: URL(fileURLWithPath: path), displayName: path) {
                case let .success(framework):
                    let counts = [
                        counted(framework.stages.count, "stage", "stages"),
                        counted(framework.areas.count, "area", "areas"),
                        counted(framework.allCriteria.count, "criterion", "criteria"),
                    ] + (framework.allMetrics.isEmpty ? [] : [counted(framework.allMetrics.count, "metric", "metrics")])
                    Terminal.print("\(inert: path): ok (\(framework.id) \(inert: framework.version): \(counts.joined(separator: ", ")))")
                    // Valid, but the store would refuse it: say so before anyone starts a workshop on it.
                    if let refusal = storeOptions.assessmentStore.frameworks.refusal(of: framework) {
                        Terminal.error("warning: \(inert: path): \(refusal)")
                    }
                case let .failure(failure):
                    failed = true
                    for problem in failure.problems { Terminal.error(problem.description) }
                }
            }
            if failed { throw CommandFailure("") }
        }
    }
}

extension Result where Failure == FrameworkProblems {
    /// The framework, or a ``CommandFailure`` listing every problem.
    func orFail() throws(CommandFailure) -> Success {
        switch self {
        case let .success(value): return value
        case let .failure(failure): throw CommandFailure(failure.problems.map { "maturity: \($0)" }.joined(separator: "\n"))
        }
    }
}

/// "1 stage", "3 stages".
func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
    "\(count) \(count == 1 ? singular : plural)"
}
