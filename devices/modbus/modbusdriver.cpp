#include "modbusdriver.h"

#include "config/configreader.h"
#include "config/diagnostics.h"
#include "modbuscodec.h"
#include "modbusconnection.h"
#include "modbuscounters.h"
#include "modbuslog.h"
#include "modbusplanner.h"
#include "modbussampler.h"
#include "util/clock.h"

#include <map>

namespace vigil
{

namespace
{

ModbusSettings readSettings(const DeviceConfig &device)
{
    Diagnostics ignored; // validated by the factory at load
    ConfigReader reader(device.node, device.object(), ignored);
    return ModbusSettings::read(reader);
}

constexpr qint64 kSliceNs = 5'000'000; // run queued requests for at most this long per turn

} // namespace

ModbusDriver::ModbusDriver(DriverContext context, TransportFactory transport)
    : Driver(std::move(context))
    , m_settings(readSettings(device()))
    , m_transportFactory(std::move(transport))
{
    if (!m_transportFactory) {
        m_transportFactory = [](const ModbusSettings &settings) {
            return std::make_unique<ModbusConnection>(settings);
        };
    }
    Diagnostics diagnostics;
    for (quint32 t : tagIndices()) {
        if (std::optional<ModbusPoint> p =
                ModbusPoint::resolve(m_settings, tags().at(t), t, diagnostics))
            m_points.push_back(*p);
    }
    for (const QString &line : diagnostics.toStringList())
        qCWarning(lcModbus).noquote() << line;

    m_blocks = ModbusPlanner::plan(m_points, m_settings.plannerLimits());
    m_blockOfPoint.assign(m_points.size(), 0);
    std::map<qint64, int> classOfPeriod;
    for (size_t b = 0; b < m_blocks.size(); ++b) {
        for (int p : m_blocks[b].points)
            m_blockOfPoint[size_t(p)] = int(b);
        auto [it, added] = classOfPeriod.try_emplace(m_blocks[b].scanMs, int(m_classes.size()));
        if (added) {
            m_classes.emplace_back();
            m_classes.back().periodMs = m_blocks[b].scanMs;
        }
        m_classes[size_t(it->second)].blocks.push_back(int(b));
    }
    m_health.reset(m_blocks.size());
    m_registers.assign(125, 0);
    m_bits.assign(2000, 0);
    qCInfo(lcModbus).noquote() << "device" << deviceId() << m_settings.endpoint() << ":"
                               << m_points.size() << "tags in" << m_blocks.size()
                               << "read requests," << m_classes.size() << "scan classes";
}

ModbusDriver::~ModbusDriver() = default;

void ModbusDriver::pollNow()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            for (size_t c = 0; c < m_classes.size(); ++c)
                startCycle(int(c));
        },
        Qt::QueuedConnection);
}

void ModbusDriver::onStart()
{
    m_running = true;
    m_paused = false;
    m_link = std::make_unique<ModbusLink>(m_settings, m_transportFactory(m_settings));
    m_linkConnections = 0;
    if (!m_reconnectTimer) {
        m_reconnectTimer = new QTimer(this);
        m_reconnectTimer->setSingleShot(true);
        connect(m_reconnectTimer, &QTimer::timeout, this,
                [this] { m_paused ? resumeNow() : connectNow(); });
        for (size_t c = 0; c < m_classes.size(); ++c) {
            ScanClass &sc = m_classes[c];
            sc.timer = new QTimer(this);
            sc.timer->setTimerType(Qt::PreciseTimer);
            sc.timer->setInterval(int(std::min<qint64>(sc.periodMs, INT_MAX)));
            connect(sc.timer, &QTimer::timeout, this, [this, c] { startCycle(int(c)); });
        }
    }
    connectNow();
}

void ModbusDriver::onStop()
{
    m_running = false;
    if (m_reconnectTimer)
        m_reconnectTimer->stop();
    for (ScanClass &sc : m_classes) {
        if (sc.timer)
            sc.timer->stop();
        sc.pending = 0;
    }
    m_reads.clear();
    m_writes.clear(); // the base class fails their pending promises
    m_paused = false;
    if (m_link)
        m_link->close();
}

void ModbusDriver::connectNow()
{
    if (!m_running)
        return;
    ModbusError error;
    if (!m_link->open(&error)) {
        updateStatistics([&](DriverStatistics &s) {
            s.recordError(error.kindName(), error.message, clock().nowMs());
        });
        if (status().state != DriverState::Disconnected)
            markAllTags(Quality::NotConnected);
        setStatus(DriverState::Disconnected, error.message);
        m_reconnectTimer->start(int(m_link->retryDelayMs()));
        return;
    }
    countConnections();
    m_health.reset(m_blocks.size());
    setStatus(DriverState::Connected);
    for (size_t c = 0; c < m_classes.size(); ++c) {
        m_classes[c].pending = 0;
        m_classes[c].timer->start();
        startCycle(int(c));
    }
}

void ModbusDriver::resumeNow()
{
    m_paused = false;
    if (!m_running)
        return;
    ModbusError error;
    if (!m_link->reopen(&error)) {
        updateStatistics([&](DriverStatistics &s) {
            s.recordError(error.kindName(), error.message, clock().nowMs());
        });
        linkLost(error);
        return;
    }
    countConnections();
    schedulePump(); // the interrupted cycles go on where they stopped
}

void ModbusDriver::pause(const ModbusError &error)
{
    m_paused = true;
    qCWarning(lcModbus).noquote() << "device" << deviceId() << "connected but no answer ("
                                  << error.message << "), reconnecting in" << m_link->retryDelayMs()
                                  << "ms";
    m_reconnectTimer->start(int(m_link->retryDelayMs()));
}

void ModbusDriver::countConnections()
{
    // Every connection after the first is a reconnect, also those the link opens by itself
    // after a broken reply.
    quint64 fresh = m_link->connections() - m_linkConnections;
    m_linkConnections = m_link->connections();
    quint64 reconnects = 0;
    for (; fresh > 0; --fresh) {
        if (++m_connects > 1)
            ++reconnects;
    }
    if (reconnects > 0)
        updateStatistics([reconnects](DriverStatistics &s) { s.reconnects += reconnects; });
}

bool ModbusDriver::linkUsable() const
{
    return m_running && m_link && m_link->isOpen();
}

void ModbusDriver::linkLost(const ModbusError &error)
{
    m_paused = false;
    m_link->close();
    m_reads.clear();
    const QString reason = QStringLiteral("connection lost: %1").arg(error.message);
    while (!m_writes.empty()) {
        const quint64 id = m_writes.front().id;
        m_writes.pop_front();
        completeWrite(id, false, reason);
    }
    for (ScanClass &sc : m_classes) {
        sc.timer->stop();
        sc.pending = 0;
    }
    if (!m_batch.isEmpty()) {
        publish(m_batch);
        m_batch.clear();
    }
    markAllTags(Quality::NotConnected);
    setStatus(DriverState::Disconnected, reason);
    qCWarning(lcModbus).noquote() << "device" << deviceId() << reason;
    m_reconnectTimer->start(int(m_link->retryDelayMs()));
}

void ModbusDriver::startCycle(int scanClass)
{
    if (!linkUsable())
        return;
    ScanClass &sc = m_classes[size_t(scanClass)];
    if (sc.pending > 0)
        return; // still running: this period is skipped, counted when the cycle ends
    sc.cycle = m_nextCycle++;
    sc.pending = int(sc.blocks.size());
    sc.started.start();
    for (int b : sc.blocks)
        m_reads.push_back({b, scanClass, sc.cycle});
    schedulePump();
}

void ModbusDriver::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &ModbusDriver::pump, Qt::QueuedConnection);
}

void ModbusDriver::pump()
{
    m_pumpQueued = false;
    QElapsedTimer slice;
    slice.start();
    while (linkUsable()) {
        if (!m_writes.empty()) {
            const ModbusWrite job = std::move(m_writes.front());
            m_writes.pop_front();
            runWrite(job);
        } else if (!m_reads.empty()) {
            const ReadJob job = m_reads.front();
            m_reads.pop_front();
            runRead(job);
        } else {
            break;
        }
        if (slice.nsecsElapsed() > kSliceNs)
            break;
    }
    if (!m_batch.isEmpty()) {
        publish(m_batch);
        m_batch.clear();
    }
    updateHealth();
    if (linkUsable() && (!m_reads.empty() || !m_writes.empty()))
        schedulePump();
}

void ModbusDriver::runRead(const ReadJob &job)
{
    const ModbusBlock &b = m_blocks[size_t(job.block)];
    ModbusError error;
    const ModbusLink::Outcome outcome =
        m_link->read(b, job.scanClass >= 0 ? job.cycle : 0, m_registers.data(), m_bits.data(),
                     &error, [this](const ModbusError *e, double ms) { recordAttempt(e, ms); });
    countConnections();
    switch (outcome) {
    case ModbusLink::Outcome::Ok:
        recordNonFinite(ModbusSampler::decode(b, m_points, m_registers.data(), m_bits.data(),
                                              clock().nowMs(), m_batch));
        m_health.succeeded(job.block);
        break;
    case ModbusLink::Outcome::Skipped:
        markBlock(job.block, Quality::CommError);
        break;
    case ModbusLink::Outcome::LinkLost:
        linkLost(error);
        return;
    case ModbusLink::Outcome::Failed:
    case ModbusLink::Outcome::Paused:
        m_health.failed(job.block, QStringLiteral("unit %1 %2%3+%4: %5")
                                       .arg(b.unit)
                                       .arg(ModbusAddress::areaPrefix(b.area))
                                       .arg(b.start)
                                       .arg(b.count)
                                       .arg(error.message));
        markBlock(job.block, Quality::CommError);
        break;
    }
    finishRead(job);
    if (outcome == ModbusLink::Outcome::Paused)
        pause(error);
}

void ModbusDriver::finishRead(const ReadJob &job)
{
    if (job.scanClass < 0)
        return;
    ScanClass &sc = m_classes[size_t(job.scanClass)];
    if (sc.cycle != job.cycle || sc.pending <= 0)
        return;
    if (--sc.pending == 0) {
        if (!m_batch.isEmpty()) { // the cycle is complete when its samples are out
            publish(m_batch);
            m_batch.clear();
        }
        const double ms = double(sc.started.nsecsElapsed()) / 1e6;
        if (const quint64 missed = quint64(ms / double(sc.periodMs)); missed > 0)
            updateStatistics([missed](DriverStatistics &s) { s.overruns += missed; });
        emit cycleCompleted(sc.periodMs, ms);
    }
}

void ModbusDriver::markBlock(int block, Quality quality)
{
    ModbusSampler::mark(m_blocks[size_t(block)], m_points, quality, clock().nowMs(), m_batch);
    m_health.failed(block, QString());
}

void ModbusDriver::recordNonFinite(const std::vector<int> &points)
{
    for (int i : points) {
        const ModbusPoint &p = m_points[size_t(i)];
        updateStatistics([&](DriverStatistics &s) {
            ModbusCounters::countNonFinite(s, tags().at(p.tag).id, p, clock().nowMs());
        });
    }
}

void ModbusDriver::recordAttempt(const ModbusError *error, double rttMs)
{
    updateStatistics(
        [&](DriverStatistics &s) { ModbusCounters::countTry(s, error, rttMs, clock().nowMs()); });
}

void ModbusDriver::updateHealth()
{
    if (!linkUsable() && !(m_running && m_paused))
        return;
    const DriverStatus summary = m_health.summary(m_blocks, m_link->units());
    setStatus(summary.state, summary.reason);
}

void ModbusDriver::onWrite(quint64 id, quint32 tag, const RawValue &raw)
{
    const int point = pointOfTag(tag);
    if (point < 0) {
        completeWrite(
            id, false,
            QStringLiteral("tag '%1' has no valid Modbus address").arg(tags().at(tag).id));
        return;
    }
    if (!linkUsable()) {
        completeWrite(
            id, false,
            QStringLiteral("device '%1' is not connected (%2)").arg(deviceId(), status().reason));
        return;
    }
    QString error;
    std::optional<ModbusWrite> write =
        ModbusWrite::encode(m_points[size_t(point)], point, raw, &error);
    if (!write) {
        completeWrite(id, false, error);
        return;
    }
    write->id = id;
    m_writes.push_back(std::move(*write));
    schedulePump();
}

void ModbusDriver::runWrite(const ModbusWrite &job)
{
    const ModbusPoint &p = m_points[size_t(job.point)];
    ModbusError error;
    const ModbusLink::Outcome outcome =
        m_link->write(job, p, m_settings.singleWrite, &error,
                      [this](const ModbusError *e, double ms) { recordAttempt(e, ms); });
    countConnections();
    if (outcome == ModbusLink::Outcome::Ok) {
        completeWrite(job.id, true);
        // Read the new value back at once, ahead of the running cycles.
        m_reads.push_front({m_blockOfPoint[size_t(job.point)], -1, 0});
        return;
    }
    completeWrite(
        job.id, false,
        QStringLiteral("unit %1 %2: %3").arg(p.unit).arg(p.address.toString(), error.message));
    if (outcome == ModbusLink::Outcome::LinkLost)
        linkLost(error);
    else if (outcome == ModbusLink::Outcome::Paused)
        pause(error);
}

int ModbusDriver::pointOfTag(quint32 tag) const
{
    for (size_t i = 0; i < m_points.size(); ++i) {
        if (m_points[i].tag == tag)
            return int(i);
    }
    return -1;
}

} // namespace vigil
