#pragma once

#include "plantstate.h"

#include <QMutex>

#include <random>

namespace vigil::sim
{

// The physics of the demo unit: tank T-101 filled through inlet valve XV-101 (travel time) and
// emptied by pump P-101 (start delay, inrush current, speed, suction level), heated by E-101 under
// a PI temperature controller with a first-order process lag, discharge line pressure, a flow
// totaliser and a noisy vibration signal. Thread-safe: front-ends read state() and give commands
// from their own threads while step() runs on the simulation clock.
class PlantModel
{
public:
    static constexpr double kValveTravelS = 8.0;
    static constexpr double kPumpStartDelayS = 1.0;
    static constexpr double kTankVolumeM3 = 10.0;
    static constexpr double kAmbientC = 15.0;

    explicit PlantModel(quint64 seed = 1);

    PlantState state() const;
    void setCommands(const PlantCommands &commands);
    PlantCommands commands() const;

    // Advances the process by dt simulated seconds.
    void step(double dtS);

private:
    double noise(double sigma);

    mutable QMutex m_mutex;
    PlantState m_s;
    double m_pumpStartTimer = 0.0;
    double m_integral = 0.0;
    std::mt19937_64 m_rng;
};

} // namespace vigil::sim
