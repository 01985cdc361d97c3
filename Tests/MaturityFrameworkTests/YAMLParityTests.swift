import Foundation
import Testing
import TestSupport
@testable import MaturityFramework

/// One framework text and the problems maturity reported for it when it read YAML with Yams.
struct YAMLCase: Sendable {
    var name: String
    var text: String
    /// `LINE: message` (`-` when there is no line); empty when the file is valid.
    var problems: [String]
}

/// The smallest valid framework, ending with a newline.
private let mini = minimalFramework() + "\n"

/// Each text was run through `maturity frameworks validate` of the build before issue 12 (Yams 6.2.2);
/// the expected problems are what it printed (the list of known top-level fields has since gained
/// `metrics`, issue 14).
let yamlCases: [YAMLCase] = [
    YAMLCase(name: "an unclosed flow sequence", text: "id: x\nversion: 1\ntitle: [unclosed\nsource: x\n",
             problems: ["4: is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence on line 3)"]),
    YAMLCase(name: "repeated keys, named in order", text: mini.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.0\ntitle: Again\nversion: 2"),
             problems: ["3: is not valid YAML: the same key appears twice in one mapping: 'title', 'version'"]),
    YAMLCase(name: "a repeated key in a nested mapping",
             text: mini.replacingOccurrences(of: "    title: First\n", with: "    title: First\n    id: again\n"),
             problems: ["9: is not valid YAML: the same key appears twice in one mapping: 'id'"]),
    YAMLCase(name: "a repeated key in a flow mapping",
             text: mini.replacingOccurrences(
                of: "source:\n  title: A source\n  publisher: A publisher\n  published: 2024\n",
                with: "source: {title: A source, publisher: A publisher, published: 2024, title: again}\n"),
             problems: ["4: is not valid YAML: the same key appears twice in one mapping: 'title'"]),
    YAMLCase(name: "a repeated key in JSON",
             text: #"{"id": "j", "version": "2", "title": "J", "source": {"title": "s", "publisher": "p", "published": "2020"}, "#
                + #""stages": [{"id": "a", "title": "A"}], "areas": [{"id": "x", "title": "X", "stages": {"a": {"descriptor": "d", "#
                + #""criteria": [{"id": "c", "question": "q?", "id": "d"}]}}}]}"#,
             problems: ["1: is not valid YAML: the same key appears twice in one mapping: 'id'"]),
    YAMLCase(name: "a key repeated with the same tag", text: mini.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.0\n!!str version: 2"),
             problems: ["2: is not valid YAML: the same key appears twice in one mapping: 'version'"]),
    YAMLCase(name: "a key repeated with another tag is another key (the later wins)",
             text: mini.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.0\n!!int version: 2"), problems: []),
    YAMLCase(name: "a repeated list as a key", text: mini.replacingOccurrences(of: "title: Mini", with: "? [a]\n: c\n? [a]\n: d\ntitle: Mini"),
             problems: ["3: is not valid YAML: the same key appears twice in one mapping: '<uncovertable>'"]),
    YAMLCase(name: "a list as a key", text: mini.replacingOccurrences(of: "title: Mini", with: "? [a, b]\n: c\ntitle: Mini"),
             problems: ["3: framework: field names must be plain text"]),
    YAMLCase(name: "an undefined alias", text: mini.replacingOccurrences(of: "title: Mini", with: "title: *nothing"),
             problems: ["3: is not valid YAML: found undefined alias"]),
    YAMLCase(name: "aliases are the anchored node",
             text: mini.replacingOccurrences(of: "title: Mini", with: "title: &t Mini").replacingOccurrences(of: "    title: Only area", with: "    title: *t"),
             problems: []),
    YAMLCase(name: "a later anchor of the same name wins",
             text: mini.replacingOccurrences(of: "title: Mini", with: "title: &a Mini\nsummary: &a Other\n")
                .replacingOccurrences(of: "    title: Only area", with: "    title: *a"),
             problems: []),
    YAMLCase(name: "an alias of a mapping", text: mini.replacingOccurrences(of: "  - id: first\n    title: First\n", with: "  - &s\n    id: first\n    title: First\n")
                + "spare: *s\n",
             problems: ["21: spare: unknown field (expected id, version, title, source, stages, areas, attribution, metrics, summary)"]),
    YAMLCase(name: "a second document", text: mini + "---\nid: second\n",
             problems: ["20: is not valid YAML: but found another document (expected a single document in the stream on line 1)"]),
    YAMLCase(name: "a tab for indentation", text: mini.replacingOccurrences(of: "  title: A source", with: "\ttitle: A source"),
             problems: ["5: is not valid YAML: found character that cannot start any token (while scanning for the next token on line 5)"]),
    YAMLCase(name: "a control character", text: mini.replacingOccurrences(of: "title: Mini", with: "title: Mi\u{01}ni"),
             problems: ["-: is not valid YAML: control characters are not allowed"]),
    YAMLCase(name: "a wrong indentation", text: mini.replacingOccurrences(of: "    title: First", with: "   title: First"),
             problems: ["10: is not valid YAML: did not find expected '-' indicator (while parsing a block collection on line 9)"]),
    YAMLCase(name: "an unterminated quote", text: mini.replacingOccurrences(of: "title: Mini", with: "title: \"Mini"),
             problems: ["20: is not valid YAML: found unexpected end of stream (while scanning a quoted scalar on line 3)"]),
    YAMLCase(name: "a YAML 1.1 directive", text: "%YAML 1.1\n---\n" + mini, problems: []),
    YAMLCase(name: "a YAML 2.0 directive", text: "%YAML 2.0\n---\n" + mini, problems: ["1: is not valid YAML: found incompatible YAML document"]),
    YAMLCase(name: "a byte order mark at the start of a key is dropped",
             text: mini.replacingOccurrences(of: "  - id: first", with: "  - \u{FEFF}id: first"), problems: []),
    YAMLCase(name: "a literal block", text: mini.replacingOccurrences(of: "title: Mini", with: "title: |\n  Mini\n  two"), problems: []),
    YAMLCase(name: "a quoted null is text", text: mini.replacingOccurrences(of: "title: Mini", with: "title: 'null'"), problems: []),
    YAMLCase(name: "a plain null is empty", text: mini.replacingOccurrences(of: "title: Mini", with: "title: null"),
             problems: ["3: title: must not be empty"]),
    YAMLCase(name: "a tilde is empty", text: mini.replacingOccurrences(of: "title: Mini", with: "title: ~"), problems: ["3: title: must not be empty"]),
    YAMLCase(name: "a merge key is only a key", text: mini.replacingOccurrences(of: "title: Mini", with: "<<: {title: Mini}"),
             problems: ["1: title: missing", "3: <<: unknown field (expected id, version, title, source, stages, areas, attribution, metrics, summary)"]),
    YAMLCase(name: "an empty document", text: "---\n", problems: ["2: framework: must be a mapping of fields (id, version, title, source, stages, areas)"]),
    YAMLCase(name: "only a comment", text: "# nothing\n", problems: ["-: is empty; a framework needs id, version, title, source, stages and areas"]),
]

@Suite("YAML as Yams read it")
struct YAMLParityTests {
    @Test func problemsAndLinesAreThoseYamsGave() {
        for example in yamlCases {
            #expect(problems(example.text) == example.problems, "\(example.name)")
        }
        CampaignReport.record("Framework file: YAML as Yams read it (syntax errors, repeated keys, aliases, documents, tags)",
                              cases: yamlCases.count, how: "the problems and lines printed by the build before issue 12, exactly")
    }

    /// Lists nested by aliases: level 1 has 10 items, each level above 10 of the level below.
    private func nestedLists(levels: Int) -> String {
        var text = "l1: &l1 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in stride(from: 2, through: levels, by: 1) {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text
    }

    @Test func keysAreComparedUpToTheirSizeLimit() {
        // Level 3 has 1,111 nodes: compared, and found twice. Level 4 has 11,111: more than
        // YAMLComposer.maximumKeyNodes, so not compared (Yams compared it).
        #expect(problems(nestedLists(levels: 3) + "? *l3\n: one\n? *l3\n: two\n")
            == ["3: is not valid YAML: the same key appears twice in one mapping: '<uncovertable>'"])
        #expect(problems(nestedLists(levels: 4) + "? *l4\n: one\n? *l4\n: two\n").first?.contains("unknown field") == true)
    }

    @Test func anAliasBombAsAKeyIsRefusedWithoutExpandingIt() {
        // A key of 10^9 nodes, twice: comparing it in full (as Yams did) would take hours.
        let bomb = nestedLists(levels: 9) + "? *l9\n: one\n? *l9\n: two\n"
        #expect(problems(bomb).first == "1: l1: unknown field (expected id, version, title, source, stages, areas, attribution, metrics, summary)")
    }

    @Test func scalarsKeepTheirTextStyleAndLine() throws {
        let root = try #require(try YAMLComposer.compose("a: plain\nb: 'quoted'\nc:\n  - |\n    block\n"))
        guard case let .mapping(pairs) = root.content else {
            Issue.record("the root must be a mapping")
            return
        }
        #expect(pairs.map(\.key.string) == ["a", "b", "c"])
        guard case .scalar("plain", plain: true) = pairs[0].value.content,
              case .scalar("quoted", plain: false) = pairs[1].value.content,
              case let .sequence(items) = pairs[2].value.content, case .scalar("block\n", plain: false) = items.first?.content
        else {
            Issue.record("unexpected nodes: \(pairs)")
            return
        }
        #expect(pairs.map(\.value.line) == [1, 2, 4])
    }
}
