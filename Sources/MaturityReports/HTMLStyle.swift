/// The board paper's look: one style sheet for the summary and the progression, on screen and printed on A4.
extension HTMLExport {
    /// Fonts in order of preference, each family tried for every character it lacks: Helvetica where it
    /// exists, the metric-compatible and Noto faces that Linux machines have (Latin with Welsh ŵ and ŷ,
    /// Greek, Cyrillic), Noto and the systems' own CJK faces, and the generic families last.
    static let fontStack = [
        "\"Helvetica Neue\"", "Helvetica", "Arial", "\"Liberation Sans\"", "\"Noto Sans\"", "\"DejaVu Sans\"",
        "\"Noto Sans CJK JP\"", "\"Noto Sans CJK SC\"", "\"Noto Sans CJK TC\"", "\"Noto Sans CJK KR\"", "\"Noto Sans JP\"",
        "\"Noto Sans SC\"", "\"Hiragino Sans\"", "\"PingFang SC\"", "\"Yu Gothic\"", "\"Microsoft YaHei\"", "\"Malgun Gothic\"",
        "system-ui", "sans-serif",
    ].joined(separator: ",")

    /// The style sheet. In print: A4, each area on a new page, a heading never last on its page (it goes
    /// with what follows), table rows and short blocks never split, and dates never wrapped.
    static let style = """
        body{font-family:\(fontStack);color:#111;background:#fff;line-height:1.45;margin:0}
        main{max-width:60rem;margin:0 auto;padding:1.5rem}
        h1{font-size:1.7rem;margin:0 0 1rem}h2{font-size:1.3rem;margin:1.6rem 0 .6rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
        h1,h2,h3,h4{break-after:avoid;page-break-after:avoid;break-inside:avoid}
        p,li{orphans:3;widows:3}li,p.explanation,p.legend{break-inside:avoid}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:bold}dd{margin:0}
        table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.95rem}
        th,td{border:1px solid #888;padding:.35rem .5rem;text-align:left;vertical-align:top}
        thead th{background:#e8e8e8}
        .date{white-space:nowrap}
        .board td{text-align:center;font-size:1.1rem}.board td.placed{background:#1d4e89;color:#fff;font-weight:bold}
        .board td.met{background:#d6e4f5}.board td:last-child,.board td:nth-last-child(2){text-align:left;font-size:.95rem}
        td.note{white-space:pre-wrap}.legend{font-size:.9rem;color:#333}
        svg{max-width:100%;height:auto}svg text{font-family:\(fontStack);font-size:12px}
        @page{size:A4;margin:18mm}
        figure.chart{margin:0;break-inside:avoid}
        @media print{main{max-width:none;padding:0}section.area{break-before:page}table{font-size:10pt}
        body{font-size:10pt}h1{margin-top:0;font-size:16pt}h2{font-size:13pt;margin:10pt 0 5pt}
        th,td{padding:3pt 5pt}.board td{font-size:10pt}figure.chart svg{max-height:40mm;width:auto}.legend{font-size:8.5pt}table.board{font-size:9pt}.board td{font-size:9pt}.board th small{display:none}dl.facts{font-size:9pt}
        thead{display:table-header-group}tr{break-inside:avoid}.board td.placed{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
        """

    /// Added to ``style`` when the paper shows views (so that a paper without them is as before): the
    /// board's words cells set left, the views and dissents a little smaller, the disagreements kept together.
    static let viewsStyle = """
        .board td.words{text-align:left;font-size:.95rem}td.views,td.dissent{font-size:.9rem}p.consensus{font-weight:bold}
        section.disagreed li{break-inside:avoid}@media print{.board td.words{font-size:9pt}td.views,td.dissent{font-size:9pt}}
        """

    /// Added to ``style`` when a paper shows metrics (so that a paper without them is as before): each
    /// metric's chart and table kept together on a page, the chart small in print.
    static let metricsStyle = """
        figure.metric{margin:0 0 1rem;break-inside:avoid}figure.metric figcaption{font-weight:bold;margin:.4rem 0}
        figure.metric svg{display:block}@media print{figure.metric svg{max-height:30mm;width:auto}}
        """
}
