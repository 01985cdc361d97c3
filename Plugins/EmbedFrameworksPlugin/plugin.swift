import Foundation
import PackagePlugin

/// Embeds every framework file of the package's top-level `Frameworks/` folder into the
/// target it is applied to, as Swift values checked when they are built, so the built binary carries
/// its built-in frameworks wherever it goes and decodes nothing at launch.
@main
struct EmbedFrameworksPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Frameworks")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let inputs = names
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .sorted()
            .map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedBuiltInFrameworks.swift")
        return [
            .buildCommand(
                displayName: "Checking and embedding \(inputs.count) framework files",
                executable: try context.tool(named: "EmbedFrameworks").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
