#include "modbuslink.h"

#include "modbuspoint.h"
#include "modbuswrite.h"

#include <QElapsedTimer>

namespace vigil
{

ModbusLink::ModbusLink(const ModbusSettings &settings, std::unique_ptr<ModbusTransport> transport,
                       quint64 seed)
    : m_retries(settings.retries)
    , m_transport(std::move(transport))
    , m_backoff(settings.reconnectMinMs, settings.reconnectMaxMs, seed)
{
}

bool ModbusLink::open(ModbusError *error)
{
    m_units.clear();
    return openTransport(error);
}

bool ModbusLink::reopen(ModbusError *error)
{
    return openTransport(error);
}

bool ModbusLink::openTransport(ModbusError *error)
{
    m_answered = false;
    if (!m_transport->open(error)) {
        m_retryDelayMs = m_backoff.next();
        return false;
    }
    ++m_connections;
    return true;
}

void ModbusLink::close()
{
    m_transport->close();
}

ModbusLink::Outcome ModbusLink::read(const ModbusBlock &block, quint64 cycle, uint16_t *registers,
                                     uint8_t *bits, ModbusError *error, const Observer &observe)
{
    if (cycle != 0 && !m_units.admit(block.unit, cycle))
        return Outcome::Skipped;
    const bool isBits =
        block.area == ModbusAddress::Area::Coil || block.area == ModbusAddress::Area::DiscreteInput;
    return transact(
        block.unit, true, cycle, error, observe, [&](ModbusTransport &t, ModbusError *e) {
            return isBits ? t.readBits(block.unit, block.area, block.start, block.count, bits, e)
                          : t.readRegisters(block.unit, block.area, block.start, block.count,
                                            registers, e);
        });
}

ModbusLink::Outcome ModbusLink::write(const ModbusWrite &job, const ModbusPoint &point,
                                      bool singleWrite, ModbusError *error, const Observer &observe)
{
    return transact(point.unit, false, 0, error, observe, [&](ModbusTransport &t, ModbusError *e) {
        return job.execute(t, point, singleWrite, e);
    });
}

ModbusLink::Outcome ModbusLink::transact(int unit, bool isRead, quint64 cycle, ModbusError *error,
                                         const Observer &observe, const Request &request)
{
    if (!m_transport->isOpen()) {
        *error = ModbusError::link(QStringLiteral("not connected"));
        m_retryDelayMs = m_backoff.next();
        return Outcome::LinkLost;
    }
    const int tries = m_units.tries(unit, m_retries);
    for (int t = 0; t < tries; ++t) {
        QElapsedTimer rtt;
        rtt.start();
        const bool ok = request(*m_transport, error);
        observe(ok ? nullptr : error, double(rtt.nsecsElapsed()) / 1e6);
        if (ok) {
            answered(unit);
            return Outcome::Ok;
        }
        if (error->kind == ModbusError::Kind::Exception) {
            answered(unit); // an answer: retrying will not change it
            return Outcome::Failed;
        }
        if (!m_transport->isOpen()) {
            if (!m_answered) {
                m_retryDelayMs = m_backoff.next();
                if (error->isLinkLost())
                    return Outcome::LinkLost;
                // Accepted but never answered: no faster than a refused connection.
                if (isRead && error->kind == ModbusError::Kind::Timeout)
                    m_units.timedOut(unit, cycle);
                return Outcome::Paused;
            }
            // The device answered on this connection: one bad reply or a connection closed in
            // the middle of one costs that request, not the link. A new connection at once.
            ModbusError reopenError;
            if (!openTransport(&reopenError)) {
                *error = reopenError;
                return Outcome::LinkLost;
            }
        }
    }
    if (isRead && error->kind == ModbusError::Kind::Timeout)
        m_units.timedOut(unit, cycle);
    return Outcome::Failed;
}

void ModbusLink::answered(int unit)
{
    m_units.succeeded(unit);
    m_answered = true;
    m_backoff.reset();
}

} // namespace vigil
