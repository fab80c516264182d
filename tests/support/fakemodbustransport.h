#pragma once

// An in-process Modbus device behind the ModbusTransport seam, for tests of the driver's retry,
// backoff and unit tracking that run in milliseconds. A FakeModbusDevice holds registers and
// scripted failure modes and lives in the test; FakeModbusTransport (created by the driver's
// transport factory, or by the test for a ModbusLink) talks to it. Time is a ManualClock: a
// timeout costs the response timeout on it, nothing sleeps. Test code only; not linked into the
// app.

#include "modbus/modbustransport.h"
#include "util/manualclock.h"

#include <QMutex>
#include <QMutexLocker>

#include <cerrno>
#include <deque>
#include <map>
#include <memory>
#include <vector>

namespace vigil::testing
{

class FakeModbusDevice
{
public:
    enum class Fault : quint8 {
        None,
        Timeout,   // no answer within the response timeout
        Exception, // a Modbus exception (exceptionCode)
        Refused,   // the connection is refused (open) or reset (a request)
        Drop,      // the connection closes during the request
        Corrupt,   // a reply that does not parse (wrong id, length, function...)
    };
    struct Script {
        Fault fault = Fault::None;
        int exceptionCode = 4;
    };

    explicit FakeModbusDevice(ManualClock &clock, qint64 responseTimeoutMs = 1000, bool rtu = false)
        : m_clock(clock)
        , m_timeoutMs(responseTimeoutMs)
        , m_rtu(rtu)
    {
    }

    // Failure modes. A queued fault applies to the next request (of any unit) once; a unit fault
    // to every request of that unit until cleared; refuse() to every connection attempt.
    void queue(Fault fault, int exceptionCode = 4)
    {
        QMutexLocker lock(&m_mutex);
        m_queue.push_back({fault, exceptionCode});
    }
    void setUnitFault(int unit, Fault fault, int exceptionCode = 4)
    {
        QMutexLocker lock(&m_mutex);
        m_unitFaults[unit] = {fault, exceptionCode};
    }
    void refuse(bool refuse)
    {
        QMutexLocker lock(&m_mutex);
        m_refuse = refuse;
    }
    void setRegister(int address, uint16_t value)
    {
        QMutexLocker lock(&m_mutex);
        m_registers[address] = value;
    }
    uint16_t holding(int address) const
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_registers.find(address);
        return it == m_registers.end() ? 0 : it->second;
    }

    // What happened, on the fake clock.
    std::vector<qint64> connectAttempts() const
    {
        QMutexLocker lock(&m_mutex);
        return m_connectAttempts;
    }
    int requests(int unit) const
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_requests.find(unit);
        return it == m_requests.end() ? 0 : it->second;
    }
    int writes() const
    {
        QMutexLocker lock(&m_mutex);
        return m_writes;
    }
    ManualClock &clock() { return m_clock; }

    // Transport side (called through FakeModbusTransport).
    bool connect(ModbusError *error)
    {
        QMutexLocker lock(&m_mutex);
        m_connectAttempts.push_back(m_clock.nowMs());
        if (m_refuse) {
            *error = ModbusError::link(QStringLiteral("fake: Connection refused"), ECONNREFUSED);
            return false;
        }
        return true;
    }
    // Plays one request of unit: the fault that applies, if any, else performs it.
    template<typename Perform>
    bool transact(int unit, bool *keepOpen, ModbusError *error, const Perform &perform)
    {
        QMutexLocker lock(&m_mutex);
        ++m_requests[unit];
        Script script;
        if (!m_queue.empty()) {
            script = m_queue.front();
            m_queue.pop_front();
        } else if (const auto it = m_unitFaults.find(unit); it != m_unitFaults.end()) {
            script = it->second;
        }
        *keepOpen = true;
        switch (script.fault) {
        case Fault::None:
            perform(m_registers);
            return true;
        case Fault::Timeout:
            m_clock.advance(m_timeoutMs);
            *error = ModbusError::fromErrno(ETIMEDOUT);
            *keepOpen = m_rtu;
            return false;
        case Fault::Exception:
            *error = ModbusError{ModbusError::Kind::Exception, script.exceptionCode,
                                 ModbusError::exceptionText(script.exceptionCode)};
            return false;
        case Fault::Refused:
        case Fault::Drop:
            *error =
                ModbusError::link(QStringLiteral("fake: Connection reset by peer"), ECONNRESET);
            *keepOpen = false;
            return false;
        case Fault::Corrupt:
            *error = ModbusError{ModbusError::Kind::BadResponse, 0,
                                 QStringLiteral("fake: malformed response")};
            *keepOpen = m_rtu;
            return false;
        }
        return false;
    }
    void countWrite()
    {
        QMutexLocker lock(&m_mutex);
        ++m_writes;
    }

private:
    mutable QMutex m_mutex;
    ManualClock &m_clock;
    qint64 m_timeoutMs;
    bool m_rtu;
    bool m_refuse = false;
    std::deque<Script> m_queue;
    std::map<int, Script> m_unitFaults;
    std::map<int, uint16_t> m_registers; // one register space shared by every area and unit
    std::vector<qint64> m_connectAttempts;
    std::map<int, int> m_requests;
    int m_writes = 0;
};

class FakeModbusTransport final : public ModbusTransport
{
public:
    explicit FakeModbusTransport(std::shared_ptr<FakeModbusDevice> device)
        : m_device(std::move(device))
    {
    }

    bool open(ModbusError *error) override
    {
        m_open = m_device->connect(error);
        return m_open;
    }
    void close() override { m_open = false; }
    bool isOpen() const override { return m_open; }

    bool readRegisters(int unit, ModbusAddress::Area, int start, int count, uint16_t *dest,
                       ModbusError *error) override
    {
        return run(unit, error, [&](std::map<int, uint16_t> &regs) {
            for (int i = 0; i < count; ++i)
                dest[i] = regs[start + i];
        });
    }
    bool readBits(int unit, ModbusAddress::Area, int start, int count, uint8_t *dest,
                  ModbusError *error) override
    {
        return run(unit, error, [&](std::map<int, uint16_t> &regs) {
            for (int i = 0; i < count; ++i)
                dest[i] = regs[start + i] != 0 ? 1 : 0;
        });
    }
    bool writeCoil(int unit, int address, bool value, bool, ModbusError *error) override
    {
        return write(unit, error,
                     [&](std::map<int, uint16_t> &regs) { regs[address] = value ? 1 : 0; });
    }
    bool writeRegisters(int unit, int address, int count, const uint16_t *values, bool,
                        ModbusError *error) override
    {
        return write(unit, error, [&](std::map<int, uint16_t> &regs) {
            for (int i = 0; i < count; ++i)
                regs[address + i] = values[i];
        });
    }
    bool maskWriteRegister(int unit, int address, uint16_t andMask, uint16_t orMask,
                           ModbusError *error) override
    {
        return write(unit, error, [&](std::map<int, uint16_t> &regs) {
            regs[address] = uint16_t((regs[address] & andMask) | (orMask & ~andMask));
        });
    }

private:
    template<typename Perform>
    bool run(int unit, ModbusError *error, const Perform &perform)
    {
        if (!m_open) {
            *error = ModbusError::link(QStringLiteral("not connected"), ENOTCONN);
            return false;
        }
        bool keepOpen = true;
        const bool ok = m_device->transact(unit, &keepOpen, error, perform);
        m_open = keepOpen;
        return ok;
    }
    template<typename Perform>
    bool write(int unit, ModbusError *error, const Perform &perform)
    {
        const bool ok = run(unit, error, perform);
        if (ok)
            m_device->countWrite();
        return ok;
    }

    std::shared_ptr<FakeModbusDevice> m_device;
    bool m_open = false;
};

} // namespace vigil::testing
