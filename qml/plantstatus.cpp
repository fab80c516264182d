#include "plantstatus.h"

#include "util/clock.h"

#include <QCoreApplication>
#include <QDateTime>

namespace vigil
{

PlantStatus::PlantStatus(QString plantName, QString description, const Clock &clock, bool kiosk,
                         QObject *parent)
    : QObject(parent)
    , m_plantName(std::move(plantName))
    , m_description(std::move(description))
    , m_clock(clock)
    , m_kiosk(kiosk)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        emit clockTick();
        scheduleTick();
    });
    scheduleTick();
}

void PlantStatus::scheduleTick()
{
    // Tick just after each full second so the displayed seconds never skip.
    const qint64 ms = m_clock.nowMs() % 1000;
    m_timer.start(int(1000 - ms + 5));
}

QString PlantStatus::timeText() const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).toString(QStringLiteral("HH:mm:ss"));
}

QString PlantStatus::dateText() const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).toString(QStringLiteral("yyyy-MM-dd"));
}

QString PlantStatus::version() const
{
    return QCoreApplication::applicationVersion();
}

} // namespace vigil
