#pragma once

#include "sourcelocation.h"

#include <QList>
#include <QString>

#include <optional>

namespace vigil
{

class Diagnostics;

// An RFC 4180 CSV reader that remembers where every cell starts. Blank (or whitespace-only) lines
// and lines whose first character is '#' are skipped; a UTF-8 byte order mark is ignored; quoted
// cells may hold commas, doubled quotes and line breaks. Spaces around a cell are not part of it
// (unquoted cells are trimmed; spaces outside the quotes of a quoted cell are ignored).
class CsvDocument
{
public:
    struct Cell {
        QString text;
        SourceLocation location;
    };
    struct Row {
        QList<Cell> cells;
        SourceLocation location;
    };

    static std::optional<CsvDocument> parseFile(const QString &path, Diagnostics &diagnostics);
    static std::optional<CsvDocument> parse(const QString &text, const QString &displayPath,
                                            Diagnostics &diagnostics);

    const QList<Row> &rows() const { return m_rows; }

private:
    QList<Row> m_rows;
};

} // namespace vigil
