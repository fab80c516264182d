#pragma once

#include "driver.h"
#include "simsignal.h"

#include <QTimer>

#include <random>
#include <vector>

namespace vigil
{

// The "sim" driver: generates each tag's signal on a fixed period so the app runs without
// hardware and tests have a deterministic source (values depend only on the clock and seed).
// Device settings: period (default "500ms"), seed (default 1).
class SimDriver final : public Driver
{
    Q_OBJECT
public:
    explicit SimDriver(DriverContext context);

    qint64 periodMs() const { return m_periodMs; }
    // Produces one batch for the clock's current time (driver thread).
    void tick();

protected:
    void onStart() override;
    void onStop() override;
    void onWrite(quint64 id, quint32 tag, const RawValue &raw) override;

private:
    struct Entry {
        quint32 tag;
        SimSignal signal;
    };
    qint64 m_periodMs = 500;
    std::vector<Entry> m_entries;
    std::vector<quint32> m_unusable;
    std::mt19937_64 m_rng;
    QTimer *m_timer = nullptr;
};

} // namespace vigil
