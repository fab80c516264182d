#pragma once

#include <QObject>
#include <QTimer>

namespace vigil
{

// Tells systemd when Vigil is ready and keeps its watchdog fed from the GUI thread, so a frozen
// user interface gets the kiosk service restarted. Does nothing when not run by systemd.
class SystemdNotifier : public QObject
{
    Q_OBJECT
public:
    explicit SystemdNotifier(QObject *parent = nullptr);

    bool underSystemd() const;
    void notifyReady();
    void notifyStopping();
    // Watchdog interval requested by the unit (0: none).
    qint64 watchdogIntervalMs() const { return m_watchdogMs; }

private:
    QTimer m_watchdog;
    qint64 m_watchdogMs = 0;
};

} // namespace vigil
