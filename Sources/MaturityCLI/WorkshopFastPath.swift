/// The workshop's command line read by hand, so that starting a workshop (the command a board runs)
/// skips swift-argument-parser: parsing with it costs about 3 ms and 4 MB at launch, because it finds a
/// command's options by reflection and the Swift runtime looks up every protocol conformance that involves
/// (BENCHMARKS.md, "What changed in issue 12").
///
/// Only plain forms are read here: no arguments, or `workshop`, then each of the workshop's own options at
/// most once, as `--name VALUE` or `--name=VALUE` (`--system`, `--framework`, `--resume`, `--rename-system`,
/// `--established`, `--place`, `--store`) and `--plain`. Anything else (help, `--version`, another command, an unknown or repeated
/// option, a value that starts with `-`, an empty `--name=`, `--`) is left to swift-argument-parser, which parses and reports it
/// as it always has. `WorkshopFastPathTests` checks that both give the same command.
enum WorkshopFastPath {
    /// The options that take a value, by their name on the command line.
    private static let valueOptions: Set<String> = ["--system", "--framework", "--resume", "--rename-system", "--established", "--place", "--store"]

    /// The workshop command that `arguments` (without the program's name) ask for, or nil to let
    /// swift-argument-parser read them.
    static func command(for arguments: [String]) -> WorkshopCommand? {
        var rest = arguments[...]
        if rest.first == "workshop" { rest = rest.dropFirst() }
        var values: [String: String] = [:]
        var plain = false
        while let argument = rest.popFirst() {
            if argument == "--plain" {
                guard !plain else { return nil }
                plain = true
                continue
            }
            let name: String
            let value: String
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
                guard !value.isEmpty else { return nil } // swift-argument-parser refuses `--system=`
            } else {
                guard let next = rest.popFirst() else { return nil }
                name = argument
                value = next
            }
            guard valueOptions.contains(name), values[name] == nil, !value.hasPrefix("-") else { return nil }
            values[name] = value
        }
        var command = WorkshopCommand()
        command.system = values["--system"]
        command.framework = values["--framework"]
        command.resume = values["--resume"]
        command.renameSystem = values["--rename-system"]
        command.established = values["--established"]
        command.place = values["--place"]
        command.plain = plain
        var storeOptions = StoreOptions()
        storeOptions.store = values["--store"]
        command.storeOptions = storeOptions
        return command
    }
}
