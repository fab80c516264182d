#include "driver.h"

#include "devicelog.h"
#include "util/clock.h"

#include <QThread>

#include <cmath>
#include <optional>

namespace vigil
{

namespace
{

// true/false, 1/0 or their text; anything else ("maybe", 2, NaN) is refused rather than read as
// true.
std::optional<bool> writtenBool(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    if (value.typeId() == QMetaType::QString) {
        const QString word = value.toString().trimmed().toLower();
        if (word == u"true")
            return true;
        if (word == u"false")
            return false;
    }
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (ok && (number == 0.0 || number == 1.0))
        return number == 1.0;
    return std::nullopt;
}

} // namespace

Driver::Driver(DriverContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{
    Q_ASSERT(m_context.clock);
    m_ownsTag.assign(m_context.tags->size(), 0);
    for (quint32 t : m_context.deviceTags)
        m_ownsTag[t] = 1;
    m_status.sinceMs = m_context.clock->nowMs();
}

Driver::~Driver() = default;

void Driver::start()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            {
                QMutexLocker lock(&m_mutex);
                if (m_running)
                    return;
                m_running = true;
            }
            setStatus(DriverState::Connecting);
            onStart();
        },
        Qt::QueuedConnection);
}

void Driver::stop()
{
    auto doStop = [this] {
        {
            QMutexLocker lock(&m_mutex);
            if (!m_running)
                return;
            m_running = false;
        }
        onStop();
        markAllTags(Quality::NotConnected);
        failPendingWrites(QStringLiteral("device '%1' stopped").arg(deviceId()));
        setStatus(DriverState::Stopped);
    };
    if (thread() == QThread::currentThread() || !thread()->isRunning())
        doStop();
    else
        QMetaObject::invokeMethod(this, doStop, Qt::BlockingQueuedConnection);
}

QFuture<WriteResult> Driver::refused(quint32 tag, const QString &error)
{
    return QtFuture::makeReadyFuture(WriteResult{tag, false, error});
}

QFuture<WriteResult> Driver::write(const WriteRequest &request)
{
    const quint32 tag = request.tag;
    if (tag >= m_ownsTag.size() || !m_ownsTag[tag])
        return refused(
            tag, QStringLiteral("tag #%1 does not belong to device '%2'").arg(tag).arg(deviceId()));
    const TagDefinition &def = m_context.tags->at(tag);
    if (!def.writable)
        return refused(tag, QStringLiteral("tag '%1' is not writable").arg(def.id));

    RawValue raw;
    if (def.type == DataType::String) {
        if (!request.value.canConvert<QString>())
            return refused(tag, QStringLiteral("tag '%1' takes text").arg(def.id));
        raw.text = request.value.toString();
    } else if (def.type == DataType::Bool) {
        const std::optional<bool> value = writtenBool(request.value);
        if (!value)
            return refused(tag, QStringLiteral("tag '%1' takes true or false").arg(def.id));
        raw.number = *value ? 1.0 : 0.0;
    } else {
        bool ok = false;
        const double eu = request.value.toDouble(&ok);
        if (!ok || !std::isfinite(eu))
            return refused(tag, QStringLiteral("tag '%1' takes a finite number").arg(def.id));
        if (eu < def.writeMin || eu > def.writeMax)
            return refused(tag,
                           QStringLiteral("%1 is outside the write limits [%2, %3] of tag '%4'")
                               .arg(QStringLiteral("%1 %2").arg(eu).arg(def.unit).trimmed())
                               .arg(def.writeMin)
                               .arg(def.writeMax)
                               .arg(def.id));
        raw.number = def.scaling.toRaw(eu);
        if (isInteger(def.type))
            raw.number = std::round(raw.number);
        if (raw.number < dataTypeMin(def.type) || raw.number > dataTypeMax(def.type))
            return refused(tag, QStringLiteral("raw value %1 does not fit a %2")
                                    .arg(raw.number)
                                    .arg(dataTypeName(def.type)));
    }

    auto promise = std::make_shared<QPromise<WriteResult>>();
    QFuture<WriteResult> future = promise->future();
    promise->start();
    quint64 id = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_running)
            return refused(tag, QStringLiteral("device '%1' is stopped").arg(deviceId()));
        id = m_nextWriteId++;
        m_pendingWrites.emplace(id, promise);
        m_pendingTags.emplace(id, tag);
        ++m_statistics.writes;
    }
    QMetaObject::invokeMethod(
        this,
        [this, id, tag, raw] {
            // A write failed in the meantime (the driver was stopped) must not be performed.
            {
                QMutexLocker lock(&m_mutex);
                if (!m_pendingWrites.count(id))
                    return;
            }
            onWrite(id, tag, raw);
        },
        Qt::QueuedConnection);
    return future;
}

void Driver::completeWrite(quint64 id, bool ok, const QString &error)
{
    std::shared_ptr<QPromise<WriteResult>> promise;
    quint32 tag = 0;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_pendingWrites.find(id);
        if (it == m_pendingWrites.end())
            return;
        promise = it->second;
        m_pendingWrites.erase(it);
        tag = m_pendingTags[id];
        m_pendingTags.erase(id);
        if (!ok)
            ++m_statistics.writeErrors;
    }
    if (!ok)
        qCWarning(lcDrivers) << "write to" << m_context.tags->at(tag).id << "failed:" << error;
    promise->addResult(WriteResult{tag, ok, error});
    promise->finish();
}

void Driver::failPendingWrites(const QString &reason)
{
    std::vector<quint64> ids;
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &entry : m_pendingWrites)
            ids.push_back(entry.first);
    }
    for (quint64 id : ids)
        completeWrite(id, false, reason);
}

DriverStatus Driver::status() const
{
    QMutexLocker lock(&m_mutex);
    return m_status;
}

DriverStatistics Driver::statistics() const
{
    QMutexLocker lock(&m_mutex);
    return m_statistics;
}

void Driver::setStatus(DriverState state, const QString &reason)
{
    DriverStatus status;
    {
        QMutexLocker lock(&m_mutex);
        if (m_status.state == state && m_status.reason == reason)
            return;
        m_status.state = state;
        m_status.reason = reason;
        m_status.sinceMs = m_context.clock->nowMs();
        status = m_status;
    }
    qCInfo(lcDrivers).noquote() << "device" << deviceId() << driverStateName(state)
                                << (reason.isEmpty() ? QString()
                                                     : QStringLiteral("(%1)").arg(reason));
    emit statusChanged(status);
}

void Driver::publish(const SampleBatch &batch)
{
    if (!batch.isEmpty())
        emit samplesReady(batch);
}

void Driver::markAllTags(Quality quality)
{
    SampleBatch batch;
    batch.reserve(qsizetype(m_context.deviceTags.size()));
    const qint64 now = m_context.clock->nowMs();
    for (quint32 t : m_context.deviceTags) {
        TagSample s;
        s.tag = t;
        s.quality = quality;
        s.sourceTime = now;
        batch.append(s);
    }
    publish(batch);
}

} // namespace vigil
