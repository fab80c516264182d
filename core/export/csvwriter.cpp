#include "csvwriter.h"

namespace vigil
{

CsvWriter::CsvWriter(QIODevice &device, CsvProfile profile)
    : m_device(device)
    , m_profile(std::move(profile))
{
}

bool CsvWriter::begin()
{
    if (m_profile.byteOrderMark() && m_device.write("\xEF\xBB\xBF", 3) != 3)
        m_failed = true;
    return !m_failed;
}

QString CsvWriter::neutralized(const QString &value)
{
    if (value.isEmpty())
        return value;
    const QChar c = value.front();
    if (c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r')
        return u'\'' + value;
    return value;
}

void CsvWriter::field(const QString &value)
{
    if (!m_firstField)
        m_row += m_profile.separator();
    m_firstField = false;
    const bool quote = value.contains(m_profile.separator()) || value.contains(u'"') ||
                       value.contains(u'\n') || value.contains(u'\r');
    if (!quote) {
        m_row += value;
        return;
    }
    m_row += u'"';
    for (const QChar c : value) {
        if (c == u'"')
            m_row += u'"';
        m_row += c;
    }
    m_row += u'"';
}

void CsvWriter::text(const QString &value)
{
    field(neutralized(value));
}

void CsvWriter::number(double value)
{
    field(m_profile.formatNumber(value));
}

void CsvWriter::time(qint64 msSinceEpoch)
{
    field(m_profile.formatTime(msSinceEpoch));
}

bool CsvWriter::endRow()
{
    m_row += QStringLiteral("\r\n");
    const QByteArray bytes = m_row.toUtf8();
    if (m_device.write(bytes) != bytes.size())
        m_failed = true;
    m_row.clear();
    m_firstField = true;
    return !m_failed;
}

} // namespace vigil
