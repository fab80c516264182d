#pragma once

#include <QString>

#include <optional>

namespace vigil
{

// The time window of a trend: its end, its span and whether it follows the present (live).
// Zoom, pan and typed jumps are computed here; spans stay between 10 s and 5 years, and a
// historical window does not end far in the future.
class TrendRange
{
public:
    static constexpr qint64 kMinSpanMs = 10'000;
    static constexpr qint64 kMaxSpanMs = 5LL * 366 * 86'400'000;

    TrendRange(qint64 to, qint64 span, bool live);

    qint64 from() const { return m_to - m_span; }
    qint64 to() const { return m_to; }
    qint64 span() const { return m_span; }
    bool live() const { return m_live; }

    // Each returns true if the window changed.
    bool set(qint64 to, qint64 span, bool live, qint64 now);
    // Zooms by `factor` (< 1: in) around `anchor` (0: left edge .. 1: right edge); stays live
    // only when zooming around the present.
    bool zoom(double factor, double anchor, qint64 now);
    // Moves by a fraction of the span (positive: later) and leaves live mode.
    bool pan(double fraction, qint64 now);
    bool setSpan(qint64 span, qint64 now);
    // A window typed by an operator (see TimeExpression); nullopt if unreadable or empty.
    std::optional<bool> show(const QString &from, const QString &to, qint64 now);

    // "HH:mm:ss" for short spans up to "yyyy-MM-dd" for long ones (local time).
    QString axisFormat() const;
    QString text() const;     // "2024-01-05 13:00:00 – 2024-01-05 14:00:00"
    QString spanText() const; // "1 h"

private:
    qint64 m_to;
    qint64 m_span;
    bool m_live;
};

} // namespace vigil
