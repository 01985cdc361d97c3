/// Reads RFC 4180 CSV: comma-separated, double-quoted fields with `""` for a quote, CRLF or LF rows.
public enum CSVReader {
    /// A row with the 1-based line it starts on.
    public struct Row: Sendable, Equatable {
        /// The line the row starts on.
        public var line: Int
        /// Its fields.
        public var fields: [String]
    }

    /// Why CSV text cannot be read.
    public struct Failure: Error, Sendable, Equatable {
        /// The line of the problem.
        public var line: Int
        /// What is wrong.
        public var message: String
    }

    /// The rows of `text`, skipping blank lines; a leading byte-order mark is ignored.
    public static func rows(_ text: String) throws(Failure) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var rowLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                rows.append(Row(line: rowLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else {
                    throw Failure(line: line, message: "a quote inside an unquoted field (quote the whole field and double the quote)")
                }
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r" where index < scalars.count && scalars[index] == "\n":
                continue
            case "\n", "\r":
                endRow()
                line += 1
                rowLine = line
            default:
                if fieldWasQuoted {
                    throw Failure(line: line, message: "text after a closing quote (a field is either quoted whole or not at all)")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw Failure(line: rowLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
        return rows
    }
}
