#include "plantmodel.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vigil::sim
{

PlantModel::PlantModel(quint64 seed)
    : m_rng(seed)
{
    m_s.temperature = 45.0;
}

PlantState PlantModel::state() const
{
    QMutexLocker lock(&m_mutex);
    return m_s;
}

PlantCommands PlantModel::commands() const
{
    QMutexLocker lock(&m_mutex);
    return m_s.commands;
}

void PlantModel::setCommands(const PlantCommands &commands)
{
    QMutexLocker lock(&m_mutex);
    m_s.commands = commands;
    m_s.commands.temperatureSp = std::clamp(commands.temperatureSp, 0.0, 120.0);
    m_s.commands.pumpSpeed = std::clamp(commands.pumpSpeed, 0.0, 100.0);
}

double PlantModel::noise(double sigma)
{
    return std::normal_distribution<double>(0.0, sigma)(m_rng);
}

void PlantModel::step(double dt)
{
    if (dt <= 0)
        return;
    QMutexLocker lock(&m_mutex);
    PlantState &s = m_s;
    const PlantCommands &c = s.commands;
    s.timeS += dt;

    // Inlet valve: moves at constant speed over its travel time; limit switches at the ends.
    const double target = c.valveOpen ? 1.0 : 0.0;
    const double stroke = dt / kValveTravelS;
    s.valvePosition += std::clamp(target - s.valvePosition, -stroke, stroke);
    s.valveOpened = s.valvePosition >= 0.98;
    s.valveClosed = s.valvePosition <= 0.02;
    s.inletFlow = std::max(0.0, 30.0 * s.valvePosition + (s.valvePosition > 0 ? noise(0.1) : 0.0));

    // Pump: runs after its start delay while commanded; trips when the tank runs dry.
    const bool wasRunning = s.pumpRunning;
    if (c.pumpRun && s.level > 1.0) {
        m_pumpStartTimer += dt;
        s.pumpRunning = m_pumpStartTimer >= kPumpStartDelayS;
    } else {
        m_pumpStartTimer = 0.0;
        s.pumpRunning = false;
    }
    const double speed = c.pumpSpeed / 100.0;
    const double suction = std::sqrt(std::clamp(s.level / 100.0, 0.0, 1.0));
    s.outletFlow = s.pumpRunning ? std::max(0.0, 45.0 * speed * suction + noise(0.1)) : 0.0;

    // Tank mass balance.
    s.level += (s.inletFlow - s.outletFlow) / 3600.0 * dt / kTankVolumeM3 * 100.0;
    s.level = std::clamp(s.level, 0.0, 100.0);
    s.total += s.outletFlow / 3600.0 * dt;

    // Motor current: inrush on start, then a first-order approach to the load current.
    if (s.pumpRunning && !wasRunning)
        s.motorCurrent = 60.0;
    const double load = s.pumpRunning ? 6.0 + 0.4 * s.outletFlow + 4.0 * speed : 0.0;
    s.motorCurrent += (load - s.motorCurrent) * std::min(1.0, dt / 0.5);
    s.motorCurrent = std::max(0.0, s.motorCurrent + (s.pumpRunning ? noise(0.05) : 0.0));

    // Discharge pressure: pump head by speed² plus static head; settles at the static head.
    const double head = s.pumpRunning ? 0.6 + 4.2 * speed * speed : 0.0;
    s.pressure = std::max(0.0, 0.2 + 0.006 * s.level + head + noise(0.01));

    // Vibration: a running pump shakes with a slow swell and noise.
    s.vibration =
        s.pumpRunning
            ? std::abs(2.4 + 0.5 * std::sin(2 * std::numbers::pi * s.timeS / 45.0) + noise(0.25))
            : std::abs(noise(0.03));

    // Heater: PI controller on the temperature setpoint; tank temperature is a first-order lag
    // (60 s) towards ambient plus 0.6 °C per kW.
    if (c.heaterOn && s.level > 5.0) {
        const double error = c.temperatureSp - s.temperature;
        m_integral = std::clamp(m_integral + 1.0 * error * dt, 0.0, 90.0);
        s.heaterPower = std::clamp(6.0 * error + m_integral, 0.0, 90.0);
    } else {
        m_integral = 0.0;
        s.heaterPower = 0.0;
    }
    const double equilibrium = kAmbientC + 0.6 * s.heaterPower;
    s.temperature += (equilibrium - s.temperature) * std::min(1.0, dt / 60.0);
}

} // namespace vigil::sim
