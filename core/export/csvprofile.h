#pragma once

#include <QLocale>
#include <QString>
#include <QTimeZone>

namespace vigil
{

// How a CSV file is written (HMI.md):
//  - machine: UTF-8, comma, dot decimal, ISO 8601 UTC times ("2024-01-05T13:45:10.123Z");
//  - spreadsheet: UTF-8 with BOM, the locale's list separator (';' where the decimal mark is a
//    comma) and decimal mark, local times ("2024-01-05 14:45:10,123").
// Both end every row, the last included, with CR LF as RFC 4180 says (CsvWriter::endRow):
// spreadsheets expect it, CSV readers accept it; line-based tools see a '\r' at each line's end.
class CsvProfile
{
public:
    enum class Kind {
        Machine,
        Spreadsheet
    };

    static CsvProfile machine();
    static CsvProfile spreadsheet(const QLocale &locale = QLocale::system(),
                                  const QTimeZone &zone = QTimeZone::systemTimeZone());
    // "machine" or "spreadsheet" (case-insensitive); nullopt otherwise.
    static std::optional<CsvProfile> fromName(const QString &name);

    Kind kind() const { return m_kind; }
    QString name() const;
    QChar separator() const { return m_separator; }
    bool byteOrderMark() const { return m_kind == Kind::Spreadsheet; }

    QString formatNumber(double value) const;
    QString formatTime(qint64 msSinceEpoch) const;

private:
    Kind m_kind = Kind::Machine;
    QChar m_separator = u',';
    QLocale m_locale = QLocale::c();
    QTimeZone m_zone = QTimeZone::utc();
};

} // namespace vigil
