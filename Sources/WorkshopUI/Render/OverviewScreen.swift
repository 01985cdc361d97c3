import CellGrid
import MaturityFramework

/// An area's stage descriptors (the ladder), its discussion prompts and the framework's source.
///
/// When everything fits it is shown with room to breathe. When it does not (80x24 and smaller), the
/// ladder closes up and scrolls, the "To discuss" prompts stay in view below it (when they take no more
/// than a third of the screen), and a row of its own between the two says what is above or below.
enum OverviewScreen {
    /// How the overview fits the body.
    struct Fit: Equatable {
        /// The roomy layout fits whole: nothing scrolls.
        var fitsWhole: Bool
        /// The prompts stay in view below the scrolling ladder.
        var pinsPrompts: Bool
        /// Rows the scrolling part has.
        var viewport: Int
        /// Rows the scrolling part needs.
        var content: Int
        /// The furthest the scrolling part goes.
        var maximumScroll: Int { fitsWhole ? 0 : max(0, content - viewport) }
    }

    static func draw(_ state: WorkshopState, area: Int, into body: inout BodyWriter) {
        let rows = body.bottom - body.top
        let fit = fit(state, area: area, width: body.width, rows: rows)
        if fit.fitsWhole {
            content(state, area: area, compact: false, prompts: true, into: &body)
            return
        }
        let scroll = max(0, min(state.scroll, fit.maximumScroll))
        var ladder = BodyWriter(grid: body.grid, top: body.top, bottom: body.top + fit.viewport, scroll: scroll, width: body.width)
        content(state, area: area, compact: true, prompts: !fit.pinsPrompts, into: &ladder)
        var rest = BodyWriter(grid: ladder.grid, top: body.top + fit.viewport, bottom: body.bottom, scroll: 0, width: body.width)
        rest.line()
        if let marker = marker(above: scroll > 0, below: scroll < fit.maximumScroll), let row = rest.lastVisibleRow {
            let width = TextWidth.of(marker)
            rest.grid.put(marker, row: row, column: max(Layout.margin, Layout.margin + body.width - width), style: .dim)
        }
        if fit.pinsPrompts { prompts(state, area: area, into: &rest) }
        body.grid = rest.grid
    }

    /// The marker row: what the scrolling part hides, and the keys that show it.
    private static func marker(above: Bool, below: Bool) -> String? {
        switch (above, below) {
        case (true, true): "↑↓ more: PgUp PgDn"
        case (false, true): "↓ more: ↓ or PgDn"
        case (true, false): "↑ more: ↑ or PgUp"
        case (false, false): nil
        }
    }

    /// How the overview of `area` fits `rows` rows of `width` columns.
    static func fit(_ state: WorkshopState, area: Int, width: Int, rows: Int) -> Fit {
        let roomy = measure { content(state, area: area, compact: false, prompts: true, into: &$0) }
        if roomy <= rows { return Fit(fitsWhole: true, pinsPrompts: false, viewport: rows, content: roomy) }
        let footer = measure { prompts(state, area: area, into: &$0) }
        let pins = footer > 0 && footer <= rows / 3
        let ladder = measure { content(state, area: area, compact: true, prompts: !pins, into: &$0) }
        return Fit(fitsWhole: false, pinsPrompts: pins, viewport: max(1, rows - 1 - (pins ? footer : 0)), content: ladder)

        func measure(_ write: (inout BodyWriter) -> Void) -> Int {
            var writer = BodyWriter(grid: Grid(width: 0, height: 0), top: 0, bottom: 0, scroll: 0, width: width)
            write(&writer)
            return writer.row
        }
    }

    /// The overview's text. `compact` closes up the ladder: no blank lines between stages, no reading hint
    /// (the key line says Enter). `prompts` adds "To discuss" after the source.
    static func content(_ state: WorkshopState, area index: Int, compact: Bool, prompts withPrompts: Bool, into body: inout BodyWriter) {
        let area = state.framework.areas[index]
        if !compact { body.line() }
        body.paragraph(area.title, style: .title)
        if !compact {
            body.line("Read the stages, then press Enter for the questions.", style: .dim)
        }
        for stage in state.framework.stages {
            if !compact { body.line() }
            body.paragraph(stage.title + (stage.typicalAge.map { " · \($0)" } ?? ""), style: .accent)
            body.paragraph(area.descriptor(atStage: stage.id) ?? "", indent: 2)
        }
        body.line()
        body.paragraph("Source: \(state.framework.source.publisher), \(state.framework.source.published). "
                       + state.framework.attribution.text, style: .dim)
        if withPrompts, !area.prompts.isEmpty {
            body.line()
            prompts(state, area: index, into: &body)
        }
    }

    /// "To discuss" and the area's prompts; nothing when it has none.
    private static func prompts(_ state: WorkshopState, area index: Int, into body: inout BodyWriter) {
        let area = state.framework.areas[index]
        guard !area.prompts.isEmpty else { return }
        body.line("To discuss", style: .accent)
        for prompt in area.prompts { body.paragraph(prompt, indent: 2, firstPrefix: "• ") }
    }

    /// How far the overview can scroll at the state's size.
    static func maximumScroll(_ state: WorkshopState) -> Int {
        fit(state)?.maximumScroll ?? 0
    }

    /// Lines PgDn and PgUp move: the scrolling part less one line, so that a line of context stays.
    static func page(_ state: WorkshopState) -> Int {
        max(1, (fit(state)?.viewport ?? 1) - 1)
    }

    /// How the overview of the state's area fits the state's size; nil off the overview.
    private static func fit(_ state: WorkshopState) -> Fit? {
        guard let area = state.step.area else { return nil }
        let rows = state.height - 2 - max(1, Renderer.statusLines(state).count)
        return fit(state, area: area, width: Layout.contentWidth(state), rows: max(0, rows))
    }
}
