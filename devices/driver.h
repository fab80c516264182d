#pragma once

#include "drivercontext.h"
#include "driverstatistics.h"
#include "driverstatus.h"
#include "tags/tagsample.h"
#include "writerequest.h"

#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QPromise>

#include <map>
#include <memory>

namespace vigil
{

// The one interface every protocol driver implements. A driver lives on its own thread (moved
// there by DeviceHost); the public methods are safe to call from any thread and run the
// protected hooks on the driver's thread. Drivers deliver raw samples in batches and never know
// about alarms or the UI.
class Driver : public QObject
{
    Q_OBJECT
public:
    explicit Driver(DriverContext context, QObject *parent = nullptr);
    ~Driver() override;

    const DeviceConfig &device() const { return m_context.device; }
    const QString &deviceId() const { return m_context.device.id; }
    const std::vector<quint32> &tagIndices() const { return m_context.deviceTags; }
    const TagDirectory &tags() const { return *m_context.tags; }

    void start();
    // Stops and waits until the driver has stopped (pending writes fail with "stopped").
    void stop();
    // Checks the request against the tag (device, writable, type, write limits), converts it to
    // the raw value and hands it to the driver. Refusals resolve at once, before anything is sent.
    QFuture<WriteResult> write(const WriteRequest &request);

    DriverStatus status() const;
    DriverStatistics statistics() const;
    // Accepted but risky configuration (e.g. allow_insecure), shown on the Devices page.
    virtual QStringList configurationWarnings() const { return {}; }

signals:
    void samplesReady(const vigil::SampleBatch &batch);
    void statusChanged(const vigil::DriverStatus &status);

protected:
    // Driver-thread hooks.
    virtual void onStart() = 0;
    virtual void onStop() = 0;
    // Performs a checked write; must end with completeWrite(id, ...), possibly later.
    virtual void onWrite(quint64 id, quint32 tag, const RawValue &raw) = 0;

    const Clock &clock() const { return *m_context.clock; }
    const DeploymentSettings &deploymentSettings() const { return m_context.settings; }
    void completeWrite(quint64 id, bool ok, const QString &error = QString());
    void setStatus(DriverState state, const QString &reason = QString());
    void publish(const SampleBatch &batch);
    // Sets every tag of the device to a (bad) quality, keeping their last values.
    void markAllTags(Quality quality);
    template<typename F>
    void updateStatistics(F &&update)
    {
        QMutexLocker lock(&m_mutex);
        update(m_statistics);
    }

private:
    void failPendingWrites(const QString &reason);
    static QFuture<WriteResult> refused(quint32 tag, const QString &error);

    DriverContext m_context;
    std::vector<quint8> m_ownsTag; // by tag index
    mutable QMutex m_mutex;
    DriverStatus m_status;
    DriverStatistics m_statistics;
    bool m_running = false;
    quint64 m_nextWriteId = 1;
    std::map<quint64, std::shared_ptr<QPromise<WriteResult>>> m_pendingWrites;
    std::map<quint64, quint32> m_pendingTags;
};

} // namespace vigil
