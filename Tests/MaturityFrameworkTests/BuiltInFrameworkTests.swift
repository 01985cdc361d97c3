import Foundation
import Testing
@testable import MaturityFramework
import BuiltInFrameworks

/// The repository's top-level folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite("Built-in frameworks")
struct BuiltInFrameworkTests {
    let catalog = FrameworkCatalog(userFolder: nil)

    @Test func bothBuiltInFrameworksLoadWithoutProblems() {
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        #expect(catalog.entries.map(\.framework.id) == ["anchor-institution-charter", "ics-social-economic-development"])
        #expect(catalog.framework(id: FrameworkCatalog.defaultFrameworkID) != nil)
    }

    @Test func theSeedFrameworkHasItsThreeAreasAndStages() throws {
        let framework = try #require(catalog.framework(id: "ics-social-economic-development"))
        #expect(framework.stages.map(\.id) == ["emerging", "established", "expanding"])
        #expect(framework.stages.map(\.expectedAge) == ["under two years", "about three to five years", "about six to ten years"])
        #expect(framework.stages.allSatisfy { $0.threshold == .allInPlace })
        #expect(framework.areas.map(\.title) == [
            "Supporting economic development and recovery", "Ensuring quality local employment", "Tackling climate change",
        ])
        for area in framework.areas {
            for stage in framework.stages {
                #expect((2...4).contains(area.criteria(atStage: stage.id).count), "\(area.id) \(stage.id)")
                #expect((area.descriptor(atStage: stage.id)?.count ?? 0) > 80)
            }
        }
        #expect(framework.source.publisher == "NHS Confederation")
        #expect(framework.source.published == "December 2022")
        #expect(framework.source.author?.contains("chair of NHS West Yorkshire Integrated Care Board") == true)
        let questions = framework.allCriteria.map(\.text)
        #expect(questions.allSatisfy { $0.hasSuffix("?") })
    }

    @Test func theSecondFrameworkHasOtherAreasStagesAndAThreshold() throws {
        let framework = try #require(catalog.framework(id: "anchor-institution-charter"))
        #expect(framework.stages.map(\.id) == ["committed", "embedded"])
        #expect(framework.stages[1].threshold == Threshold(atLeastPercent: 75, partlyPercent: 50))
        #expect(framework.belowFirstStageID == "not-yet-committed")
        #expect(Set(framework.areas.map(\.id)).isDisjoint(with: ["economic-development", "quality-employment", "climate-change"]))
    }

    @Test func theEmbeddedCopiesMatchTheFilesInFrameworks() throws {
        let folder = repositoryRoot.appending(path: "Frameworks")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count == catalog.entries.count)
        for file in files {
            let onDisk = try FrameworkLoader.load(contentsOf: folder.appending(path: file)).get()
            #expect(catalog.framework(id: onDisk.id) == onDisk)
        }
    }
}

@Suite("Framework catalog")
struct FrameworkCatalogTests {
    @Test func userFolderFollowsTheEnvironment() {
        #expect(FrameworkCatalog.userFolder(environment: ["MATURITY_FRAMEWORKS": "/x/f", "XDG_CONFIG_HOME": "/c"]).path == "/x/f")
        #expect(FrameworkCatalog.userFolder(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]).path == "/c/maturity/frameworks")
        #expect(FrameworkCatalog.userFolder(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]).path
            == "/h/.config/maturity/frameworks")
        #expect(FrameworkCatalog.userFolder(environment: ["HOME": "/h"]).path == "/h/.config/maturity/frameworks")
    }

    @Test func userFrameworksAreAddedAndBadOnesReported() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try minimalFramework(id: "my-framework").write(to: folder.appending(path: "mine.yaml"), atomically: true, encoding: .utf8)
        try minimalFramework(id: "ics-social-economic-development")
            .write(to: folder.appending(path: "clash.yaml"), atomically: true, encoding: .utf8)
        try "id: [".write(to: folder.appending(path: "broken.yml"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appending(path: "notes.txt"), atomically: true, encoding: .utf8)
        let catalog = FrameworkCatalog(userFolder: folder)
        #expect(catalog.entries.map(\.framework.id).last == "my-framework")
        #expect(catalog.entries.count == 3)
        #expect(catalog.problems.count == 2)
        #expect(catalog.problems.contains { $0.file.hasSuffix("broken.yml") && $0.line != nil && $0.message.contains("is not valid YAML") })
        #expect(catalog.problems.contains { $0.file.hasSuffix("clash.yaml") && $0.message.contains("already used") })
        #expect(catalog.entries.last?.origin == .file(path: folder.appending(path: "mine.yaml").path))
    }

    @Test func resolveTakesAnIdOrAPath() throws {
        let catalog = FrameworkCatalog(userFolder: nil)
        #expect(try catalog.resolve("anchor-institution-charter").get().id == "anchor-institution-charter")
        let path = repositoryRoot.appending(path: "Frameworks/ics-social-economic-development.yaml").path
        #expect(try catalog.resolve(path).get().id == "ics-social-economic-development")
        guard case let .failure(failure) = catalog.resolve("no-such-framework") else {
            Issue.record("an unknown id must fail")
            return
        }
        #expect(failure.description.contains("known frameworks: anchor-institution-charter, ics-social-economic-development"))
    }
}

/// The smallest valid framework text, with one area, stage and criterion.
func minimalFramework(id: String = "mini", threshold: String = "") -> String {
    """
    id: \(id)
    version: 1.0.0
    title: Mini
    source:
      title: A source
      publisher: A publisher
      published: 2024
    stages:
      - id: first
        title: First\(threshold)
    areas:
      - id: only-area
        title: Only area
        stages:
          first:
            descriptor: What the first stage looks like.
            criteria:
              - id: only-criterion
                question: Is it so?
    """
}
