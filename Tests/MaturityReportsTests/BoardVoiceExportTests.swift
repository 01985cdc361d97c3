import Foundation
import MaturityFramework
import MaturityRules
import MaturityModel
import Testing
import TestSupport
@testable import MaturityReports

/// Views fixtures: the golden fixture with members' views, spreads and dissents, hostile text included.
enum ViewsFixture {
    /// A dissent note that tries every format: a formula, a pipe, markup, a script and a terminal escape.
    static let hostileDissent = "=cmd|' /C calc'!A0 | <script>document.title='PWNED'</script> \u{1B}]0;pwned\u{7} *bold*"
    /// A participant whose name tries the same.
    static let hostileName = "=Eve <b>|x</b>"

    /// This year's assessment with views: one question split three ways with a hostile dissent, one
    /// two-to-one (not split) with a dissent, one of one mind, and one counted without names.
    static var now: Assessment {
        var now = GoldenFixture.now
        now.participants.append(hostileName)
        now[area: "economic-development"].views = [
            "econ-emerging-plan-reviewed": CriterionViews(
                named: ["Chair": .yes, "Ann Jones": .yes, "Bob Smith": .no],
                dissents: [Dissent(participant: "Bob Smith", note: "The plan is out of date")]),
            "econ-established-benefit": CriterionViews(
                named: ["Chair": .partly, "Ann Jones": .no, "Bob Smith": .yes, hostileName: .unsure],
                dissents: [Dissent(participant: hostileName, note: hostileDissent)]),
        ]
        now[area: "climate-change"].views = [
            "climate-emerging-green-plan": CriterionViews(named: ["Chair": .partly, "Ann Jones": .partly, "Bob Smith": .partly]),
        ]
        now[area: "quality-employment"].views = [
            "employ-emerging-people-plan": CriterionViews(unnamed: Spread(yes: 1, no: 1, unsure: 1)),
        ]
        return now
    }

    /// The same, made anonymous as the start screen does.
    static var anonymous: Assessment {
        var anonymous = now
        anonymous.makeAnonymous()
        return anonymous
    }
}

@Suite("Exports of the board's views")
struct BoardVoiceExportTests {
    // MARK: - Assessments without views: exported as before

    @Test func withoutViewsMarkdownHTMLAndProgressTextAreByteForByteAsBefore() throws {
        let documents = try GoldenFixture.documents()
        var compared = 0
        for (name, text) in documents where !name.hasSuffix(".csv") && !name.hasSuffix(".json") {
            #expect(text == (try GoldenFixture.golden(name)), "\(name) differs from the export before views")
            compared += 1
        }
        #expect(compared == 5)
        CampaignReport.record("Exports of an assessment without views (summary md, html; progress text, md, html)", cases: compared,
                              how: "byte for byte the goldens written by the code before issue 13")
    }

    @Test func withoutViewsCSVOnlyGainsTheNewColumnsAtTheEnd() throws {
        for name in ["summary.csv", "progress.csv"] {
            let text = try #require(try GoldenFixture.documents().first { $0.name == name }?.text)
            let now = try pythonCSV(text)
            let before = try pythonCSV(try GoldenFixture.golden(name))
            #expect(now.count == before.count)
            for (row, old) in zip(now, before) {
                #expect(Array(row.prefix(old.count)) == old, "\(name): the old columns keep their order and values")
            }
            let added = now.map { Array($0.dropFirst(before[0].count)) }
            if name == "summary.csv" {
                #expect(added[0] == ["views_yes", "views_partly", "views_no", "views_unsure", "views", "split", "dissent", "consensus",
                                     "target_stage", "target_year", "target_status"])
                #expect(added.dropFirst().allSatisfy { $0 == ["0", "0", "0", "0", "", "no", "", "", "", "", ""] })
            } else {
                // Issue 16: each row's framework version, and what a step across versions newly asks or no longer asks.
                #expect(added[0] == ["consensus", "framework_version", "newly_asked", "no_longer_asked"])
                #expect(added.dropFirst().allSatisfy { $0 == ["", seedFramework.version, "", ""] })
            }
        }
    }

    @Test func withoutViewsJSONOnlyGainsTheNewKeys() throws {
        let documents = try GoldenFixture.documents()
        let summaryText = try #require(documents.first { $0.name == "summary.json" }?.text)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(summaryText.utf8)) as? [String: Any])
        #expect(summary["anonymousViews"] as? Bool == false)
        var stripped = summary
        stripped["anonymousViews"] = nil
        // Issue 14: the readings (none here) and each area's typical stage (unknown here).
        #expect((summary["metrics"] as? [Any])?.isEmpty == true)
        stripped["metrics"] = nil
        let areas = try #require(summary["areas"] as? [[String: Any]])
        stripped["areas"] = areas.map { area in
            #expect(area["consensus"] is NSNull)
            var area = area
            #expect(area["target"] is NSNull && area["targetStatus"] is NSNull && area["typicalStage"] is NSNull)
            area["typicalStage"] = nil
            area["consensus"] = nil
            area["target"] = nil
            area["targetStatus"] = nil
            area["criteria"] = (area["criteria"] as? [[String: Any]] ?? []).map { criterion in
                #expect((criterion["views"] as? [String: Any])?.isEmpty == true)
                #expect(criterion["spread"] as? [String: Int] == ["yes": 0, "partly": 0, "no": 0, "unsure": 0])
                #expect(criterion["split"] as? Bool == false)
                #expect((criterion["dissent"] as? [Any])?.isEmpty == true)
                var criterion = criterion
                for key in ["views", "spread", "split", "dissent"] { criterion[key] = nil }
                return criterion
            }
            return area
        }
        let before = try JSONSerialization.jsonObject(with: Data(try GoldenFixture.golden("summary.json").utf8))
        #expect(NSDictionary(dictionary: stripped).isEqual(before), "the summary JSON keeps every earlier key and value")

        let progressText = try #require(documents.first { $0.name == "progress.json" }?.text)
        let progress = try #require(try JSONSerialization.jsonObject(with: Data(progressText.utf8)) as? [String: Any])
        var strippedProgress = progress
        #expect((progress["metrics"] as? [Any])?.isEmpty == true)
        strippedProgress["metrics"] = nil
        strippedProgress["areas"] = (progress["areas"] as? [[String: Any]] ?? []).map { area in
            #expect((area["consensus"] as? [Any])?.allSatisfy { $0 is NSNull } == true)
            var area = area
            area["consensus"] = nil
            // Issue 16: what a step across framework versions newly asks and no longer asks (nothing here).
            area["steps"] = (area["steps"] as? [[String: Any]] ?? []).map { step in
                #expect((step["newlyAsked"] as? [Any])?.isEmpty == true && (step["noLongerAsked"] as? [Any])?.isEmpty == true)
                var step = step
                step["newlyAsked"] = nil
                step["noLongerAsked"] = nil
                return step
            }
            return area
        }
        strippedProgress["assessments"] = (progress["assessments"] as? [[String: Any]] ?? []).map { line in
            #expect(line["frameworkVersion"] as? String == seedFramework.version)
            var line = line
            line["frameworkVersion"] = nil
            return line
        }
        let progressBefore = try JSONSerialization.jsonObject(with: Data(try GoldenFixture.golden("progress.json").utf8))
        #expect(NSDictionary(dictionary: strippedProgress).isEqual(progressBefore))
    }

    // MARK: - Markdown

    @Test func markdownShowsSpreadNamesDissentAndWhereTheBoardDisagreed() throws {
        let markdown = MarkdownExport.render(GoldenFixture.report(ViewsFixture.now))
        #expect(markdown.contains("| Area | Emerging | Established | Expanding | Placed at | Last time | Consensus |"))
        #expect(markdown.contains("## Where the board disagreed\n\nSplit: no answer was given by at least two in three of the views.\n\n"))
        // Widest spread first: four different answers of four, then three of three.
        let economyLine = try #require(markdown.range(of: "- **Economy**: Can the system show how delivering the plan"))
        let employmentLine = try #require(markdown.range(of: "- **Employment**: "))
        #expect(economyLine.lowerBound < employmentLine.lowerBound, "\(markdown)")
        #expect(markdown.contains("and services? — Yes 1 · Partly 1 · No 1 · Not sure 1; agreed: Yes, in place; 1 dissent recorded."))
        #expect(!markdown.contains("- **Climate**"), "a question of one mind is not listed")
        #expect(markdown.contains("| Stage | Question | Answer | Note | Views | Dissent |"))
        #expect(markdown.contains("Yes 2 · Partly 0 · No 1 · Not sure 0<br>Chair: Yes, in place; Ann Jones: Yes, in place; Bob Smith: No |"
                                  + " Bob Smith: The plan is out of date |"))
        #expect(markdown.contains("Yes 1 · Partly 1 · No 1 · Not sure 1 (split)<br>Chair: Partly; Ann Jones: No; Bob Smith: Yes, in place;"
                                  + " =Eve \\<b\\>\\|x\\</b\\>: Not sure |"))
        #expect(markdown.contains("Consensus: 43% of 7 views matched the agreed answers."), "economy: 2 + 1 of 3 + 4")
        #expect(markdown.contains("\\| \\<script\\>"), "the dissent's pipe and markup are escaped")
        // Every table row has as many cells as its header.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| Yes") || line.hasPrefix("| Emerging") {
            #expect(line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 7, "\(line)")
        }
    }

    @Test func markdownOfAnAnonymousWorkshopNamesNobody() {
        let markdown = MarkdownExport.render(GoldenFixture.report(ViewsFixture.anonymous))
        #expect(markdown.contains("Yes 2 · Partly 0 · No 1 · Not sure 0 | A member: The plan is out of date |"))
        #expect(markdown.contains("A member: =cmd\\|"))
        #expect(!markdown.contains("Bob Smith: "))
        #expect(!markdown.contains("Chair: "))
    }

    @Test func theBoardPaperSaysWhenTheBoardWasOfOneMindOrTookNoViews() {
        var agreed = GoldenFixture.now
        agreed[area: "climate-change"].views = ["climate-emerging-green-plan": CriterionViews(named: ["Chair": .partly, "Ann Jones": .partly])]
        #expect(MarkdownExport.render(GoldenFixture.report(agreed))
            .contains("## Where the board disagreed\n\nThe board was of one mind: no question was split.\n"))
        #expect(HTMLExport.render(GoldenFixture.report(agreed)).contains("<p>The board was of one mind: no question was split.</p>"))
        var none = GoldenFixture.now
        none.makeAnonymous()
        #expect(MarkdownExport.render(GoldenFixture.report(none)).contains("## Where the board disagreed\n\nThe board took no views.\n"))
        #expect(HTMLExport.render(GoldenFixture.report(none)).contains("<p>The board took no views.</p>"))
        #expect(!MarkdownExport.render(GoldenFixture.report()).contains("Where the board disagreed"), "an assessment before views: no section")
    }

    @Test func theBoardPaperListsAHandfulOfSplitQuestionsAndCountsTheRest() {
        var many = GoldenFixture.now
        for area in seedFramework.areas {
            many[area: area.id].views = Dictionary(uniqueKeysWithValues: area.criteria.map {
                ($0.id, CriterionViews(named: ["Chair": .yes, "Ann Jones": .no, "Bob Smith": .partly]))
            })
        }
        let total = seedFramework.areas.reduce(0) { $0 + $1.criteria.count }
        let markdown = MarkdownExport.render(GoldenFixture.report(many))
        #expect(markdown.components(separatedBy: "; agreed: ").count - 1 == SummaryReport.splitQuestionsShown)
        #expect(markdown.contains("… and \(total - SummaryReport.splitQuestionsShown) more split questions."))
        let html = HTMLExport.render(GoldenFixture.report(many))
        #expect(html.components(separatedBy: "; agreed: ").count - 1 == SummaryReport.splitQuestionsShown)
    }

    /// Runs always: without pandoc it fails (scripts/test installs it).
    @Test(arguments: [false, true])
    func markdownWithViewsRendersWithPandoc(anonymous: Bool) throws {
        let markdown = MarkdownExport.render(GoldenFixture.report(anonymous ? ViewsFixture.anonymous : ViewsFixture.now))
        let html = try run(try RequiredTool.path("pandoc"), ["-f", "gfm", "-t", "html"], input: markdown)
        #expect(html.contains("<h2 id=\"where-the-board-disagreed\">Where the board disagreed</h2>"))
        #expect(html.contains("<th>Views</th>") && html.contains("<th>Dissent</th>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;document.title="))
        // Every answers table row keeps its six cells.
        let rows = html.components(separatedBy: "<tr").dropFirst().filter { $0.contains("Yes 2 · Partly 0") }
        #expect(rows.count == 1 && rows.allSatisfy { $0.components(separatedBy: "<td").count - 1 == 6 })
        CampaignReport.record("Markdown export with views, named and anonymous, hostile names and dissents", cases: 1,
                              how: "rendered by pandoc: tables keep their cells, no markup from a name or note")
    }

    // MARK: - HTML

    @Test(arguments: [false, true])
    func htmlShowsViewsEscapedAndWellFormed(anonymous: Bool) throws {
        let html = HTMLExport.render(GoldenFixture.report(anonymous ? ViewsFixture.anonymous : ViewsFixture.now))
        #expect(try pythonHTMLProblems(html) == [])
        #expect(html.contains("<h2>Where the board disagreed</h2>"))
        #expect(html.contains("<th>Views</th><th>Dissent</th>"))
        #expect(html.contains("<th scope=\"col\">Consensus</th>"))
        #expect(html.contains("Yes 1 · Partly 1 · No 1 · Not sure 1 <strong>(split)</strong>"))
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"))
        #expect(html.contains(HTMLExport.viewsStyle))
        if anonymous {
            #expect(html.contains("<td class=\"dissent\">A member: The plan is out of date</td>"))
            #expect(!html.contains("Bob Smith: "))
        } else {
            #expect(html.contains("<small>Chair: Yes, in place; Ann Jones: Yes, in place; Bob Smith: No</small>"))
            #expect(html.contains("<td class=\"dissent\">=Eve &lt;b&gt;|x&lt;/b&gt;: =cmd|&#39;"))
        }
    }

    /// Runs always: without Chromium it fails (scripts/test installs it).
    @Test func viewsAndDissentsRunNoScriptInABrowser() throws {
        let chromium = try RequiredTool.path("chromium")
        var now = ViewsFixture.now
        let hostile = "<script>document.title='PWNED'</script><img src=x onerror=\"document.title='PWNED'\"></style>"
        now[area: "economic-development"].views["econ-emerging-plan-known"] = CriterionViews(
            named: [hostile: .no, "Chair": .yes], dissents: [Dissent(participant: hostile, note: hostile)])
        let html = HTMLExport.render(GoldenFixture.report(now))
        let page = FileManager.default.temporaryDirectory.appending(path: "views-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: page)
        defer { try? FileManager.default.removeItem(at: page) }
        let dom = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=2000",
                                     "--dump-dom", page.absoluteString], input: "")
        #expect(dom.contains("<title>Maturity self-assessment: West Yorkshire ICS, 2026-11-22</title>"), "the page loaded, title unchanged")
        #expect(!dom.contains("<title>PWNED"))
        #expect(dom.contains("<h2>Where the board disagreed</h2>"))
        #expect(dom.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;&lt;img src=x"), "the name and the dissent show as text")
        CampaignReport.record("HTML export with views whose names and dissents hold <script>, onerror and </style>", cases: 1,
                              how: "loaded in headless Chromium: no script ran, names and dissents show as text")
    }

    /// A board of eight, every question with views, a dissent on every other one: printed to A4 by
    /// Chromium and read back by pdftotext, every dissent is on the page whole (nothing cut off at the
    /// margin) and no heading, the disagreements' included, is left alone at the foot of a page.
    @Test func theBoardPaperWithEightMembersViewsPrintsWholeOnA4() throws {
        let chromium = try RequiredTool.path("chromium"), pdftotext = try RequiredTool.path("pdftotext")
        let members = ["Chair", "Ann Jones", "Bob Smith", "Carys Ŵyn", "Dafydd ap Gruffydd", "Eleri Hughes-Williams", "Ffion", "Gareth"]
        var now = GoldenFixture.now
        now.participants = members
        var number = 0
        for area in seedFramework.areas {
            for criterion in area.criteria {
                number += 1
                let agreed = now[area: area.id].answers[criterion.id] ?? .partly
                now[area: area.id].answers[criterion.id] = agreed
                var named: [String: Answer] = [:]
                for (index, member) in members.enumerated() { named[member] = Answer.allCases[(index * number) % 4] }
                let dissents = number.isMultiple(of: 2)
                    ? [Dissent(participant: members[number % 8], note: "Token\(number) the evidence is thin, and the minutes say otherwise on this point")] : []
                now[area: area.id].views[criterion.id] = CriterionViews(named: named, dissents: dissents)
            }
        }
        let folder = FileManager.default.temporaryDirectory.appending(path: "views-paper-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["KEEP_PAPER"] == nil { try? FileManager.default.removeItem(at: folder) } }
        let page = folder.appending(path: "paper.html"), pdf = folder.appending(path: "paper.pdf")
        try Data(HTMLExport.render(GoldenFixture.report(now)).utf8).write(to: page)
        _ = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
                               page.absoluteString], input: "")
        let text = try run(pdftotext, ["-layout", pdf.path, "-"], input: "")
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(pages.count >= 4)
        // Every word of every dissent is on the page, inside the right margin (18 mm is 51 points).
        let boxes = try run(pdftotext, ["-bbox", pdf.path, "-"], input: "")
        let width = try #require(boxes.firstMatch(of: /<page width="([0-9.]+)"/).flatMap { Double($0.1) })
        let words = boxes.matches(of: /xMax="([0-9.]+)"[^>]*>([^<]*)<\/word>/).map { (xMax: Double($0.1) ?? .infinity, text: String($0.2)) }
        #expect(words.allSatisfy { $0.xMax <= width - 50 }, "a word runs past the right margin")
        let dissents = number / 2
        #expect(Set(words.map(\.text).filter { $0.hasPrefix("Token") }) == Set(stride(from: 2, through: number, by: 2).map { "Token\($0)" }))
        #expect(words.filter { $0.text == "point" }.count == dissents, "each dissent's last word is there")
        let squeezed = text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        #expect(squeezed.contains("Where the board disagreed"))
        let headings = ["Answers", "Agreed actions", "Last time's actions", "Where the board disagreed", "Summary"]
        for (index, page) in pages.enumerated() {
            let last = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty } ?? ""
            #expect(!headings.contains(last) && !last.hasPrefix("Gap to ") && !last.hasPrefix("Since "), "page \(index + 1) ends with \(last)")
        }
        CampaignReport.record("Board paper with eight members' views on every question, printed to A4 PDF", cases: 1,
                              how: "headless Chromium and pdftotext: every dissent whole on the page, no heading alone at a page's foot")
    }

    // MARK: - CSV

    @Test(arguments: [false, true])
    func csvHasTheCountsViewsAndDissentQuotedAndNeutralised(anonymous: Bool) throws {
        let rows = try pythonCSV(CSVExport.render(GoldenFixture.report(anonymous ? ViewsFixture.anonymous : ViewsFixture.now)))
        #expect(rows.allSatisfy { $0.count == CSVExport.header.count })
        let column = { (name: String) in CSVExport.header.firstIndex(of: name) ?? -1 }
        let row = { (id: String) in rows.first { $0[column("criterion_id")] == id } ?? [] }
        let split = row("econ-established-benefit")
        #expect([column("views_yes"), column("views_partly"), column("views_no"), column("views_unsure")].map { split[$0] } == ["1", "1", "1", "1"])
        #expect(split[column("split")] == "yes")
        #expect(split[column("consensus")] == "0.429")
        let dissent = row("econ-emerging-plan-reviewed")
        #expect(dissent[column("split")] == "no")
        if anonymous {
            #expect(split[column("views")] == "")
            #expect(split[column("dissent")] == "A member: " + ViewsFixture.hostileDissent)
            #expect(dissent[column("dissent")] == "A member: The plan is out of date")
        } else {
            #expect(split[column("views")] == "Chair: partly; Ann Jones: no; Bob Smith: yes; \(ViewsFixture.hostileName): unsure")
            #expect(split[column("dissent")] == "'" + ViewsFixture.hostileName + ": " + ViewsFixture.hostileDissent,
                    "a dissent cell starting with = is neutralised")
            #expect(dissent[column("dissent")] == "Bob Smith: The plan is out of date")
        }
        let unnamed = row("employ-emerging-people-plan")
        #expect(unnamed[column("views_yes")] == "1" && unnamed[column("views_unsure")] == "1" && unnamed[column("views")] == "")
        #expect(row("climate-emerging-green-plan")[column("consensus")] == "1.0")
        #expect(row("climate-established-green-plans")[column("views_yes")] == "0")
    }

    @Test func csvDissentsOfSeveralMembersAreOneALineInOneCell() throws {
        var now = ViewsFixture.now
        now[area: "economic-development"].views["econ-emerging-plan-known"] = CriterionViews(
            named: ["Chair": .no, "Ann Jones": .no],
            dissents: [Dissent(participant: "Chair", note: "\"Quoted\", with a comma"), Dissent(participant: "Ann Jones", note: "-1 too")])
        let rows = try pythonCSV(CSVExport.render(GoldenFixture.report(now)))
        let index = try #require(CSVExport.header.firstIndex(of: "dissent"))
        let row = try #require(rows.first { $0.contains("econ-emerging-plan-known") })
        #expect(row[index] == "Chair: \"Quoted\", with a comma\nAnn Jones: -1 too")
    }

    // MARK: - JSON

    @Test func jsonCarriesViewsSpreadDissentAndConsensus() throws {
        let object = try #require(try untyped(JSONExport.render(GoldenFixture.report(ViewsFixture.now))) as? [String: Any])
        #expect(object["anonymousViews"] as? Bool == false)
        let economy = try #require((object["areas"] as? [[String: Any]])?.first)
        #expect(economy["consensus"] as? Double == 0.429)
        let criteria = try #require(economy["criteria"] as? [[String: Any]])
        let split = try #require(criteria.first { $0["id"] as? String == "econ-established-benefit" })
        #expect(split["views"] as? [String: String] == ["Chair": "partly", "Ann Jones": "no", "Bob Smith": "yes", ViewsFixture.hostileName: "unsure"])
        #expect(split["spread"] as? [String: Int] == ["yes": 1, "partly": 1, "no": 1, "unsure": 1])
        #expect(split["split"] as? Bool == true)
        let dissent = try #require((split["dissent"] as? [[String: Any]])?.first)
        #expect(dissent["participant"] as? String == ViewsFixture.hostileName && dissent["note"] as? String == ViewsFixture.hostileDissent)
        #expect(Set(split.keys) == ["id", "stage", "question", "answer", "note", "asLastTime", "carried", "views", "spread", "split", "dissent"])
        let decoded = try roundTrip(JSONExport.render(GoldenFixture.report(ViewsFixture.now)))
        #expect(decoded.areas[0].criteria.first { $0.id == "econ-established-benefit" }?.dissent.first?.note == ViewsFixture.hostileDissent)
    }

    @Test func jsonOfAnAnonymousWorkshopHasNoNamesAndNullParticipants() throws {
        let object = try #require(try untyped(JSONExport.render(GoldenFixture.report(ViewsFixture.anonymous))) as? [String: Any])
        #expect(object["anonymousViews"] as? Bool == true)
        let criteria = (object["areas"] as? [[String: Any]] ?? []).flatMap { $0["criteria"] as? [[String: Any]] ?? [] }
        #expect(criteria.allSatisfy { ($0["views"] as? [String: Any])?.isEmpty == true })
        let split = try #require(criteria.first { $0["id"] as? String == "econ-established-benefit" })
        #expect(split["spread"] as? [String: Int] == ["yes": 1, "partly": 1, "no": 1, "unsure": 1])
        let dissent = try #require((split["dissent"] as? [[String: Any]])?.first)
        #expect(dissent["participant"] is NSNull)
    }

    @Test func namesInAFileMarkedAnonymousAreNeverExported() throws {
        // A file marked anonymous that still holds names (written by hand): every export drops them.
        var marked = ViewsFixture.now
        marked.anonymousViews = true
        let report = GoldenFixture.report(marked)
        for text in [MarkdownExport.render(report), HTMLExport.render(report), CSVExport.render(report)] {
            #expect(!text.contains("Bob Smith: "), "\(text.prefix(200))")
        }
        let json = try #require(try untyped(JSONExport.render(report)) as? [String: Any])
        let criteria = (json["areas"] as? [[String: Any]] ?? []).flatMap { $0["criteria"] as? [[String: Any]] ?? [] }
        #expect(criteria.allSatisfy { ($0["views"] as? [String: Any])?.isEmpty == true })
        #expect(criteria.flatMap { $0["dissent"] as? [[String: Any]] ?? [] }.allSatisfy { $0["participant"] is NSNull })
    }

    // MARK: - Progress

    /// Last year split on every question it took views on; this year agreed on them.
    func splitThenAgreed() -> Progression {
        var lastYear = GoldenFixture.lastYear
        lastYear[area: "economic-development"].views = [
            "econ-emerging-plan-reviewed": CriterionViews(named: ["Chair": .yes, "Ann Jones": .no, "Bob Smith": .partly]),
        ]
        var now = GoldenFixture.now
        now[area: "economic-development"].views = [
            "econ-emerging-plan-reviewed": CriterionViews(named: ["Chair": .yes, "Ann Jones": .yes, "Bob Smith": .yes]),
        ]
        // As `progress` builds it: from each file's glance.
        return Progression(entries: [.init(glance: AssessmentGlance(lastYear), file: "a.json"), .init(glance: AssessmentGlance(now), file: "b.json")],
                           framework: seedFramework)
    }

    @Test func progressShowsConsensusBesideTheStageAndABoardThatCameToAgree() throws {
        let progression = splitThenAgreed()
        #expect(progression.areas[0].consensus == [1.0 / 3, 1.0])
        #expect(progression.areas[1].consensus == [nil, nil])
        let text = ProgressExport.text(progression)
        #expect(text.contains("Economy     Emerging (provisional) · consensus 33%"), "\(text)")
        #expect(text.contains("Established (provisional) (↑ up) · consensus 100%"))
        #expect(text.contains("Economy: ↑ up. Newly met: ") && text.contains(". Consensus 33% → 100%."))
        #expect(text.contains("Employment: = same. Newly met: none. Newly lost: none.\n"), "no views: nothing said of consensus")
        let markdown = ProgressExport.markdown(progression)
        #expect(markdown.contains("Emerging (provisional) · consensus 33% | Established (provisional) (↑ up) · consensus 100% |"))
        #expect(markdown.contains("Consensus 33% → 100%."))
        let html = ProgressExport.html(progression)
        #expect(html.contains("<br><small>consensus 33%</small>") && html.contains("Consensus 33% → 100%."))
        #expect(try pythonHTMLProblems(html) == [])
        let rows = try pythonCSV(ProgressExport.csv(progression))
        let consensus = try #require(rows.first?.firstIndex(of: "consensus"))
        #expect(rows.filter { $0[3] == "economic-development" }.map { $0[consensus] } == ["0.333", "1.0"])
        let json = try #require(try untyped(ProgressExport.json(progression)) as? [String: Any])
        let economy = try #require((json["areas"] as? [[String: Any]])?.first)
        #expect(economy["consensus"] as? [Double] == [0.333, 1.0])
    }

    @Test func percentagesSayAllOrNoneOnlyWhenAllOrNoneMatched() {
        #expect([0, 0.001, 1.0 / 3, 2.0 / 3, 0.995, 1].map(ViewsWords.percent) == ["0%", "1%", "33%", "67%", "99%", "100%"])
        #expect(ViewsWords.consensus(ConsensusCount(matched: 199, counted: 200)) == "99% of 200 views matched the agreed answers")
        #expect(ViewsWords.consensus(ConsensusCount(matched: 1, counted: 1)) == "100% of 1 view matched the agreed answers")
        #expect(ViewsWords.consensus(ConsensusCount(matched: -1, counted: -2)) == nil, "counts from a damaged file say nothing")
        #expect(Spread(yes: 3, partly: 2, no: 1).line == "Yes 3 · Partly 2 · No 1 · Not sure 0")
    }

    @Test func aGlanceCarriesTheConsensusItsAssessmentLosesAndAnEntryKeepsIt() {
        let glance = AssessmentGlance(ViewsFixture.now)
        #expect(Progression.Entry(assessment: glance.assessment, file: "x").consensus["economic-development"]?.counted == 0,
                "the assessment a glance gives has no views")
        #expect(Progression.Entry(glance: glance, file: "x").consensus["economic-development"] == ConsensusCount(matched: 3, counted: 7))
        #expect(Progression.Entry(assessment: ViewsFixture.now, file: "x").consensus["economic-development"] == ConsensusCount(matched: 3, counted: 7))
    }
}
