#pragma once

#include "csvprofile.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

namespace vigil
{

// Writes RFC 4180 CSV to a device, one row at a time (nothing is kept): fields with the
// separator, quotes or line breaks are quoted, quotes doubled, rows end with CRLF. Text cells
// that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading
// apostrophe; numbers are written as numbers.
class CsvWriter
{
public:
    CsvWriter(QIODevice &device, CsvProfile profile);

    // Writes the byte order mark if the profile wants one; call before the first row.
    bool begin();
    void text(const QString &value);
    void number(double value);
    void time(qint64 msSinceEpoch);
    bool endRow();

    bool hasError() const { return m_failed; }
    const CsvProfile &profile() const { return m_profile; }

    static QString neutralized(const QString &value);

private:
    void field(const QString &value);

    QIODevice &m_device;
    CsvProfile m_profile;
    QString m_row;
    bool m_firstField = true;
    bool m_failed = false;
};

} // namespace vigil
