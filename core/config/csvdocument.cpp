#include "csvdocument.h"

#include "diagnostics.h"

#include <QFile>

namespace vigil
{

std::optional<CsvDocument> CsvDocument::parseFile(const QString &path, Diagnostics &diagnostics)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        diagnostics.error({path, 0, 0}, QString(),
                          QStringLiteral("cannot read the file: %1").arg(file.errorString()));
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return parse(text, path, diagnostics);
}

std::optional<CsvDocument> CsvDocument::parse(const QString &text, const QString &displayPath,
                                              Diagnostics &diagnostics)
{
    CsvDocument doc;
    int line = 1;
    int column = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();

    auto advance = [&](QChar c) {
        ++i;
        if (c == u'\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    };

    auto isBlank = [](QChar c) { return c == u' ' || c == u'\t'; };

    while (i < n) {
        // Start of a record: skip comment lines and blank (or whitespace-only) lines.
        qsizetype firstText = i;
        while (firstText < n && isBlank(text.at(firstText)))
            ++firstText;
        if (text.at(i) == u'#' || firstText == n || text.at(firstText) == u'\n' ||
            text.at(firstText) == u'\r') {
            while (i < n && text.at(i) != u'\n')
                advance(text.at(i));
            if (i < n)
                advance(text.at(i));
            continue;
        }
        Row row;
        row.location = {displayPath, line, column};
        bool endOfRecord = false;
        while (!endOfRecord) {
            Cell cell;
            // Spaces before a cell carry no meaning (unquoted cells are trimmed); skipping them
            // also lets a quoted cell follow ", " and points the location at the text.
            while (i < n && isBlank(text.at(i)))
                advance(text.at(i));
            cell.location = {displayPath, line, column};
            if (i < n && text.at(i) == u'"') {
                const SourceLocation opened = cell.location;
                advance(text.at(i));
                bool closed = false;
                while (i < n) {
                    const QChar c = text.at(i);
                    if (c == u'"') {
                        if (i + 1 < n && text.at(i + 1) == u'"') {
                            cell.text += u'"';
                            advance(c);
                            advance(c);
                            continue;
                        }
                        advance(c);
                        closed = true;
                        break;
                    }
                    cell.text += c;
                    advance(c);
                }
                if (!closed) {
                    diagnostics.error(opened, QString(),
                                      QStringLiteral("quoted cell is never closed"));
                    return std::nullopt;
                }
                while (i < n && isBlank(text.at(i)))
                    advance(text.at(i));
                if (i < n && text.at(i) != u',' && text.at(i) != u'\n' && text.at(i) != u'\r') {
                    diagnostics.error({displayPath, line, column}, QString(),
                                      QStringLiteral("unexpected text after a quoted cell"));
                    return std::nullopt;
                }
            } else {
                while (i < n && text.at(i) != u',' && text.at(i) != u'\n' && text.at(i) != u'\r') {
                    cell.text += text.at(i);
                    advance(text.at(i));
                }
                cell.text = cell.text.trimmed();
            }
            row.cells.append(cell);
            if (i < n && text.at(i) == u',') {
                advance(text.at(i));
                continue;
            }
            // End of line or file.
            if (i < n && text.at(i) == u'\r')
                advance(text.at(i));
            if (i < n && text.at(i) == u'\n')
                advance(text.at(i));
            endOfRecord = true;
        }
        doc.m_rows.append(row);
    }
    return doc;
}

} // namespace vigil
