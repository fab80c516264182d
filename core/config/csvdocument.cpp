#include "csvdocument.h"

#include "diagnostics.h"
#include "filestatus.h"

#include <QFile>

namespace vigil
{

namespace
{

// Walks the text once, keeping line and column. LF, CRLF and CR alone (old Mac exports) all end
// a line, so every line ending counts lines the same way.
class CsvParser
{
public:
    CsvParser(const QString &text, const QString &displayPath, Diagnostics &diagnostics)
        : m_text(text)
        , m_path(displayPath)
        , m_diagnostics(diagnostics)
    {
    }

    std::optional<QList<CsvDocument::Row>> parse()
    {
        QList<CsvDocument::Row> rows;
        while (!atEnd()) {
            if (skipCommentOrBlankLine())
                continue;
            std::optional<CsvDocument::Row> row = readRow();
            if (!row)
                return std::nullopt;
            rows.append(std::move(*row));
        }
        return rows;
    }

private:
    bool atEnd() const { return m_i >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_i + ahead < m_text.size() ? m_text.at(m_i + ahead) : QChar();
    }
    bool atLineEnd() const { return !atEnd() && (peek() == u'\n' || peek() == u'\r'); }
    bool atCellEnd() const { return atEnd() || peek() == u',' || atLineEnd(); }
    static bool isBlank(QChar c) { return c == u' ' || c == u'\t'; }
    SourceLocation here() const { return {m_path, m_line, m_column}; }

    void advance()
    {
        const QChar c = peek();
        ++m_i;
        if (c == u'\n' || (c == u'\r' && peek() != u'\n')) {
            ++m_line;
            m_column = 1;
        } else {
            ++m_column;
        }
    }
    void skipBlanks()
    {
        while (!atEnd() && isBlank(peek()))
            advance();
    }
    void skipLineEnd()
    {
        if (!atEnd() && peek() == u'\r')
            advance();
        if (!atEnd() && peek() == u'\n')
            advance();
    }

    // Comment lines and blank (or whitespace-only) lines are not records.
    bool skipCommentOrBlankLine()
    {
        qsizetype firstText = m_i;
        while (firstText < m_text.size() && isBlank(m_text.at(firstText)))
            ++firstText;
        const QChar first = firstText < m_text.size() ? m_text.at(firstText) : QChar();
        if (peek() != u'#' && firstText < m_text.size() && first != u'\n' && first != u'\r')
            return false;
        while (!atEnd() && !atLineEnd())
            advance();
        skipLineEnd();
        return true;
    }

    std::optional<CsvDocument::Row> readRow()
    {
        CsvDocument::Row row;
        row.location = here();
        while (true) {
            // Spaces before a cell carry no meaning (unquoted cells are trimmed); skipping them
            // also lets a quoted cell follow ", " and points the location at the text.
            skipBlanks();
            CsvDocument::Cell cell;
            cell.location = here();
            if (peek() == u'"') {
                if (!readQuoted(cell))
                    return std::nullopt;
            } else {
                readUnquoted(cell);
            }
            row.cells.append(std::move(cell));
            if (!atEnd() && peek() == u',') {
                advance();
                continue;
            }
            skipLineEnd();
            return row;
        }
    }

    void readUnquoted(CsvDocument::Cell &cell)
    {
        while (!atCellEnd()) {
            cell.text += peek();
            advance();
        }
        cell.text = cell.text.trimmed();
    }

    bool readQuoted(CsvDocument::Cell &cell)
    {
        const SourceLocation opened = here();
        advance();
        bool closed = false;
        while (!atEnd()) {
            const QChar c = peek();
            if (c == u'"' && peek(1) == u'"') {
                cell.text += u'"';
                advance();
                advance();
                continue;
            }
            advance();
            if (c == u'"') {
                closed = true;
                break;
            }
            cell.text += c;
        }
        if (!closed) {
            m_diagnostics.error(opened, QString(), QStringLiteral("quoted cell is never closed"));
            return false;
        }
        const SourceLocation closing = {m_path, m_line, m_column - 1};
        skipBlanks();
        if (atCellEnd())
            return true;
        if (closing.line != opened.line) {
            // A quote left open swallows the following lines up to the next quote, which then
            // seems to be followed by stray text; the mistake is where the quote opened.
            m_diagnostics.error(opened, QString(),
                                QStringLiteral("unbalanced quote: the quoted cell that opens here "
                                               "runs to line %1, where its closing quote is "
                                               "followed by text")
                                    .arg(closing.line));
        } else {
            m_diagnostics.error(here(), QString(),
                                QStringLiteral("unexpected text after a quoted cell"));
        }
        return false;
    }

    const QString &m_text;
    const QString &m_path;
    Diagnostics &m_diagnostics;
    qsizetype m_i = 0;
    int m_line = 1;
    int m_column = 1;
};

} // namespace

std::optional<CsvDocument> CsvDocument::parseFile(const QString &path, Diagnostics &diagnostics)
{
    if (const QString problem = FileStatus::linkProblem(path); !problem.isEmpty()) {
        diagnostics.error({path, 0, 0}, QString(),
                          QStringLiteral("cannot read the file: it is %1").arg(problem));
        return std::nullopt;
    }
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
    std::optional<QList<Row>> rows = CsvParser(text, displayPath, diagnostics).parse();
    if (!rows)
        return std::nullopt;
    CsvDocument doc;
    doc.m_rows = std::move(*rows);
    return doc;
}

} // namespace vigil
