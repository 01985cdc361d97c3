import CellGrid
import MaturityFramework

/// An area's stage descriptors, all visible (scrolling when long), and its discussion prompts.
enum OverviewScreen {
    static func draw(_ state: WorkshopState, area: Int, into body: inout BodyWriter) {
        var writer = BodyWriter(grid: body.grid, top: body.top, bottom: body.bottom, scroll: state.scroll, width: body.width)
        content(state, area: area, into: &writer)
        if writer.row - state.scroll > body.bottom - body.top {
            writer.grid.put("↓ more (↓ or PgDn)", row: body.bottom - 1, column: state.width - 20, style: .dim)
        }
        if state.scroll > 0 {
            writer.grid.put("↑ more", row: body.top, column: state.width - 8, style: .dim)
        }
        body.grid = writer.grid
    }

    static func content(_ state: WorkshopState, area index: Int, into body: inout BodyWriter) {
        let area = state.framework.areas[index]
        body.line()
        body.paragraph(area.title, style: .title)
        body.line("Read the stages, then press Enter for the questions.", style: .dim)
        for stage in state.framework.stages {
            body.line()
            body.paragraph(stage.title + (stage.typicalAge.map { " · \($0)" } ?? ""), style: .accent)
            body.paragraph(area.descriptor(atStage: stage.id) ?? "", indent: 2)
        }
        body.line()
        body.paragraph("Source: \(state.framework.source.publisher), \(state.framework.source.published). "
                       + state.framework.attribution.text, style: .dim)
        if !area.prompts.isEmpty {
            body.line()
            body.line("To discuss", style: .accent)
            for prompt in area.prompts { body.paragraph(prompt, indent: 2, firstPrefix: "• ") }
        }
    }

    /// How far the overview can scroll at the state's size.
    static func maximumScroll(_ state: WorkshopState) -> Int {
        guard let area = state.step.area else { return 0 }
        var writer = BodyWriter(grid: Grid(width: 0, height: 0), top: 0, bottom: 0, scroll: 0, width: Layout.contentWidth(state))
        content(state, area: area, into: &writer)
        return max(0, writer.row - Layout.bodyHeight(state))
    }
}
