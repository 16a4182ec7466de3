/// The report's only style sheet, inlined in `<head>`: system fonts (no web font),
/// tabular numbers, Okabe–Ito delta colours, and print rules (A4 landscape, charts
/// never split across pages, no backgrounds).
enum HTMLStyle {
    static let css = """
    :root{--fg:#1d2329;--muted:#5f6670;--line:#e3e6ea;--panel:#fff;--page:#f4f5f7;--better:#0072B2;--worse:#D55E00}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;background:var(--page);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif}
    main{max-width:1220px;margin:0 auto;padding:28px 24px 48px}
    header{margin:0 0 8px}
    header h1{font-size:26px;line-height:1.2;margin:0 0 6px;font-weight:650;letter-spacing:-.01em}
    header h1 .brand{color:var(--muted);font-weight:500}
    .meta{color:var(--muted);margin:0}
    .meta b{color:var(--fg);font-weight:600}
    section{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:18px 22px;margin:18px 0}
    h2{font-size:17px;margin:0 0 14px;font-weight:650}
    h3{font-size:14px;margin:0;font-weight:600}
    .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(270px,1fr));gap:6px 28px;margin:0}
    .facts div{padding:6px 0;border-bottom:1px solid var(--line)}
    .facts dt{color:var(--muted);font-size:11.5px;text-transform:uppercase;letter-spacing:.05em}
    .facts dd{margin:1px 0 0;overflow-wrap:anywhere}
    .policies{margin:14px 0 0;padding:0;list-style:none;display:grid;gap:4px}
    .policies li{overflow-wrap:anywhere}
    .kind{color:var(--muted);font-size:12.5px}
    .table-wrap{overflow-x:auto}
    table.compare{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}
    .compare th{font-size:12px;font-weight:600;color:var(--muted);text-align:right;padding:6px 8px;border-bottom:2px solid var(--line);vertical-align:bottom}
    .compare th .unit{display:block;font-weight:400}
    .compare td{padding:7px 8px;border-bottom:1px solid var(--line);text-align:right;vertical-align:top;white-space:nowrap}
    .compare th:first-child,.compare td:first-child{text-align:left;white-space:normal}
    .compare tbody th{min-width:190px;font-size:13.5px;font-weight:600;color:var(--fg);text-align:left;padding:7px 8px;border-bottom:1px solid var(--line);vertical-align:top;white-space:normal}
    .compare tbody th .kind{font-weight:400}
    .compare tr.baseline td,.compare tr.baseline th{background:#f8f9fb}
    .tag{display:inline-block;font-size:10.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 4px;margin-left:6px}
    .delta{display:block;font-size:12px;white-space:nowrap}
    .better{color:var(--better)}
    .worse{color:var(--worse)}
    .same,.neutral{color:var(--muted)}
    .note{color:var(--muted);font-size:12.5px;margin:10px 0 0}
    .swatch{display:inline-block;width:20px;height:0;border-top:3px solid;vertical-align:middle;margin-right:7px}
    .glyph{margin-right:5px;color:var(--muted)}
    .swatch.dashed{border-top-style:dashed}
    .swatch.dotted{border-top-style:dotted}
    .swatch.area{height:10px;border:0;background:#C9CDD3}
    figure{margin:0 0 26px}
    figure:last-child{margin-bottom:0}
    figcaption{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 18px;margin:0 0 6px}
    .legend{display:flex;flex-wrap:wrap;gap:2px 16px;margin:0;padding:0;list-style:none;font-size:12.5px;color:var(--fg)}
    svg.chart{width:100%;height:auto;display:block;overflow:visible}
    svg.chart text{font-size:11px;fill:#4a5058;font-variant-numeric:tabular-nums}
    svg.chart text.sub{fill:#7a818a}
    svg.chart .axis-title{font-size:11.5px;fill:#2f353c}
    svg.chart .grid line{stroke:#eceef1;stroke-width:1}
    svg.chart .axis{stroke:#a7adb4;stroke-width:1}
    svg.chart .line{fill:none;stroke-linejoin:round;stroke-linecap:round}
    svg.chart .threshold{stroke-dasharray:6 4;stroke-width:1.5}
    svg.chart .threshold-label{font-size:11px;font-weight:600}
    svg.chart .lane{fill:#f3f4f6}
    svg.chart .decisions rect{stroke-width:1}
    svg.chart .decisions .centre{stroke:#c4c9cf;stroke-width:1}
    .warnings{margin:0;padding-left:20px}
    .warnings li{margin:2px 0}
    footer{color:var(--muted);font-size:12px;margin:20px 2px 0}
    @media (max-width:760px){main{padding:16px 10px}section{padding:14px}}
    @media print{
      @page{size:A4 landscape;margin:12mm}
      body{background:#fff;font-size:9.5pt}
      *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      main{max-width:none;padding:0}
      section{border:0;border-radius:0;padding:0;margin:0 0 14pt}
      .compare tr.baseline td,.compare tr.baseline th{background:none}
      .compare{font-size:9pt}
      .compare th,.compare td{padding:4px 5px}
      figure{break-inside:avoid;page-break-inside:avoid}
      h2{break-after:avoid;page-break-after:avoid}
      .table-wrap{overflow:visible}
    }
    """
}
