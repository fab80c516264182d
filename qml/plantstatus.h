#pragma once

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace vigil
{

class Clock;

// Plant-wide facts for the top bar: plant name, the clock, kiosk mode, the version.
class PlantStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PlantStatus is created by the application")
    Q_PROPERTY(QString plantName READ plantName CONSTANT)
    Q_PROPERTY(QString description READ description CONSTANT)
    Q_PROPERTY(QString timeText READ timeText NOTIFY clockTick)
    Q_PROPERTY(QString dateText READ dateText NOTIFY clockTick)
    Q_PROPERTY(bool kiosk READ kiosk CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
public:
    PlantStatus(QString plantName, QString description, const Clock &clock, bool kiosk,
                QObject *parent = nullptr);

    QString plantName() const { return m_plantName; }
    QString description() const { return m_description; }
    QString timeText() const;
    QString dateText() const;
    bool kiosk() const { return m_kiosk; }
    QString version() const;

signals:
    void clockTick();

private:
    void scheduleTick();

    QString m_plantName;
    QString m_description;
    const Clock &m_clock;
    bool m_kiosk;
    QTimer m_timer;
};

} // namespace vigil
