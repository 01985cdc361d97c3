import Foundation

/// A program a test cannot do without (Chromium, pandoc, pdftotext). `scripts/test` installs them
/// (`scripts/setup --test`), so a missing one is a failure with the remedy, never a silent skip:
/// a skipped test tests nothing in CI.
public struct RequiredTool: Error, CustomStringConvertible {
    /// The program's name.
    public var name: String

    /// The failure for the program `name`.
    public init(name: String) {
        self.name = name
    }

    /// Why the test failed.
    public var description: String {
        "\(name) is not installed, and this test needs it: run scripts/setup --test (scripts/test does), "
            + "or apt-get install the package that has it"
    }

    /// The path of `name` in /usr/bin, /bin or /usr/local/bin; throws when it is in none of them.
    public static func path(_ name: String) throws -> String {
        for folder in ["/usr/bin", "/bin", "/usr/local/bin"] {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw RequiredTool(name: name)
    }
}
