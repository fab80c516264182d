#include "alarmkpistatus.h"

#include "alarmjournaltext.h"
#include "journal/journalqueryservice.h"
#include "uilog.h"
#include "util/clock.h"

#include <QDateTime>
#include <QLocale>

namespace vigil
{

AlarmKpiStatus::AlarmKpiStatus(JournalQueryService &queries, const Clock &clock,
                               AlarmKpiOptions options, QObject *parent)
    : QObject(parent)
    , m_queries(queries)
    , m_clock(clock)
    , m_options(options)
{
    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &AlarmKpiStatus::refresh);
}

void AlarmKpiStatus::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    emit activeChanged();
    if (m_active) {
        refresh();
        m_timer.start();
    } else {
        m_timer.stop();
    }
}

void AlarmKpiStatus::setPeriodHours(int hours)
{
    if (hours < 1 || hours == m_periodHours)
        return;
    m_periodHours = hours;
    emit activeChanged();
    refresh();
}

void AlarmKpiStatus::refresh()
{
    if (m_busy) {
        m_again = true; // one query at a time; the latest wish runs after it
        return;
    }
    m_busy = true;
    emit updated();
    const qint64 to = m_clock.nowMs();
    const qint64 from = to - qint64(m_periodHours) * 3'600'000;
    m_queries.alarmKpis(from, to, m_options).then(this, [this](QFuture<AlarmKpiReport> f) {
        try {
            m_report = f.result();
            m_error.clear();
        } catch (const std::exception &e) {
            m_error = tr("Alarm figures not available: %1").arg(QString::fromStdString(e.what()));
            qCWarning(lcUi) << "alarm KPIs failed:" << e.what();
        }
        m_busy = false;
        emit updated();
        if (std::exchange(m_again, false))
            refresh();
    });
}

QString AlarmKpiStatus::updatedText() const
{
    if (!m_report)
        return {};
    return tr("Last %1 h, as of %2")
        .arg(m_periodHours)
        .arg(QDateTime::fromMSecsSinceEpoch(m_report->toMs).toString(QStringLiteral("HH:mm:ss")));
}

QString AlarmKpiStatus::peakTimeText() const
{
    if (!m_report || m_report->peakPerWindow == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(m_report->peakAtMs)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString AlarmKpiStatus::averageText() const
{
    return QLocale().toString(m_report ? m_report->averagePerWindow : 0.0, 'f', 1);
}

QString AlarmKpiStatus::floodTimeText() const
{
    return QLocale().toString(m_report ? m_report->floodTimePercent : 0.0, 'f', 1) +
           QStringLiteral(" %");
}

QVariantList AlarmKpiStatus::offenders(const QList<AlarmKpiOffender> &list) const
{
    QVariantList out;
    for (const AlarmKpiOffender &o : list) {
        out.append(QVariantMap{
            {QStringLiteral("key"), o.key},
            {QStringLiteral("tag"), o.tag},
            {QStringLiteral("message"), o.message},
            {QStringLiteral("priority"), o.priority},
            {QStringLiteral("priorityText"), AlarmJournalText::priority(o.priority)},
            {QStringLiteral("count"), o.count},
            {QStringLiteral("timeText"), o.timeMs
                                             ? QDateTime::fromMSecsSinceEpoch(o.timeMs).toString(
                                                   QStringLiteral("yyyy-MM-dd HH:mm"))
                                             : QString()},
        });
    }
    return out;
}

QVariantList AlarmKpiStatus::badActors() const
{
    return m_report ? offenders(m_report->badActors) : QVariantList();
}

QVariantList AlarmKpiStatus::chattering() const
{
    return m_report ? offenders(m_report->chattering) : QVariantList();
}

QVariantList AlarmKpiStatus::fleeting() const
{
    return m_report ? offenders(m_report->fleeting) : QVariantList();
}

QVariantList AlarmKpiStatus::stale() const
{
    return m_report ? offenders(m_report->stale) : QVariantList();
}

} // namespace vigil
