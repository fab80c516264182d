#pragma once

#include "driver.h"
#include "modbusblock.h"
#include "modbusblockhealth.h"
#include "modbuslink.h"
#include "modbuspoint.h"
#include "modbussettings.h"
#include "modbuswrite.h"

#include <QElapsedTimer>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace vigil
{

struct ModbusError;

// The "modbus" driver: polls one Modbus TCP connection or one RTU serial bus (several unit ids)
// through a ModbusLink (libmodbus by default), on the driver's own thread. Each scan class has a
// timer that starts a cycle (its blocks are queued); queued jobs run in short slices so the thread
// stays responsive to writes (which jump the queue) and stop(). A cycle still running when its next
// one is due makes that one skip (the schedule is kept); each period a cycle overran counts as an
// overrun.
class ModbusDriver final : public Driver
{
    Q_OBJECT
public:
    // Makes the transport of each start(); tests pass a fake, the default is libmodbus.
    using TransportFactory =
        std::function<std::unique_ptr<ModbusTransport>(const ModbusSettings &)>;

    explicit ModbusDriver(DriverContext context, TransportFactory transport = {});
    ~ModbusDriver() override;

    const ModbusSettings &settings() const { return m_settings; }
    const std::vector<ModbusPoint> &points() const { return m_points; }
    const std::vector<ModbusBlock> &blocks() const { return m_blocks; }

    // Starts a cycle of every scan class now (thread-safe; used by tools and benchmarks).
    void pollNow();

signals:
    // A scan cycle finished (driver thread): its period and how long it took.
    void cycleCompleted(qint64 scanMs, double durationMs);

protected:
    void onStart() override;
    void onStop() override;
    void onWrite(quint64 id, quint32 tag, const RawValue &raw) override;

private:
    struct ScanClass {
        qint64 periodMs = 0;
        std::vector<int> blocks;
        QTimer *timer = nullptr;
        int pending = 0; // blocks of the running cycle not done yet
        quint64 cycle = 0;
        QElapsedTimer started;
    };
    struct ReadJob {
        int block = 0;
        int scanClass = -1; // -1: a read-back after a write, outside any cycle
        quint64 cycle = 0;
    };

    void connectNow();
    void resumeNow();
    void linkLost(const ModbusError &error);
    void pause(const ModbusError &error);
    bool linkUsable() const;
    void countConnections();
    void startCycle(int scanClass);
    void schedulePump();
    void pump();
    void runRead(const ReadJob &job);
    void runWrite(const ModbusWrite &job);
    void finishRead(const ReadJob &job);
    void markBlock(int block, Quality quality);
    void recordAttempt(const ModbusError *error, double rttMs);
    void recordNonFinite(const std::vector<int> &points);
    void updateHealth();
    int pointOfTag(quint32 tag) const;

    ModbusSettings m_settings;
    std::vector<ModbusPoint> m_points;
    std::vector<ModbusBlock> m_blocks;
    std::vector<int> m_blockOfPoint;
    std::vector<ScanClass> m_classes;
    TransportFactory m_transportFactory;
    std::unique_ptr<ModbusLink> m_link;
    QTimer *m_reconnectTimer = nullptr;
    std::deque<ReadJob> m_reads;
    std::deque<ModbusWrite> m_writes;
    ModbusBlockHealth m_health;
    std::vector<uint16_t> m_registers;
    std::vector<uint8_t> m_bits;
    SampleBatch m_batch;
    quint64 m_nextCycle = 1;
    quint64 m_connects = 0;        // connections opened since the driver was created
    quint64 m_linkConnections = 0; // of them, by the current link
    bool m_running = false;
    bool m_paused = false; // waiting to reopen a connection on which the device never answered
    bool m_pumpQueued = false;
};

} // namespace vigil
