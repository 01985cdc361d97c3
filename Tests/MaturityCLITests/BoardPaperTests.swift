import Foundation
import Testing
import TestSupport

/// The board paper as the board gets it: the HTML export printed to PDF by headless Chromium, and the
/// PDF read back with poppler's pdftotext. Both tools are installed by scripts/test; without them these
/// tests fail rather than skip.
@Suite("Board paper printed to PDF", .serialized)
struct BoardPaperTests {
    static let due = "2027-03-31"
    /// The area headings' sub-headings, each of which must be followed on its page by what it heads.
    static let headings = ["Answers", "Agreed actions", "Last time's actions"]
    static let headingPrefixes = ["Gap to ", "Since "]

    /// A store with last year's assessment and this year's, whose economy notes run to `noteLines` lines
    /// and whose every area has three actions with long texts and a due date; returns this year's path.
    func boardPaper(_ sandbox: Sandbox, noteLines: Int) throws -> String {
        _ = try made(sandbox, ["--system", "Ynys Môn ICS", "--date", "2025-11-20", "--complete"])
        let answers = try sandbox.write("{\"econ-emerging-plan-reviewed\": \"yes\", \"econ-emerging-plan-known\": \"yes\", "
            + "\"econ-emerging-strategy-refers\": \"yes\"}", to: "answers-\(noteLines).json")
        let path = try made(sandbox, ["--system", "Ynys Môn ICS", "--date", "2026-11-22", "--answers", answers])
        try editJSONFile(path) { object in
            var areas = try #require(object["areas"] as? [[String: Any]])
            for index in areas.indices {
                let first = ["econ-emerging-plan-reviewed", "employ-emerging-policies-reviewed", "climate-emerging-green-plan"][index]
                areas[index]["notes"] = [first: (0..<noteLines).map { "Evidence line \($0): minutes of the board, Gwŷr a Môn" }
                    .joined(separator: "\n")]
                areas[index]["actions"] = (1...3).map { number in
                    ["id": "action-\(number)", "what": "Agree with the combined authority a joint delivery plan and publish it",
                     "owner": "Director of strategy, partnerships, estates and workforce transformation programmes",
                     "due": Self.due, "status": "in-progress"]
                }
            }
            object["areas"] = areas
        }
        return path
    }

    /// `html` printed to PDF by headless Chromium, as `name`.pdf in the sandbox.
    func printed(_ sandbox: Sandbox, html: String, name: String) throws -> String {
        let pdf = sandbox.root.appending(path: "\(name).pdf").path
        let chromium = try RequiredTool.path("chromium")
        let result = try sandbox.run(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                      "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString],
                                     binary: URL(fileURLWithPath: chromium))
        try #require(FileManager.default.fileExists(atPath: pdf), "Chromium printed nothing: \(result.stderr)")
        return pdf
    }

    /// The PDF's text laid out as on the page, one string per page.
    func pages(_ sandbox: Sandbox, pdf: String) throws -> [String] {
        let result = try sandbox.run(["-layout", pdf, "-"], binary: URL(fileURLWithPath: try RequiredTool.path("pdftotext")))
        try #require(result.status == 0, "pdftotext: \(result.stderr)")
        return result.stdout.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// For notes of several lengths (which move every heading up and down the pages), no page ends with a
    /// heading, and no due date is broken over two lines.
    @Test func noHeadingEndsAPageAndNoDateWraps() throws {
        let sandbox = try Sandbox()
        var orphans: [String] = []
        var documents = 0
        for noteLines in [0, 16, 32] {
            let path = try boardPaper(sandbox, noteLines: noteLines)
            let html = sandbox.root.appending(path: "paper-\(noteLines).html").path
            let exported = try sandbox.run(["export", path, "--format", "html", "-o", html])
            try #require(exported.status == 0, "\(exported.stderr)")
            let text = try pages(sandbox, pdf: try printed(sandbox, html: html, name: "paper-\(noteLines)"))
            for (number, page) in text.enumerated() {
                let last = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty } ?? ""
                if Self.headings.contains(last) || Self.headingPrefixes.contains(where: { last.hasPrefix($0) }) {
                    orphans.append("notes of \(noteLines) lines, page \(number + 1): \(last)")
                }
            }
            let all = text.joined()
            #expect(all.components(separatedBy: Self.due).count - 1 == 9, "every due date on one line (\(noteLines) note lines)")
            #expect(!all.contains("2027-\n") && all.range(of: #"2027-(?!03-31)"#, options: .regularExpression) == nil,
                    "a due date was broken (\(noteLines) note lines)")
            documents += 1
            try FileManager.default.removeItem(atPath: path)
            for name in try storeContents(atPath: sandbox.store.path) {
                try FileManager.default.removeItem(at: sandbox.store.appending(path: name))
            }
        }
        #expect(orphans.isEmpty, "headings left alone at the foot of a page: \(orphans)")
        CampaignReport.record("Board paper printed to A4 PDF (notes of 0, 16 and 32 lines)", cases: documents,
                              how: "headless Chromium and pdftotext: no page ends with a heading, no due date wraps")
    }

    /// Two areas on the same stage in both years: their labels at the end of the chart's lines do not
    /// overlap in the printed PDF.
    @Test func chartLabelsOfAreasOnTheSameStageDoNotOverlap() throws {
        let sandbox = try Sandbox()
        let path = try boardPaper(sandbox, noteLines: 0)
        let html = sandbox.root.appending(path: "chart.html").path
        #expect(try sandbox.run(["export", path, "--format", "html", "-o", html]).status == 0)
        let pdf = try printed(sandbox, html: html, name: "chart")
        let result = try sandbox.run(["-bbox", "-f", "1", "-l", "1", pdf, "-"],
                                     binary: URL(fileURLWithPath: try RequiredTool.path("pdftotext")))
        let boxes = try ["Economy", "Employment", "Climate"].map { label in
            try #require(Self.box(of: label, in: result.stdout), "\(label) is on the first page's chart")
        }
        for (index, box) in boxes.enumerated() {
            for other in boxes[(index + 1)...] {
                let overlaps = box.minX < other.maxX && other.minX < box.maxX && box.minY < other.maxY && other.minY < box.maxY
                #expect(!overlaps, "labels overlap: \(box) and \(other)")
            }
        }
        CampaignReport.record("Chart labels of areas that share a stage", cases: 1,
                              how: "printed by Chromium; pdftotext's word boxes of the labels do not intersect")
    }

    /// The box of the word `word` in pdftotext's `-bbox` output.
    static func box(of word: String, in bbox: String) -> (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        for line in bbox.split(separator: "\n") where line.hasSuffix(">\(word)</word>") {
            let numbers = ["xMin", "yMin", "xMax", "yMax"].compactMap { key -> Double? in
                guard let start = line.range(of: "\(key)=\"") else { return nil }
                return Double(line[start.upperBound...].prefix { $0 != "\"" })
            }
            if numbers.count == 4 { return (numbers[0], numbers[1], numbers[2], numbers[3]) }
        }
        return nil
    }
}
