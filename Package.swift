// swift-tools-version:6.0
import PackageDescription

// Linux only (Debian with libncursesw5-dev): the terminal code uses Glibc and ncursesw, so no
// `platforms` are declared; SwiftPM's `platforms` can only name Apple systems' minimum versions.

let package = Package(
    name: "maturity",
    products: [
        .executable(name: "maturity", targets: ["MaturityCLI"]),
    ],
    // Exact versions, because maturity is an application: every build uses the versions it was tested
    // with. They stand in for a committed Package.resolved, which this project does not commit (see the README).
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // The framework model and its loading from YAML/JSON files.
        .target(name: "MaturityFramework", dependencies: ["CLibYAML", "CLibMD"]),
        // libyaml (Debian: libyaml-dev), which reads framework files, linked in statically (its modulemap links
        // libyaml.a) so that the binary needs no libyaml at run time. (Yams, which wraps libyaml, needs full
        // Foundation, and with it ICU's 30 MB of data in the binary.)
        .systemLibrary(name: "CLibYAML"),
        // libmd (Debian: libmd-dev), linked in statically for SHA-256 alone: the content hash that ties an
        // assessment to the exact framework file it was answered against.
        .systemLibrary(name: "CLibMD"),
        // The frameworks of Frameworks/, checked and turned into Swift values when the package is built.
        .target(name: "BuiltInFrameworks", dependencies: ["MaturityFramework"], plugins: ["EmbedFrameworksPlugin"]),
        // The placement rules: pure functions from answers to a stage.
        .target(name: "MaturityRules", dependencies: ["MaturityFramework"]),
        // Assessments, actions, dates, system identity, comparison and progression: plain values, no disk.
        .target(name: "MaturityModel", dependencies: ["MaturityFramework", "MaturityRules"]),
        // Assessments as dated JSON files, written atomically; locks, the store's scan, answer sheets.
        .target(name: "MaturityStore", dependencies: ["MaturityFramework", "MaturityRules", "MaturityModel"]),
        // Summaries for board papers and analysts, in every export format; no disk. (CellGrid: the
        // display width of text, for the columns of the terminal's progress table.)
        .target(name: "MaturityReports", dependencies: ["MaturityFramework", "MaturityRules", "MaturityModel", "CellGrid"]),
        // The ncursesw C library (Debian: libncursesw5-dev).
        // (Its pkg-config flags are ones SwiftPM refuses, so the shim header sets them and the modulemap links.)
        .systemLibrary(name: "CNcursesw"),
        // The only module that calls ncursesw: paints cell grids, reads keys, restores the terminal.
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "CellGrid"]),
        // Screens as grids of styled cells, keys as values, and the display width of text.
        .target(name: "CellGrid"),
        // The workshop as state, update and render-to-cells; no terminal, no disk.
        .target(name: "WorkshopUI", dependencies: ["MaturityFramework", "MaturityRules", "MaturityModel", "MaturityStore", "MaturityReports", "CellGrid"]),
        // The `maturity` command.
        .executableTarget(
            name: "MaturityCLI",
            dependencies: [
                "MaturityFramework", "BuiltInFrameworks", "MaturityRules", "MaturityModel", "MaturityStore", "MaturityReports", "CellGrid",
                "WorkshopUI", "CursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time tool that checks Frameworks/*.yaml and writes them as Swift values.
        .executableTarget(name: "EmbedFrameworks", dependencies: ["MaturityFramework"], path: "Sources/EmbedFrameworks"),
        .plugin(
            name: "EmbedFrameworksPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedFrameworks"]
        ),
        .testTarget(name: "MaturityFrameworkTests", dependencies: ["MaturityFramework", "BuiltInFrameworks", "TestSupport"]),
        .testTarget(name: "MaturityRulesTests", dependencies: ["MaturityRules"]),
        .testTarget(name: "MaturityStoreTests", dependencies: ["MaturityStore", "MaturityModel", "BuiltInFrameworks", "TestSupport"]),
        .testTarget(name: "CellGridTests", dependencies: ["CellGrid", "TestSupport"]),
        // The pure parts of the terminal wrapper: UTF-8 assembly, key decoding, cells as ncurses takes them.
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CellGrid", "CNcursesw", "TestSupport"]),
        // Test helpers shared by test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MaturityReportsTests", dependencies: ["MaturityReports", "MaturityModel", "BuiltInFrameworks", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "WorkshopUITests", dependencies: ["WorkshopUI", "MaturityModel", "BuiltInFrameworks", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "MaturityCLITests", dependencies: ["MaturityStore", "MaturityModel", "BuiltInFrameworks", "TestSupport"]),
        // The command's own code, in process: the workshop's command line read by hand against swift-argument-parser.
        .testTarget(name: "MaturityCLIUnitTests", dependencies: ["MaturityCLI", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
