#include "systemdnotifier.h"

#include "applog.h"

#include <systemd/sd-daemon.h>

namespace vigil
{

SystemdNotifier::SystemdNotifier(QObject *parent)
    : QObject(parent)
{
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        m_watchdogMs = qint64(usec / 1000);
        connect(&m_watchdog, &QTimer::timeout, this, [] { sd_notify(0, "WATCHDOG=1"); });
    }
}

bool SystemdNotifier::underSystemd() const
{
    return qEnvironmentVariableIsSet("NOTIFY_SOCKET");
}

void SystemdNotifier::notifyReady()
{
    if (!underSystemd())
        return;
    sd_notify(0, "READY=1");
    if (m_watchdogMs > 0) {
        m_watchdog.start(int(std::max<qint64>(m_watchdogMs / 3, 100)));
        qCInfo(lcApp) << "systemd watchdog every" << m_watchdogMs << "ms";
    }
}

void SystemdNotifier::notifyStopping()
{
    m_watchdog.stop();
    if (underSystemd())
        sd_notify(0, "STOPPING=1");
}

} // namespace vigil
