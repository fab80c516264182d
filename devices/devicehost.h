#pragma once

#include "commands/tagwriter.h"
#include "driver.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <vector>

namespace vigil
{

class Clock;
class DriverRegistry;
class EventLog;
struct PlantConfig;

// Creates one driver per enabled device of the plant and runs each on its own thread.
// Routes writes to the driver that owns the tag (the command service's TagWriter).
class DeviceHost : public QObject, public TagWriter
{
    Q_OBJECT
public:
    DeviceHost(const DriverRegistry &registry, const PlantConfig &plant, const Clock &clock,
               QObject *parent = nullptr);
    ~DeviceHost() override;

    const std::vector<Driver *> &drivers() const { return m_driverList; }
    Driver *driver(const QString &deviceId) const;

    // Device state changes are reported as events (device.connected, device.disconnected, ...).
    void setEventLog(EventLog *events);

    void startAll();
    void stopAll();
    QFuture<WriteResult> write(const WriteRequest &request) override;

private:
    struct Slot {
        std::unique_ptr<Driver> driver;
        std::unique_ptr<QThread> thread;
    };
    std::vector<Slot> m_slots;
    std::vector<Driver *> m_driverList;
    std::vector<Driver *> m_ownerOfTag; // by tag index
    std::shared_ptr<const TagDirectory> m_tags;
};

} // namespace vigil
