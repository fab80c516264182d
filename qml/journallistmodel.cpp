#include "journallistmodel.h"

#include "export/timeexpression.h"
#include "uilog.h"
#include "util/clock.h"

#include <QDateTime>

namespace vigil
{

namespace
{

qint64 presetSpanMs(int preset)
{
    switch (preset) {
    case JournalListModel::LastHour:
        return 3'600'000;
    case JournalListModel::LastWeek:
        return 7 * 24 * 3'600'000LL;
    default:
        return 24 * 3'600'000LL;
    }
}

} // namespace

JournalListModel::JournalListModel(const Clock &clock, QObject *parent)
    : QAbstractListModel(parent)
    , m_clock(clock)
{
    m_filterPause.setSingleShot(true);
    m_filterPause.setInterval(kFilterPauseMs);
    connect(&m_filterPause, &QTimer::timeout, this, &JournalListModel::refresh);
    resolveRange();
}

QString JournalListModel::statusText() const
{
    if (m_busy)
        return tr("Reading the journal…");
    if (!m_error.isEmpty())
        return m_error;
    if (rowCount() == 0)
        return tr("No entries in this range");
    return hasMore() ? tr("Newest %1 entries shown, older ones available").arg(rowCount())
                     : tr("All %1 entries shown").arg(rowCount());
}

QString JournalListModel::rangeText() const
{
    return tr("%1 to %2").arg(timeText(m_from), timeText(m_to));
}

void JournalListModel::setRangePreset(int preset)
{
    if (preset < LastHour || preset > LastWeek)
        return;
    m_preset = preset;
    refresh();
}

bool JournalListModel::setCustomRange(const QString &from, const QString &to)
{
    const qint64 now = m_clock.nowMs();
    const std::optional<qint64> f = TimeExpression::parse(from.trimmed(), now);
    const std::optional<qint64> t = TimeExpression::parse(to.trimmed(), now);
    if (!f || !t || *f > *t)
        return false;
    m_preset = Custom;
    m_customFrom = *f;
    m_customTo = *t;
    refresh();
    return true;
}

void JournalListModel::resolveRange()
{
    if (m_preset == Custom) {
        m_from = m_customFrom;
        m_to = m_customTo;
    } else {
        m_to = m_clock.nowMs();
        m_from = m_to - presetSpanMs(m_preset);
    }
    emit rangeChanged();
}

void JournalListModel::refresh()
{
    m_filterPause.stop();
    const qint64 generation = ++m_generation;
    resolveRange();
    beginResetModel();
    clearRows();
    endResetModel();
    m_next.reset();
    m_error.clear();
    m_busy = true;
    emit stateChanged();
    requestPage(generation, m_from, m_to, std::nullopt);
}

void JournalListModel::loadMore()
{
    if (m_busy || !m_next)
        return;
    m_busy = true;
    emit stateChanged();
    requestPage(m_generation, m_from, m_to, m_next);
}

void JournalListModel::pageDone(std::optional<JournalCursor> next)
{
    m_next = next;
    m_busy = false;
    emit stateChanged();
}

void JournalListModel::pageFailed(qint64 generation, const QString &error)
{
    if (!isCurrent(generation))
        return;
    qCWarning(lcUi) << "journal query failed:" << error;
    m_error = tr("The journal cannot be read: %1").arg(error);
    m_busy = false;
    emit stateChanged();
}

void JournalListModel::setTextFilter(const QString &text)
{
    setFilterField(m_text, text, true);
}

void JournalListModel::setFilterField(QString &field, const QString &value, bool typed)
{
    if (value == field)
        return;
    field = value;
    emit filtersChanged();
    if (typed)
        filterChanged();
    else
        refresh();
}

void JournalListModel::filterChanged()
{
    m_filterPause.start();
}

QString JournalListModel::timeText(qint64 ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace vigil
