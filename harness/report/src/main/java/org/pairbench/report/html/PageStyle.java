package org.pairbench.report.html;

/** The page's inline style sheet: no external file, no network, prints legibly. */
final class PageStyle {
    static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0 auto;"
                    + "max-width:1200px;padding:0 1.5rem 3rem;color:#222;line-height:1.45}",
            "h1{margin-top:1.5rem}h2{border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}",
            "h3{margin-top:1.8rem}h4{margin:1.2rem 0 .4rem}",
            "table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.85rem}",
            "th,td{border:1px solid #ccc;padding:.25rem .45rem;text-align:left;vertical-align:top}",
            "th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
            ".scroll{overflow-x:auto}",
            "code,pre{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.85em}",
            "pre{background:#f6f6f6;border:1px solid #ddd;padding:.5rem;overflow-x:auto;white-space:pre-wrap}",
            ".banner{padding:.6rem .9rem;border-radius:4px;margin:1rem 0;font-weight:600}",
            ".banner.ok{background:#e7f4ea;border:1px solid #9fd0aa}",
            ".banner.warn{background:#fff4e0;border:1px solid #f0c36d}",
            ".banner.bad{background:#fdecea;border:1px solid #f5a097}",
            ".bad{color:#b00020;font-weight:600}.warn{color:#8a5a00}",
            "tr.failed td{background:#fdecea}tr.invalid td{background:#fff4e0}",
            ".swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.35em;"
                    + "vertical-align:-.1em}",
            "figure{margin:1rem 0 2rem}figure img{max-width:100%;height:auto;border:1px solid #eee}",
            "figcaption{font-size:.85rem;color:#444}ul.warnings{margin:.3rem 0;color:#8a5a00}",
            "nav ul{columns:2;font-size:.9rem}dl.how dt{font-weight:600;margin-top:.6rem}",
            ".verdict{display:inline-block;padding:.05rem .45rem;border-radius:3px;font-weight:600;white-space:nowrap}",
            ".verdict.supported{background:#d7f0dc;color:#135c26}.verdict.refuted{background:#fbd9d5;color:#8c1d12}",
            ".verdict.inconclusive{background:#eceff3;color:#39424e}.verdict.broken{background:#ffe6b3;color:#6b4400}",
            ".verdict.no-data{background:#f4f4f4;color:#777;font-weight:400}table.claims td small{color:#555}",
            "table.claims{table-layout:fixed;width:100%}table.claims td,table.claims th{overflow-wrap:anywhere}",
            "table.claims details summary{cursor:pointer}p.headline{font-size:1.05rem}",
            "ul.claim-lines{font-size:.9rem;padding-left:1.2rem}ul.claim-lines li{margin:.15rem 0}",
            ".sentence.supported{color:#135c26}.sentence.refuted{color:#8c1d12}",
            "@media print{.scroll{overflow:visible}figure{break-inside:avoid}}");

    private PageStyle() {
    }
}
