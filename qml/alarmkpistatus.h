#pragma once

#include "journal/alarmkpioptions.h"
#include "journal/alarmkpireport.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>

#include <optional>

namespace vigil
{

class Clock;
class JournalQueryService;

// The alarm KPIs (EEMUA 191) of the period ending now, for the KPI panel of the alarm summary:
// the alarm rate of the last 10 minutes and its peak, the flood state, chattering, fleeting and
// stale alarms, and the top bad actors. Computed on the journal's query thread; refreshed while
// the panel is shown (`active`).
class AlarmKpiStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AlarmKpiStatus is created by the application")
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(int periodHours READ periodHours WRITE setPeriodHours NOTIFY activeChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY updated)
    Q_PROPERTY(bool hasData READ hasData NOTIFY updated)
    Q_PROPERTY(QString errorText READ errorText NOTIFY updated)
    Q_PROPERTY(QString updatedText READ updatedText NOTIFY updated)
    Q_PROPERTY(int floodThreshold READ floodThreshold CONSTANT)
    Q_PROPERTY(int chatterActivations READ chatterActivations CONSTANT)
    Q_PROPERTY(int chatterWindowSeconds READ chatterWindowSeconds CONSTANT)
    Q_PROPERTY(double fleetingSeconds READ fleetingSeconds CONSTANT)
    Q_PROPERTY(int staleHours READ staleHours CONSTANT)
    Q_PROPERTY(int alarms READ alarms NOTIFY updated)
    Q_PROPERTY(int recentAlarms READ recentAlarms NOTIFY updated)
    Q_PROPERTY(int peakPerWindow READ peakPerWindow NOTIFY updated)
    Q_PROPERTY(QString peakTimeText READ peakTimeText NOTIFY updated)
    Q_PROPERTY(QString averageText READ averageText NOTIFY updated)
    Q_PROPERTY(bool floodNow READ floodNow NOTIFY updated)
    Q_PROPERTY(int floodCount READ floodCount NOTIFY updated)
    Q_PROPERTY(QString floodTimeText READ floodTimeText NOTIFY updated)
    Q_PROPERTY(int chatteringCount READ chatteringCount NOTIFY updated)
    Q_PROPERTY(int fleetingCount READ fleetingCount NOTIFY updated)
    Q_PROPERTY(int staleCount READ staleCount NOTIFY updated)
    Q_PROPERTY(QVariantList badActors READ badActors NOTIFY updated)
    Q_PROPERTY(QVariantList chattering READ chattering NOTIFY updated)
    Q_PROPERTY(QVariantList fleeting READ fleeting NOTIFY updated)
    Q_PROPERTY(QVariantList stale READ stale NOTIFY updated)
public:
    static constexpr int kRefreshMs = 30'000;

    AlarmKpiStatus(JournalQueryService &queries, const Clock &clock, AlarmKpiOptions options = {},
                   QObject *parent = nullptr);

    bool active() const { return m_active; }
    void setActive(bool active);
    int periodHours() const { return m_periodHours; }
    void setPeriodHours(int hours);
    bool busy() const { return m_busy; }
    bool hasData() const { return m_report.has_value(); }
    QString errorText() const { return m_error; }
    QString updatedText() const;
    int floodThreshold() const { return m_options.floodAlarmsPerWindow; }
    int chatterActivations() const { return m_options.chatterActivations; }
    int chatterWindowSeconds() const { return int(m_options.chatterWindowMs / 1000); }
    double fleetingSeconds() const { return double(m_options.fleetingMs) / 1000.0; }
    int staleHours() const { return int(m_options.staleMs / 3'600'000); }
    int alarms() const { return m_report ? m_report->alarms : 0; }
    int recentAlarms() const { return m_report ? m_report->recentAlarms : 0; }
    int peakPerWindow() const { return m_report ? m_report->peakPerWindow : 0; }
    QString peakTimeText() const;
    QString averageText() const;
    bool floodNow() const { return m_report && m_report->floodNow; }
    int floodCount() const { return m_report ? int(m_report->floods.size()) : 0; }
    QString floodTimeText() const;
    int chatteringCount() const { return m_report ? int(m_report->chattering.size()) : 0; }
    int fleetingCount() const { return m_report ? int(m_report->fleeting.size()) : 0; }
    int staleCount() const { return m_report ? int(m_report->stale.size()) : 0; }
    QVariantList badActors() const;
    QVariantList chattering() const;
    QVariantList fleeting() const;
    QVariantList stale() const;

    // The latest report, for C++ users (none before the first answer).
    const std::optional<AlarmKpiReport> &report() const { return m_report; }

    Q_INVOKABLE void refresh();

signals:
    void activeChanged();
    void updated();

private:
    QVariantList offenders(const QList<AlarmKpiOffender> &list) const;

    JournalQueryService &m_queries;
    const Clock &m_clock;
    AlarmKpiOptions m_options;
    bool m_active = false;
    int m_periodHours = 24;
    bool m_busy = false;
    bool m_again = false;
    std::optional<AlarmKpiReport> m_report;
    QString m_error;
    QTimer m_timer;
};

} // namespace vigil
