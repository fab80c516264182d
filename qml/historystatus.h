#pragma once

#include "history/historianstate.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace vigil
{

class Historian;

// The historian's state for the top bar and the trend page: recording, or degraded with the
// reason and the samples dropped so far. Without a historian (a panel that only reads a shared
// history server) it says so.
class HistoryStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("HistoryStatus is created by the application")
    Q_PROPERTY(bool recording READ recording NOTIFY changed)
    Q_PROPERTY(bool degraded READ degraded NOTIFY changed)
    Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
    Q_PROPERTY(QString reason READ reason NOTIFY changed)
    Q_PROPERTY(double droppedSamples READ droppedSamples NOTIFY changed)
public:
    explicit HistoryStatus(Historian *historian, QObject *parent = nullptr);

    bool recording() const { return m_state == HistorianState::Recording; }
    bool degraded() const { return m_state == HistorianState::Degraded; }
    QString stateText() const;
    QString reason() const { return m_reason; }
    double droppedSamples() const { return double(m_dropped); }

signals:
    void changed();

private:
    void refresh();

    QPointer<Historian> m_historian;
    QTimer m_timer;
    HistorianState m_state = HistorianState::Stopped;
    QString m_reason;
    quint64 m_dropped = 0;
};

} // namespace vigil
