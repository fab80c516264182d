#include "devicehost.h"

#include "config/plantconfig.h"
#include "devicelog.h"
#include "driverregistry.h"
#include "events/eventlog.h"

namespace vigil
{

DeviceHost::DeviceHost(const DriverRegistry &registry, const PlantConfig &plant, const Clock &clock,
                       QObject *parent)
    : QObject(parent)
    , m_tags(plant.tags)
{
    m_ownerOfTag.assign(m_tags->size(), nullptr);
    for (const DeviceConfig &device : plant.devices) {
        if (!device.enabled) {
            qCInfo(lcDrivers) << "device" << device.id << "is disabled in the plant file";
            continue;
        }
        const DriverFactory *factory = registry.factory(device.driver);
        Q_ASSERT(factory); // the plant was validated against the same registry
        DriverContext context{device, m_tags, m_tags->tagsOfDevice(device.id), &clock,
                              plant.settings};
        Slot slot;
        slot.driver = factory->create(std::move(context));
        slot.thread = std::make_unique<QThread>();
        slot.thread->setObjectName(QStringLiteral("driver-%1").arg(device.id));
        slot.driver->moveToThread(slot.thread.get());
        for (quint32 t : slot.driver->tagIndices())
            m_ownerOfTag[t] = slot.driver.get();
        m_driverList.push_back(slot.driver.get());
        m_slots.push_back(std::move(slot));
    }
}

DeviceHost::~DeviceHost()
{
    stopAll();
    for (Slot &slot : m_slots) {
        // Delete each driver on its own thread (its timers and sockets live there).
        Driver *driver = slot.driver.release();
        if (slot.thread->isRunning()) {
            connect(slot.thread.get(), &QThread::finished, driver, &QObject::deleteLater);
            slot.thread->quit();
            slot.thread->wait();
        } else {
            delete driver;
        }
    }
}

Driver *DeviceHost::driver(const QString &deviceId) const
{
    for (Driver *d : m_driverList) {
        if (d->deviceId() == deviceId)
            return d;
    }
    return nullptr;
}

void DeviceHost::setEventLog(EventLog *events)
{
    for (Driver *d : m_driverList) {
        connect(
            d, &Driver::statusChanged, events,
            [events, id = d->deviceId()](const DriverStatus &s) {
                SystemEvent::Severity severity = SystemEvent::Severity::Info;
                QString kind;
                switch (s.state) {
                case DriverState::Connecting:
                    return; // retries would flood the timeline; the failure itself is reported
                case DriverState::Connected:
                    kind = QStringLiteral("device.connected");
                    break;
                case DriverState::Degraded:
                    kind = QStringLiteral("device.degraded");
                    severity = SystemEvent::Severity::Warning;
                    break;
                case DriverState::Disconnected:
                    kind = QStringLiteral("device.disconnected");
                    severity = SystemEvent::Severity::Error;
                    break;
                case DriverState::Stopped:
                    kind = QStringLiteral("device.stopped");
                    break;
                }
                events->report(severity, QStringLiteral("device:%1").arg(id), kind, s.reason);
            },
            Qt::DirectConnection);
    }
}

void DeviceHost::startAll()
{
    for (Slot &slot : m_slots) {
        if (!slot.thread->isRunning())
            slot.thread->start();
        slot.driver->start();
    }
}

void DeviceHost::stopAll()
{
    for (Slot &slot : m_slots)
        slot.driver->stop();
}

QFuture<WriteResult> DeviceHost::write(const WriteRequest &request)
{
    if (request.tag >= m_ownerOfTag.size() || !m_ownerOfTag[request.tag]) {
        const QString what =
            request.tag < m_tags->size()
                ? QStringLiteral("tag '%1' has no running device (device '%2' is disabled)")
                      .arg(m_tags->at(request.tag).id, m_tags->at(request.tag).device)
                : QStringLiteral("no tag #%1").arg(request.tag);
        return QtFuture::makeReadyFuture(WriteResult{request.tag, false, what});
    }
    return m_ownerOfTag[request.tag]->write(request);
}

} // namespace vigil
