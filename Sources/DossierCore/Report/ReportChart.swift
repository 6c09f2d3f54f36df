/// Inline SVG bar charts of the report's index, each with a text alternative (`role="img"`,
/// `<title>`, `<desc>`) and the same figures in a data table.
enum ReportChart {
  /// The longest bar, in SVG user units.
  static let barWidth = 360
  static let rowHeight = 22
  static let labelWidth = 300

  /// A `<section>` with a heading, the chart and its data table; "No data." when `rows` is empty.
  static func section(id: String, title: String, unit: String, rows: [(String, Int)]) -> String {
    var out =
      "<section aria-labelledby=\"\(id)-heading\">\n<h2 id=\"\(id)-heading\">\(HTMLText.escape(title))</h2>\n"
    guard !rows.isEmpty else { return out + "<p>No data.</p>\n</section>\n" }
    let largest = max(1, rows.map(\.1).max() ?? 1)
    let height = rows.count * rowHeight + 8
    let width = labelWidth + barWidth + 60
    let summary = rows.prefix(5).map { "\($0.0): \($0.1)" }.joined(separator: "; ")
    out += "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" "
    out +=
      "width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
    out += "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>\n"
    out += "<desc id=\"\(id)-desc\">Bar chart of \(rows.count) rows; largest first: "
    out += "\(HTMLText.escape(summary)).</desc>\n"
    for (index, row) in rows.enumerated() {
      let y = 4 + index * rowHeight
      let length = max(1, row.1 * barWidth / largest)
      out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">"
      out += "\(HTMLText.escape(shortened(row.0)))</text>"
      out +=
        "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 6)\" fill=\"#1f4e9c\"/>"
      out += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\">\(row.1)</text>\n"
    }
    out +=
      "</svg>\n<figcaption>Number of \(HTMLText.escape(unit)); the data table below has the same figures.</figcaption>\n</figure>\n"
    out +=
      "<details><summary>Data table</summary>\n<table>\n<thead><tr><th scope=\"col\">\(HTMLText.escape(title))</th>"
    out += "<th scope=\"col\">\(HTMLText.escape(unit.capitalized))</th></tr></thead>\n<tbody>\n"
    for row in rows {
      out += "<tr><td>\(HTMLText.escape(row.0))</td><td class=\"n\">\(row.1)</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</details>\n</section>\n"
  }

  /// A label of at most 40 scalars (`…` when cut; the data table has the whole label).
  static func shortened(_ label: String) -> String {
    let scalars = Array(label.unicodeScalars)
    guard scalars.count > 40 else { return label }
    return String(String.UnicodeScalarView(scalars.prefix(39))) + "…"
  }
}
