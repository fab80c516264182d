#include "timeexpression.h"

#include "config/duration.h"

#include <QDateTime>
#include <QTimeZone>

namespace vigil
{

std::optional<qint64> TimeExpression::parse(const QString &input, qint64 nowMs)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (text.compare(u"now", Qt::CaseInsensitive) == 0)
        return nowMs;
    if (text.startsWith(u'-') || text.startsWith(u'+')) {
        const std::optional<qint64> ms = Duration::parseMs(text.mid(1));
        if (!ms)
            return std::nullopt;
        return text.startsWith(u'-') ? nowMs - *ms : nowMs + *ms;
    }
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        QString spaced = text;
        spaced.replace(u' ', u'T');
        dt = QDateTime::fromString(spaced, Qt::ISODateWithMs);
    }
    if (!dt.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            dt = date.startOfDay();
    }
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

} // namespace vigil
