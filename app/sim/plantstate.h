#pragma once

namespace vigil::sim
{

// Commands an operator (or the HMI) gives the simulated unit.
struct PlantCommands {
    bool valveOpen = true;       // XV-101 inlet valve: open / close
    bool pumpRun = true;         // P-101 outlet pump: start / stop
    bool heaterOn = true;        // E-101 heater enable
    double temperatureSp = 60.0; // °C
    double pumpSpeed = 80.0;     // %

    bool operator==(const PlantCommands &) const = default;
};

// The simulated unit's process values, in engineering units. Protocol front-ends (Modbus, later
// MQTT and serial) read this and never compute physics themselves.
struct PlantState {
    PlantCommands commands;
    double timeS = 0.0;         // simulated seconds since start
    double valvePosition = 0.0; // 0..1
    bool valveOpened = false;   // limit switch ZSO
    bool valveClosed = true;    // limit switch ZSC
    double inletFlow = 0.0;     // m³/h
    double outletFlow = 0.0;    // m³/h
    double level = 50.0;        // %
    bool pumpRunning = false;   // run feedback
    double motorCurrent = 0.0;  // A
    double vibration = 0.0;     // mm/s
    double pressure = 0.0;      // bar (discharge line)
    double temperature = 20.0;  // °C
    double heaterPower = 0.0;   // kW
    double total = 0.0;         // m³ pumped out (totaliser)
};

} // namespace vigil::sim
