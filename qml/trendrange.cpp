#include "trendrange.h"

#include "config/duration.h"
#include "export/timeexpression.h"

#include <QDateTime>

#include <algorithm>

namespace vigil
{

TrendRange::TrendRange(qint64 to, qint64 span, bool live)
    : m_to(to)
    , m_span(std::clamp(span, kMinSpanMs, kMaxSpanMs))
    , m_live(live)
{
}

bool TrendRange::set(qint64 to, qint64 span, bool live, qint64 now)
{
    span = std::clamp(span, kMinSpanMs, kMaxSpanMs);
    to = live ? now : std::min(to, now + span / 2);
    const bool changed = to != m_to || span != m_span || live != m_live;
    m_to = to;
    m_span = span;
    m_live = live;
    return changed;
}

bool TrendRange::zoom(double factor, double anchor, qint64 now)
{
    if (!(factor > 0))
        return false;
    anchor = std::clamp(anchor, 0.0, 1.0);
    const qint64 span = std::clamp(qint64(double(m_span) * factor), kMinSpanMs, kMaxSpanMs);
    const double at = double(from()) + anchor * double(m_span);
    const qint64 to = qint64(at + (1.0 - anchor) * double(span));
    return set(to, span, m_live && anchor > 0.9, now);
}

bool TrendRange::pan(double fraction, qint64 now)
{
    return set(m_to + qint64(fraction * double(m_span)), m_span, false, now);
}

bool TrendRange::setSpan(qint64 span, qint64 now)
{
    return set(m_live ? now : m_to, span, m_live, now);
}

std::optional<bool> TrendRange::show(const QString &from, const QString &to, qint64 now)
{
    const std::optional<qint64> a = TimeExpression::parse(from, now);
    const std::optional<qint64> b =
        TimeExpression::parse(to.trimmed().isEmpty() ? QStringLiteral("now") : to, now);
    if (!a || !b || *b <= *a)
        return std::nullopt;
    return set(*b, *b - *a, false, now);
}

QString TrendRange::axisFormat() const
{
    if (m_span <= 15 * 60'000)
        return QStringLiteral("HH:mm:ss");
    if (m_span <= 2 * 86'400'000)
        return QStringLiteral("HH:mm");
    if (m_span <= 90LL * 86'400'000)
        return QStringLiteral("MM-dd HH:mm");
    return QStringLiteral("yyyy-MM-dd");
}

QString TrendRange::text() const
{
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    return QStringLiteral("%1 – %2").arg(QDateTime::fromMSecsSinceEpoch(from()).toString(format),
                                         QDateTime::fromMSecsSinceEpoch(m_to).toString(format));
}

QString TrendRange::spanText() const
{
    return Duration::format(m_span);
}

} // namespace vigil
