#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace vigil
{

class AlarmListModel;

// What the top bar's alarm banner shows: the unacknowledged, actionable alarms counted by
// priority (shelved, suppressed and out-of-service ones are not annunciated), the newest of the
// highest priority among them, and whether the banner flashes (only while something is
// unacknowledged). Recounted from the alarm list once per applied batch.
class AlarmBannerStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AlarmBannerStatus is created by the application")
    Q_PROPERTY(int critical READ critical NOTIFY changed)
    Q_PROPERTY(int high READ high NOTIFY changed)
    Q_PROPERTY(int medium READ medium NOTIFY changed)
    Q_PROPERTY(int low READ low NOTIFY changed)
    Q_PROPERTY(int total READ total NOTIFY changed)
    Q_PROPERTY(bool flashing READ flashing NOTIFY changed)
    Q_PROPERTY(int newestAlarmId READ newestAlarmId NOTIFY changed)
    Q_PROPERTY(int newestPriority READ newestPriority NOTIFY changed)
    Q_PROPERTY(QString newestShape READ newestShape NOTIFY changed)
    Q_PROPERTY(QString newestPriorityText READ newestPriorityText NOTIFY changed)
    Q_PROPERTY(QString newestText READ newestText NOTIFY changed)
    Q_PROPERTY(QString newestTimeText READ newestTimeText NOTIFY changed)
    Q_PROPERTY(QString newestSource READ newestSource NOTIFY changed)
    Q_PROPERTY(QString newestMessage READ newestMessage NOTIFY changed)
public:
    explicit AlarmBannerStatus(AlarmListModel *alarms, QObject *parent = nullptr);

    int critical() const { return m_counts[4]; }
    int high() const { return m_counts[3]; }
    int medium() const { return m_counts[2]; }
    int low() const { return m_counts[1]; }
    int total() const { return low() + medium() + high() + critical(); }
    bool flashing() const { return total() > 0; }
    int newestAlarmId() const { return m_newestId; }
    // 0 when nothing is unacknowledged, else 1 (low) ... 4 (critical).
    int newestPriority() const { return m_newestPriority; }
    QString newestShape() const;
    QString newestPriorityText() const;
    // "14:03:12  LT101  Tank level high", or "No unacknowledged alarms".
    QString newestText() const;
    // The parts of newestText (empty when nothing is unacknowledged): its raise time, its tag
    // (or device) and its message.
    QString newestTimeText() const { return m_newestTime; }
    QString newestSource() const { return m_newestSource; }
    QString newestMessage() const { return m_newestMessage; }

signals:
    void changed();

private:
    void recount();

    AlarmListModel *m_alarms;
    int m_counts[5] = {0, 0, 0, 0, 0}; // by priority value
    int m_newestId = -1;
    int m_newestPriority = 0;
    QString m_newestTime;
    QString m_newestSource;
    QString m_newestMessage;
};

} // namespace vigil
